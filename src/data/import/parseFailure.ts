/**
 * Where and why a JSON or XML document failed to parse, in words the app can translate. The
 * parsers' own messages are English, differ between browsers and name their internals ("Hierarchy
 * request error"), so only the place is taken from them; the words come from the locale files.
 */
import type { ProblemParams } from '../report';
import { visibleText } from '../visibleText';

/** A parse failure as a problem variant and its parameters (no variant: nothing more is known). */
export interface ParseFailure {
  variant?: 'cut-off' | 'at' | 'entity' | 'no-root' | 'no-graph';
  params: ProblemParams;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(source: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** The file's own text around a 1-based line and column (at most 40 characters of one line, … where it is cut, control characters shown as escapes). */
export function textNear(source: string, line: number, column: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const lineEnd = source.indexOf('\n', start);
  const whole = source.slice(start, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
  const from = Math.max(0, column - 1 - 20);
  const piece = whole.slice(from, from + 40).trim();
  // A line cut at either end says so, rather than seeming to start mid-word.
  return `${from > 0 ? '…' : ''}${visibleText(piece)}${from + 40 < whole.trimEnd().length ? '…' : ''}`;
}

/**
 * Whether a JSON text ends inside an object, an array or a string: a download or copy that was cut
 * off. Brackets are counted outside strings; a text with more closing than opening ones is not cut off.
 */
export function jsonEndsInside(source: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return inString || depth > 0;
}

/**
 * A JSON.parse failure. V8 says "at position N" (and, newer, "line L column C"), Firefox "at line
 * L column C"; Safari gives no place, which leaves only the plain message.
 */
export function jsonParseFailure(source: string, parserMessage: string): ParseFailure {
  if (source.trim() !== '' && jsonEndsInside(source)) return { variant: 'cut-off', params: {} };
  const lineColumn = /line (\d+) column (\d+)/.exec(parserMessage);
  const position = /position (\d+)/.exec(parserMessage);
  const at = lineColumn
    ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
    : position
      ? lineColumnAt(source, Number(position[1]))
      : undefined;
  if (!at) return { params: {} };
  return { variant: 'at', params: { ...at, near: textNear(source, at.line, at.column) } };
}

/** Thrown by a document reader when the XML is well formed but is not the format (no root, no graph). */
export class MissingElementError extends Error {
  constructor(readonly element: 'root' | 'graph') {
    super(`there is no <${element === 'root' ? 'gexf' : 'graph'}> element`);
  }
}

/**
 * An XML failure from xmldom (its locator writes "@#[line:L,col:C]" into the message) or from the
 * reader itself. `root` is the element whose closing tag a complete file has.
 */
export function xmlParseFailure(source: string, error: unknown, root: string): ParseFailure {
  if (error instanceof MissingElementError) return { variant: error.element === 'root' ? 'no-root' : 'no-graph', params: {} };
  const message = String((error as Error)?.message ?? error);
  if (!new RegExp(`</(?:[\\w.-]+:)?${root}\\s*>`).test(source)) return { variant: 'cut-off', params: {} };
  const place = /@#\[line:(\d+),col:(\d+)\]/.exec(message);
  const at = place ? { line: Number(place[1]), column: Number(place[2]) } : undefined;
  // A named entity XML does not predefine: entities are not expanded (no "billion laughs", no file read).
  const entity = /entity not found:\s*&([^;\s]{1,60});?/.exec(message);
  if (entity) return { variant: 'entity', params: { name: entity[1]!, line: at?.line ?? 0, column: at?.column ?? 0 } };
  if (!at) return { params: {} };
  return { variant: 'at', params: { ...at, near: textNear(source, at.line, at.column) } };
}
