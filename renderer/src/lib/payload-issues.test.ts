import { describe, expect, it } from 'vitest';
import { WorkbenchCallError } from '../../../preload/api';
import { fieldOfPath, payloadIssues } from './payload-issues';

const refused = (message: string, kind: 'validation' | 'internal' = 'validation') =>
  new WorkbenchCallError({ kind, message });

describe('payloadIssues', () => {
  it("reads main's schema refusal into one issue per named field", () => {
    const reason = refused(
      'Invalid request: draft.clientSecret: is longer than 65,536 characters; ' +
        'draft.appId: is longer than 100 characters',
    );

    expect(payloadIssues(reason)).toEqual([
      { field: 'clientSecret', message: 'is too long (at most 65,536 characters)' },
      { field: 'appId', message: 'is too long (at most 100 characters)' },
    ]);
  });

  it('names the input of an entity save and of sign-in options the same way', () => {
    const reason = refused(
      'Invalid request: input.appId: is longer than 100 characters; ' +
        'options.path: must start with / and hold visible ASCII only',
    );

    expect(payloadIssues(reason).map((issue) => issue.field)).toEqual(['appId', 'path']);
  });

  it('finds nothing in a validation error that is not a payload refusal', () => {
    expect(payloadIssues(refused('That token has no usable refresh token'))).toEqual([]);
  });

  it('finds nothing in other kinds of failure or plain errors', () => {
    expect(payloadIssues(refused('Invalid request: draft.code: x', 'internal'))).toEqual([]);
    expect(payloadIssues(new Error('Invalid request: draft.code: x'))).toEqual([]);
  });
});

describe('fieldOfPath', () => {
  it('takes the last named segment, skipping array indexes', () => {
    expect(fieldOfPath('draft.clientSecret')).toBe('clientSecret');
    expect(fieldOfPath('data.apps[2].appId')).toBe('appId');
    expect(fieldOfPath('data.apps.2')).toBe('apps');
  });
});
