/**
 * The missing-bridges analysis on the command line, for researchers and batch use.
 *
 *   npm run analyze -- [files...] [--targets tech,care,government] [--k 5] [--reach 1|2]
 *                      [--resolution 1] [--exact] [--json] [--lang en|nl]
 *
 * Reads the same formats as the app (canonical CSVs, CORDIS, NWOpen/SIA, RVO, xlsx, the app's
 * JSON/GEXF); with no file it analyses the built-in Den Haag dataset. Prints a readable summary,
 * or with --json one JSON document (schema in the README). Exit codes: 0 done, 1 bad input,
 * 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseNetwork, explainFindings, type AnalysisResult } from '../src/analysis';
import { loadFilesForCommandLine } from '../src/data/import/commandLine';
import { reportToText } from '../src/data/import/reportCsv';
import type { Dataset } from '../src/data/model';
import type { ImportReport } from '../src/data/report';
import { isSector, SECTOR_INFO, type Sector } from '../src/data/sectors';
import { buildOrganisationNetwork } from '../src/graph/build';

const USAGE = `Usage: npm run analyze -- [files...] [--targets tech,care,government] [--k 5] [--reach 1|2] [--resolution 1] [--exact] [--json] [--lang en|nl]
With no file, the built-in Den Haag dataset (data/den-haag) is analysed.`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  files: string[];
  targets: Sector[];
  k: number;
  reach: 1 | 2;
  resolution: number;
  exact: boolean;
  json: boolean;
  lang: 'en' | 'nl';
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { files: [], targets: ['tech', 'care', 'government'], k: 5, reach: 1, resolution: 1, exact: false, json: false, lang: 'en' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (a === '--json') o.json = true;
    else if (a === '--exact') o.exact = true;
    else if (a === '--targets') {
      const list = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = list.filter((s) => !isSector(s));
      if (unknown.length) return `Unknown sector(s) in --targets: ${unknown.join(', ')}. Use: ${Object.keys(SECTOR_INFO).join(', ')}.`;
      if (list.length < 2) return '--targets needs at least two sectors, e.g. --targets tech,care,government.';
      o.targets = list as Sector[];
    } else if (a === '--k') {
      o.k = Number(value());
      if (!Number.isInteger(o.k) || o.k < 1 || o.k > 10) return '--k must be a whole number from 1 to 10.';
    } else if (a === '--reach') {
      const r = value();
      if (r !== '1' && r !== '2') return '--reach must be 1 or 2.';
      o.reach = r === '2' ? 2 : 1;
    } else if (a === '--resolution') {
      o.resolution = Number(value());
      if (!(o.resolution > 0)) return '--resolution must be a positive number.';
    } else if (a === '--lang') {
      const l = value();
      if (l !== 'en' && l !== 'nl') return '--lang must be en or nl.';
      o.lang = l;
    } else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `Unknown option ${a}.`;
    else o.files.push(a);
  }
  return o;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    (options ? process.stderr : process.stdout).write(`${options ? `${options}\n` : ''}${USAGE}\n`);
    return options ? 2 : 0;
  }
  const files = options.files.length
    ? options.files
    : ['organisations.csv', 'activities.csv', 'participations.csv'].map((f) => join(root, 'data', 'den-haag', f));
  const loaded = await loadFilesForCommandLine(files, {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    err: (text) => void process.stderr.write(text),
  });
  if ('code' in loaded) return loaded.code;
  const { dataset, report, duplicates } = loaded.outcome;
  if (!options.files.length) dataset.name = 'Den Haag care-innovation ecosystem (built-in, data/den-haag)';
  if (report.rowsUsed === 0) {
    process.stderr.write(`${reportToText(report)}\nNot a single row could be used: nothing to analyse (see the problems above).\n`);
    return 1;
  }
  const network = buildOrganisationNetwork(dataset);
  const result = analyseNetwork(network, {
    targets: options.targets,
    k: options.k,
    reachSteps: options.reach,
    louvainResolution: options.resolution,
    exactBetweennessMaxNodes: options.exact ? Number.POSITIVE_INFINITY : undefined,
  });
  if (options.json) {
    process.stdout.write(JSON.stringify(toJson(dataset, report, result, duplicates.map((g) => g.names))) + '\n');
  } else {
    process.stdout.write(summary(dataset, report, result, options.lang, duplicates.length));
  }
  return 0;
}

/** The --json document (schema in the README, "Command line"). */
function toJson(dataset: Dataset, report: ImportReport, result: AnalysisResult, likelyDuplicates: string[][]) {
  const members = new Map<string, string[]>();
  for (const p of dataset.participations) {
    const list = members.get(p.activityId) ?? [];
    list.push(p.organisationId);
    members.set(p.activityId, list);
  }
  return {
    schemaVersion: 1,
    dataset: dataset.name,
    import: { ...report, likelyDuplicates },
    graph: {
      organisations: dataset.organisations.length,
      activities: dataset.activities.length,
      participations: dataset.participations.length,
      ties: result.meta.ties,
    },
    meta: result.meta,
    organisations: result.organisations,
    activities: dataset.activities.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      source: a.source,
      organisations: (members.get(a.id) ?? []).sort(),
    })),
    ties: result.ties,
    components: result.components,
    communities: result.communities,
    mixing: result.mixing,
    cutpoints: result.cutpoints,
    conveners: result.conveners,
    suggestions: result.suggestions,
    municipality: result.municipality,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(dataset: Dataset, report: ImportReport, result: AnalysisResult, lang: 'en' | 'nl', duplicateGroups: number): string {
  const nl = lang === 'nl';
  const out: string[] = [];
  const rule = (title: string) => out.push('', title, '-'.repeat(title.length));
  out.push(`Bruggen — ${dataset.name}`);
  out.push(
    nl
      ? `${dataset.organisations.length} organisaties, ${dataset.activities.length} activiteiten, ${result.meta.ties} verbindingen; ${result.meta.components} deelnetwerken, ${result.meta.louvain.communities} gemeenschappen (Louvain, modulariteit ${result.meta.louvain.modularity.toFixed(2)}).`
      : `${dataset.organisations.length} organisations, ${dataset.activities.length} activities, ${result.meta.ties} ties; ${plural(result.meta.components, 'component')}, ${plural(result.meta.louvain.communities, 'community', 'communities')} (Louvain, modularity ${result.meta.louvain.modularity.toFixed(2)}).`,
  );
  out.push(
    nl
      ? `Import: ${report.rowsRead} rijen gelezen, ${report.rowsUsed} gebruikt, ${report.rowsMerged} samengevoegd, ${report.rowsRejected} afgewezen${duplicateGroups ? `; ${duplicateGroups} mogelijke dubbele organisaties (niet samengevoegd)` : ''}.`
      : `Import: ${report.rowsRead} rows read, ${report.rowsUsed} used, ${report.rowsMerged} merged, ${report.rowsRejected} rejected${duplicateGroups ? `; ${duplicateGroups} likely duplicate organisations (not merged)` : ''}.`,
  );
  const rejected = report.problems.filter((p) => p.severity === 'error');
  for (const p of rejected.slice(0, 10)) out.push(`  ${p.file}${p.row ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (rejected.length > 10) out.push(`  … ${rejected.length - 10} more (use --json for all)`);

  const findings = explainFindings(result);
  const section = (kinds: string[]) => findings.filter((f) => kinds.includes(f.kind)).map((f) => `• ${f[lang]}`);
  rule(nl ? 'Ontbrekende bruggen' : 'Missing bridges');
  out.push(...section(['missing_bridge', 'bridges_ok']));
  rule(nl ? 'Clusters' : 'Clusters');
  out.push(...section(['cluster_lacks']));
  rule(nl ? 'Verbinders' : 'Conveners');
  result.conveners.picks.forEach((p, i) => out.push(`${i + 1}. ${p.label} (${p.sector}): ${p.sentence[lang]}`));
  rule(nl ? 'Voorgestelde banden' : 'Suggested ties');
  for (const pair of result.suggestions.organisations) {
    out.push(`${pair.sectors[0]} – ${pair.sectors[1]}:`);
    for (const s of pair.suggestions.slice(0, 3)) {
      out.push(`  ${s.a.label} – ${s.b.label} (${nl ? 'via' : 'via'} ${s.sharedPartners.map((x) => x.label).join(', ')}; RA ${s.resourceAllocation.toFixed(3)})`);
    }
    if (!pair.suggestions.length) out.push(nl ? '  (geen paren met een gedeelde partner)' : '  (no pairs with a shared partner)');
  }
  rule(nl ? 'De gemeente en andere overheden' : 'The municipality and other government organisations');
  out.push(...section(['municipality']));
  rule(nl ? 'Makelaars (hoogste tussenpositie)' : 'Brokers (highest betweenness)');
  const top = [...result.organisations].filter((r) => r.betweenness !== null).sort((a, b) => b.betweenness! - a.betweenness!).slice(0, 5);
  for (const r of top) {
    out.push(`  ${r.name} (${r.sector}): betweenness ${r.betweenness!.toFixed(3)}${result.meta.betweenness.estimated ? ' (est.)' : ''}, constraint ${r.constraint?.toFixed(2) ?? '–'}, ${r.brokerageTotal} brokerage roles${r.articulationPoint ? ', cut point' : ''}`);
  }
  out.push('', ...section(['method']));
  return out.join('\n') + '\n';
}

process.exitCode = await main();
