import type { ValidationIssue } from '../../../preload/contract';
import { WorkbenchCallError } from '../../../preload/api';

// main/dispatch.ts answers a payload its schema refused as one sentence, e.g.
// "Invalid request: draft.clientSecret: is longer than 65,536 characters; input.appId: …".
// Limitation: this reads main's wording, because that refusal carries no `issues`; if main sent
// them (BridgeError.issues with the path's field) this parser would no longer be needed.
const PREFIX = 'Invalid request: ';
const ISSUE = /^([A-Za-z_$][\w$]*(?:\.[\w$]+|\[\d+\])*): (.+)$/;

/**
 * The input a payload path names: its last named segment
 * ("draft.clientSecret" → clientSecret).
 */
export function fieldOfPath(path: string): string {
  const named = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return named.at(-1) ?? path;
}

/**
 * Main's schema wording made readable after a field's label
 * ("… is too long (at most 100 …)").
 */
export function readablePayloadMessage(message: string): string {
  const longer = /^is longer than ([\d,]+) characters\.?$/.exec(message);
  if (longer) return `is too long (at most ${longer[1]} characters)`;
  return message;
}

/**
 * The field issues in a bridge validation error whose payload main's schema refused: the path's
 * input and a readable message, so a form can mark the field like its other issues. Empty for
 * any other failure.
 */
export function payloadIssues(reason: unknown): ValidationIssue[] {
  if (!(reason instanceof WorkbenchCallError) || reason.kind !== 'validation') return [];
  if (!reason.message.startsWith(PREFIX)) return [];

  const issues: ValidationIssue[] = [];
  for (const part of reason.message.slice(PREFIX.length).split('; ')) {
    const match = ISSUE.exec(part);
    if (!match?.[1] || !match[2]) continue;
    issues.push({ field: fieldOfPath(match[1]), message: readablePayloadMessage(match[2]) });
  }
  return issues;
}
