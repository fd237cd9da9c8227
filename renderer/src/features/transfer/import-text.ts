import type { ValidationIssue } from '../../../../preload/contract';
import { WorkbenchCallError } from '../../../../preload/api';
import { failureMessage } from '../../lib/bridge';
import { IMPORT_MAX_CHARS } from '../../lib/input-limits';
import { payloadIssues } from '../../lib/payload-issues';

/** Why an import failed, as the dialog lists it. */
export interface ImportFailure {
  message: string;
  issues: ValidationIssue[];
}

const CHOOSE = 'Choose a Token Workbench export file.';

/** What is wrong with a file's text before it is sent (empty, too large), or null. */
export function localImportProblem(json: string): string | null {
  if (json.trim() === '') return `The file is empty. ${CHOOSE}`;
  if (json.length > IMPORT_MAX_CHARS) return `The file is larger than 5 MB. ${CHOOSE}`;
  return null;
}

/** "is not JSON" → "The file is not JSON."; main's whole-file issues read as a sentence. */
function aboutTheFile(message: string): string {
  const sentence = message.replace(/^the file /i, '').replace(/\.$/, '');
  return `The file ${sentence}.`;
}

/**
 * Main's refusal as plain sentences: its schema's "Invalid request: json: the file is larger
 * than 5 MB" and a lone whole-file issue ("is not JSON") become one sentence about the file;
 * issues with a path in the file stay listed.
 */
export function importFailure(reason: unknown): ImportFailure {
  const payload = payloadIssues(reason).find((issue) => issue.field === 'json');
  if (payload) return { message: `${aboutTheFile(payload.message)} ${CHOOSE}`, issues: [] };

  const issues = reason instanceof WorkbenchCallError ? reason.issues : [];
  const [only] = issues;
  if (issues.length === 1 && only && only.field === '') {
    return { message: `${aboutTheFile(only.message)} ${CHOOSE}`, issues: [] };
  }
  return { message: failureMessage(reason), issues };
}
