/*
 * The longest value each input takes, matching main's payload bounds (main/schemas.ts): a paste
 * past them would only come back as a bridge error, so the input stops it where it is typed.
 */

/** Any text main takes: secrets, names, URLs, usernames (64 KiB fits a signed JWT assertion). */
export const TEXT_MAX = 65_536;

/** Podio's numeric App ID. */
export const APP_ID_MAX = 100;

/** An OAuth scope for a browser sign-in. */
export const SCOPE_MAX = 1000;

/** The browser sign-in's redirect path. */
export const PATH_MAX = 200;

/** The passphrase that seals an export file's secrets. */
export const PASSPHRASE_MAX = 1000;

/** An import file's text, as main bounds it (main/schemas.ts: "larger than 5 MB"). */
export const IMPORT_MAX_CHARS = 5_000_000;

/** A port: at most five digits. */
export const PORT_MAX = 5;

/** The sidebar's profile filter; never sent to main, bounded so a huge paste stays cheap. */
export const SEARCH_MAX = 200;

/** The note under an input that reached its limit: a longer paste was cut there. */
export function limitNote(maxLength: number): string {
  return (
    `At the limit of ${maxLength.toLocaleString('en')} characters: ` +
    'anything longer was cut off.'
  );
}
