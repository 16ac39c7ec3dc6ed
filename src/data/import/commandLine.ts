import { distinctFileNames } from './fileNames';
import { visibleText } from '../visibleText';
import { englishUncertainty } from '../problemWords';
import { importFiles, type ImportOutcome, type SourceInput } from './pipeline';
import { reportToText } from './reportCsv';
import type { LayoutId } from './recognise';
import type { SectorGuessSource } from '../sectorInference';

/**
 * Text for a terminal: control characters other than tab and line feed (escape sequences can clear
 * the screen or retitle the window) are shown as \u001b etc. instead of being sent raw. For every
 * value a file or an option brings into a message; JSON output needs nothing (it escapes them).
 */
export function forTerminal(text: string): string {
  return visibleText(text, true);
}

/** A file the command line could not write, with what to do (instead of a stack trace). */
export function cannotWrite(path: string, error: unknown): string {
  return `Cannot write "${path}": ${error instanceof Error ? error.message : String(error)}. Fix: give a file in a folder that exists and that you may write to.\n`;
}

export interface CommandLineIO {
  readFile(path: string): Promise<Uint8Array>;
  err(text: string): void;
  /** Wall-clock milliseconds of reading (decode + parse) and of building the dataset. */
  onPhase?: (phase: 'read' | 'build', ms: number) => void;
  /** Sector guesses made on another thread while the rows are read. */
  sectorGuesses?: SectorGuessSource;
}

/** Extra check on a recognised layout; returns an error message to refuse the file. */
export type LayoutCheck = (layout: LayoutId, file: string, foundColumns: string) => string | undefined;

/**
 * Reads files for the command-line tools (converters, analyze) through the same pipeline as the
 * app, with the app's recognised column mappings. Files it cannot read, or whose columns it
 * cannot map without the app's mapping step (also when it cannot tell what a file lists), are
 * reported with file, reason and fix, and so is an import that yields no participation at all;
 * the result is then an exit code (1) instead of an outcome.
 */
export async function loadFilesForCommandLine(
  paths: readonly string[],
  io: CommandLineIO,
  check?: LayoutCheck,
): Promise<{ outcome: ImportOutcome } | { code: number }> {
  const sources: SourceInput[] = [];
  const names = distinctFileNames(paths);
  for (const [i, path] of paths.entries()) {
    try {
      const bytes = await io.readFile(path);
      sources.push({ name: names[i]!, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    } catch (e) {
      io.err(`Cannot read "${path}": ${(e as Error).message}\n`);
      return { code: 1 };
    }
  }
  const { summaries, plans, outcome } = await importFiles(sources, {
    datasetName: sources.map((s) => s.name).join(', '),
    ...(io.onPhase ? { onPhase: io.onPhase } : {}),
    ...(io.sectorGuesses ? { sectorGuesses: io.sectorGuesses } : {}),
  });
  const errors: string[] = [];
  for (const s of summaries) {
    if (s.status === 'failed') for (const p of s.problems) errors.push(`${p.file}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ''}`);
  }
  for (const plan of plans) {
    const layout = plan.mapping.layout ?? 'generic';
    const found = `found columns: ${plan.table.header.slice(0, 12).join(', ')}${plan.table.header.length > 12 ? ', …' : ''}`;
    if (plan.missing.length) {
      errors.push(
        `${plan.table.file}: no column was recognised as ${plan.missing.map((m) => `"${m}"`).join(' or ')} (${found}). Rename the column to one of the documented names (docs/import.md) or import the file in the app, where you can assign columns yourself.`,
      );
    } else if (plan.uncertain) {
      errors.push(
        `${plan.table.file}: ${englishUncertainty(plan.uncertain.code, plan.uncertain.params)} (${found}) Rename the columns to the documented names (docs/import.md) or import the file in the app, where you can say what it contains.`,
      );
    } else {
      const refusal = check?.(layout, plan.table.file, found);
      if (refusal) errors.push(refusal);
    }
  }
  if (errors.length) {
    io.err(`Cannot read the input:\n${errors.map((e) => `- ${e}`).join('\n')}\n`);
    return { code: 1 };
  }
  if (outcome.noParticipations) {
    // The report first (it says what happened to each row), then why there is nothing to analyse.
    const p = outcome.noParticipations;
    io.err(`${reportToText({ ...outcome.report, problems: outcome.report.problems.filter((q) => q !== p) })}\n${p.message}${p.fix ? `\nFix: ${p.fix}` : ''}\n`);
    return { code: 1 };
  }
  return { outcome };
}
