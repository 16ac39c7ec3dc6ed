import { writeActivitiesCsv, writeOrganisationsCsv, writeParticipationsCsv } from '../canonical';
import { cannotWrite, loadFilesForCommandLine } from './commandLine';
import { applyDuplicateDecisions, type ImportOutcome } from './pipeline';
import type { LayoutId } from './recognise';
import { reportToCsv, reportToText } from './reportCsv';

/**
 * The command-line converters (scripts/convert-cordis.ts, scripts/convert-nwopen.ts): the same
 * pipeline as the browser, with file access injected so tests can run them in-process too.
 */
export interface ConverterIO {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  out(text: string): void;
  err(text: string): void;
}

export type ConverterKind = 'cordis' | 'nwopen';

const ACCEPTED: Record<ConverterKind, readonly LayoutId[]> = {
  cordis: ['cordis'],
  nwopen: ['nwopen', 'dutch-projects', 'rvo', 'generic', 'bruggen'],
};

const USAGE: Record<ConverterKind, string> = {
  cordis:
    'Usage: npx tsx scripts/convert-cordis.ts <project.csv> <organization.csv> [-o out.csv] [--report report.csv] [--json summary.json] [--merge-duplicates]\n' +
    'Converts a CORDIS project/organisation pair (or the CORDIS-derived project_rcn/pic layout) into Bruggen\'s canonical CSV.',
  nwopen:
    'Usage: npx tsx scripts/convert-nwopen.ts <export.csv|.xlsx> [more files] [-o out.csv] [--report report.csv] [--json summary.json] [--merge-duplicates]\n' +
    'Converts an NWOpen, SIA/NWO-style or RVO project export into Bruggen\'s canonical CSV.',
};

export interface ConverterSummary {
  rowsRead: number;
  rowsUsed: number;
  rowsMerged: number;
  rowsRejected: number;
  organisations: number;
  activities: number;
  participations: number;
  files: { file: string; role: string; rowsRead: number; rowsUsed: number; rowsMerged: number; rowsRejected: number }[];
}

export function summariseOutcome(outcome: Pick<ImportOutcome, 'dataset' | 'report'>): ConverterSummary {
  const { report, dataset } = outcome;
  return {
    rowsRead: report.rowsRead,
    rowsUsed: report.rowsUsed,
    rowsMerged: report.rowsMerged,
    rowsRejected: report.rowsRejected,
    organisations: dataset.organisations.length,
    activities: dataset.activities.length,
    participations: dataset.participations.length,
    files: report.files.map(({ file, role, rowsRead, rowsUsed, rowsMerged, rowsRejected }) => ({ file, role, rowsRead, rowsUsed, rowsMerged, rowsRejected })),
  };
}

/** Runs a converter; resolves to the exit code (0 done, 1 bad input, 2 bad usage). */
export async function runConverter(kind: ConverterKind, argv: readonly string[], io: ConverterIO): Promise<number> {
  const inputs: string[] = [];
  const options: { out?: string; report?: string; json?: string; merge: boolean } = { merge: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a file name`);
      return v;
    };
    try {
      if (a === '-o' || a === '--out') options.out = value();
      else if (a === '--report') options.report = value();
      else if (a === '--json') options.json = value();
      else if (a === '--merge-duplicates') options.merge = true;
      else if (a === '-h' || a === '--help') {
        io.out(USAGE[kind] + '\n');
        return 0;
      } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
      else inputs.push(a);
    } catch (e) {
      io.err(`${(e as Error).message}\n${USAGE[kind]}\n`);
      return 2;
    }
  }
  if (!inputs.length || (kind === 'cordis' && inputs.length > 2)) {
    io.err(`${USAGE[kind]}\n`);
    return 2;
  }
  const loaded = await loadFilesForCommandLine(inputs, io, (layout, file, found) => {
    if (ACCEPTED[kind].includes(layout)) return undefined;
    return kind === 'cordis'
      ? `${file}: this is not a CORDIS file (expected columns such as projectID, organisationID, activityType; ${found}).`
      : `${file}: this looks like a ${layout} file, not an NWOpen/SIA-style export; use ${layout === 'cordis' ? 'convert-cordis.ts' : 'the app'} instead (${found}).`;
  });
  if ('code' in loaded) return loaded.code;
  const built = loaded.outcome;
  const outcome = options.merge ? applyDuplicateDecisions(built, new Set(built.duplicates.map((g) => g.id))) : built;
  io.err(reportToText(outcome.report) + '\n');
  if (!options.merge && built.duplicates.length) {
    io.err(`${built.duplicates.length} groups of organisations look like duplicates (not merged; add --merge-duplicates to merge them):\n`);
    for (const g of built.duplicates.slice(0, 10)) io.err(`  ${g.names.join(' = ')}\n`);
  }
  if (outcome.report.rowsUsed === 0) {
    io.err('Cannot convert: not a single row could be used (see the problems above).\n');
    return 1;
  }
  const { dataset } = outcome;
  // A file that cannot be written (no such folder, no permission) is named, with what to do.
  const write = async (path: string, text: string) => {
    try {
      await io.writeFile(path, text);
      return true;
    } catch (e) {
      io.err(cannotWrite(path, e));
      return false;
    }
  };
  if (options.out) {
    const base = options.out.replace(/\.csv$/i, '');
    const written =
      (await write(options.out, writeParticipationsCsv(dataset))) &&
      (await write(`${base}.organisations.csv`, writeOrganisationsCsv(dataset))) &&
      (await write(`${base}.activities.csv`, writeActivitiesCsv(dataset)));
    if (!written) return 1;
    io.err(`Wrote ${options.out}, ${base}.organisations.csv and ${base}.activities.csv: ${dataset.organisations.length} organisations, ${dataset.activities.length} activities, ${dataset.participations.length} participations.\n`);
  } else {
    io.out(writeParticipationsCsv(dataset));
  }
  if (options.report && !(await write(options.report, reportToCsv(outcome.report)))) return 1;
  if (options.json && !(await write(options.json, JSON.stringify(summariseOutcome(outcome), null, 2) + '\n'))) return 1;
  return 0;
}
