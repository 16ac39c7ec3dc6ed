/**
 * Text from a file or a link, shown where a person reads it: control characters (C0, DEL, C1) and
 * the direction controls that reorder what follows them (U+202A–U+202E, U+2066–U+2069) are written
 * as `\u0000` escapes instead of acting: a NUL showed as nothing, an escape sequence could clear a
 * terminal, a right-to-left override reversed the rest of a message.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is being shown
const HIDDEN_ACTING = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HIDDEN_ACTING_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with its acting characters escaped; tabs and line feeds kept when `keepLines`. */
export function visibleText(text: string, keepLines = false): string {
  return text.replace(keepLines ? HIDDEN_ACTING_BUT_LINES : HIDDEN_ACTING, escape);
}
