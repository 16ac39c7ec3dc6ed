/**
 * Converts an NWOpen, SIA/NWO-style or RVO project export (CSV, TSV or .xlsx) into Bruggen's canonical CSVs,
 * with the same pipeline and report as the app's "Open data" (see docs/import.md).
 *
 *   npx tsx scripts/convert-nwopen.ts <export.csv|.xlsx> [more files] [-o out.csv] [--report report.csv] [--json summary.json] [--merge-duplicates]
 *
 * Exit code 0 when converted (rejected rows are listed in the report), 1 on bad input, 2 on bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { runConverter } from '../src/data/import/converter';

const code = await runConverter('nwopen', process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});
process.exitCode = code;
