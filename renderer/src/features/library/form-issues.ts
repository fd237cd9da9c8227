import type { BridgeError, ValidationIssue } from '../../../../preload/contract';
import { WorkbenchCallError } from '../../../../preload/api';
import { failureMessage } from '../../lib/bridge';
import { payloadIssues } from '../../lib/payload-issues';

/** Why a save or delete failed, sorted for the form: messages per field and the rest. */
export interface FormFailure {
  kind: BridgeError['kind'] | 'unknown';
  message: string;
  /** Input field name → the message shown under it. */
  byField: Record<string, string>;
  /** Issues naming no field of this form. */
  other: ValidationIssue[];
}

/**
 * An issue as read under its input. Main says "must be a number" or "client_id is required";
 * the first gets the field's label in front ("App ID must be a number"), the second reads as is.
 */
export function fieldMessage(label: string, message: string): string {
  return /^(must|is|should|cannot) /.test(message) ? `${label} ${message}` : message;
}

/**
 * Sorts a rejected call's issues onto the form's fields (labels name the fields it has). A
 * payload main's schema refused ("Invalid request: input.appId: is longer than …") is read
 * into issues too, so a value too long is marked on its field like any other issue.
 */
export function formFailure(reason: unknown, labels: Record<string, string>): FormFailure {
  if (!(reason instanceof WorkbenchCallError)) {
    return { kind: 'unknown', message: failureMessage(reason), byField: {}, other: [] };
  }
  const byField: Record<string, string> = {};
  const other: ValidationIssue[] = [];
  const fromPayload = reason.issues.length === 0 ? payloadIssues(reason) : [];
  const issues = fromPayload.length > 0 ? fromPayload : reason.issues;
  for (const issue of issues) {
    const label = labels[issue.field];
    if (label === undefined) {
      other.push(issue);
      continue;
    }
    const text = fieldMessage(label, issue.message);
    const seen = byField[issue.field];
    byField[issue.field] = seen ? `${seen}; ${text}` : text;
  }
  // Main's schema wording ("Invalid request: input.x: …") is for developers; the issues say it.
  const message = fromPayload.length > 0 ? 'Some values were not accepted.' : reason.message;
  return { kind: reason.kind, message, byField, other };
}

/** A failure the form found itself, before asking main. */
export function localFailure(byField: Record<string, string>): FormFailure | null {
  if (Object.keys(byField).length === 0) return null;
  return { kind: 'validation', message: 'Check the marked fields.', byField, other: [] };
}

/** A secret input's value for entity:save: omitted keeps the saved one, null clears it. */
export function secretValue(typed: string, cleared: boolean): string | null | undefined {
  if (cleared) return null;
  return typed === '' ? undefined : typed;
}
