import { describe, expect, it } from 'vitest';
import { maskSecret, prettyBody, readableValue } from './field-value';

describe('maskSecret', () => {
  it('keeps the first 6 and last 4 characters of a long token', () => {
    expect(
      maskSecret(
        '0fb7d32ccc69f136d7fda63a5d04a16ab71025c004c6ad644ded8ca14eea9509' +
          '6d704463ec599c4f73c9f1da99484884b4ed1920545a3a4d8067deafe66af314',
      ),
    ).toBe('0fb7d3…f314');
  });

  it('hides a short secret entirely', () => {
    expect(maskSecret('abc123')).toBe('••••••');
  });
});

describe('readableValue', () => {
  it('shows a JSON string without its quotes', () => {
    expect(readableValue('token_type', '"bearer"')).toEqual({
      text: 'bearer',
      copyText: 'bearer',
      kind: 'string',
    });
  });

  it('shows a Podio ref as "user 1234567"', () => {
    expect(readableValue('ref', '{"type":"user","id":1234567}').text).toBe('user 1234567');
  });

  it('keeps a number as written', () => {
    expect(readableValue('expires_in', '28800')).toEqual({
      text: '28800',
      copyText: '28800',
      kind: 'number',
    });
  });

  it('shows text that is not JSON as it came', () => {
    expect(readableValue('odd', 'not json').text).toBe('not json');
  });
});

describe('prettyBody', () => {
  it('indents a JSON body', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
  });

  it('leaves an HTML body alone', () => {
    expect(prettyBody('<html>400</html>')).toBe('<html>400</html>');
  });
});
