import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * `f(...array)` passes every element as an argument: past ~100k elements that is a RangeError
 * (the call stack), which blanked the app for large files (`Math.min(...xs)`, `push(...problems)`).
 * No call in src/ may spread its arguments; ESLint says the same (eslint.config.js), this test
 * keeps it true when lint is not run.
 */
const SRC = join(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path] : [];
  });
}

function spreadArguments(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(process.cwd(), path)}:${line + 1}: ${node.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no argument spreading in src/', () => {
  it('has no f(...xs) or new F(...xs) anywhere', { timeout: 60_000 }, () => {
    expect(sources(SRC).flatMap(spreadArguments)).toEqual([]);
  });
});
