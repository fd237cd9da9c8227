/** A response field's value made readable: strings bare, Podio refs as "user 1234567". */
export interface ReadableValue {
  /** What the view shows when not masked. */
  text: string;
  /** What Copy puts on the clipboard. */
  copyText: string;
  kind: 'string' | 'number' | 'boolean' | 'null' | 'ref' | 'json';
}

function isRef(value: unknown): value is { type: string; id: string | number } {
  if (typeof value !== 'object' || value === null) return false;
  const { type, id } = value as Record<string, unknown>;
  return typeof type === 'string' && (typeof id === 'number' || typeof id === 'string');
}

/** Decodes DecodedField.value (JSON text) into what a person reads. */
export function readableValue(name: string, json: string): ReadableValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { text: json, copyText: json, kind: 'json' };
  }

  if (typeof parsed === 'string') return { text: parsed, copyText: parsed, kind: 'string' };
  if (typeof parsed === 'number') return { text: String(parsed), copyText: json, kind: 'number' };
  if (typeof parsed === 'boolean') return { text: String(parsed), copyText: json, kind: 'boolean' };
  if (parsed === null) return { text: 'null', copyText: 'null', kind: 'null' };
  if (name === 'ref' && isRef(parsed)) {
    return { text: `${parsed.type} ${parsed.id}`, copyText: json, kind: 'ref' };
  }
  return { text: JSON.stringify(parsed), copyText: json, kind: 'json' };
}

/** Masks a secret as its first 6 and last 4 characters ("0fb7d3…f314"); short ones fully. */
export function maskSecret(value: string): string {
  if (value.length <= 12) return '•'.repeat(Math.max(value.length, 6));
  return `${value.slice(0, 6)}…${value.slice(-4)}`;
}

/** A body pretty-printed when it is JSON, as it came otherwise. */
export function prettyBody(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
