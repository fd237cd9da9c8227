import { describe, expect, it } from 'vitest';
import { WorkbenchCallError } from '../../../../preload/api';
import { fieldMessage, formFailure, secretValue } from './form-issues';

describe('fieldMessage', () => {
  it('puts the label in front of "must …"', () => {
    expect(fieldMessage('App ID', 'must be a number')).toBe('App ID must be a number');
  });

  it("keeps a message that names the field in main's words", () => {
    expect(fieldMessage('Client ID', 'client_id is required')).toBe('client_id is required');
  });
});

describe('formFailure', () => {
  const labels = { appId: 'App ID', name: 'Name' };

  it('puts each issue under the field it names and keeps the rest apart', () => {
    const error = new WorkbenchCallError({
      kind: 'validation',
      message: 'Check the app: appId: must be a number.',
      issues: [
        { field: 'appId', message: 'must be a number' },
        { field: 'clientRef', message: 'the selected client does not exist' },
      ],
    });

    expect(formFailure(error, labels)).toEqual({
      kind: 'validation',
      message: 'Check the app: appId: must be a number.',
      byField: { appId: 'App ID must be a number' },
      other: [{ field: 'clientRef', message: 'the selected client does not exist' }],
    });
  });

  it('joins two issues on one field', () => {
    const error = new WorkbenchCallError({
      kind: 'validation',
      message: 'x',
      issues: [
        { field: 'name', message: 'name is required' },
        { field: 'name', message: 'must be short' },
      ],
    });

    expect(formFailure(error, labels).byField.name).toBe('name is required; Name must be short');
  });

  it('reads a plain Error as a message with no fields', () => {
    expect(formFailure(new Error('gone'), labels)).toEqual({
      kind: 'unknown',
      message: 'gone',
      byField: {},
      other: [],
    });
  });
});

describe('secretValue', () => {
  it('omits an empty input so main keeps the saved secret', () => {
    expect(secretValue('', false)).toBeUndefined();
  });

  it('sends what was typed', () => {
    expect(secretValue('s3cret', false)).toBe('s3cret');
  });

  it('sends null to clear', () => {
    expect(secretValue('', true)).toBeNull();
  });
});
