/**
 * Plain-words summaries (Dutch and English) of the key findings of an analysis: missing bridges
 * between target sectors, clusters lacking a target sector, the conveners and the municipality's
 * position. Short, factual sentences; every number comes from the result.
 */
import type { AnalysisResult } from './index';
import {
  clusterList,
  formatNumber,
  joinList,
  sectorName,
  sectorNoun,
  steps,
  dutchArticle,
  type Lang,
} from './wording';

export interface ExplainedFinding {
  kind: 'missing_bridge' | 'bridges_ok' | 'cluster_lacks' | 'convener' | 'municipality' | 'method';
  nl: string;
  en: string;
}

export interface ExplainOptions {
  /** Only clusters at least this large are mentioned; default 3. */
  minClusterSize?: number;
  /** At most this many clusters / municipality organisations are named; default 3. */
  maxNamed?: number;
}

const both = (kind: ExplainedFinding['kind'], f: (lang: Lang) => string): ExplainedFinding => ({
  kind,
  nl: f('nl'),
  en: f('en'),
});

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function explainFindings(result: AnalysisResult, options: ExplainOptions = {}): ExplainedFinding[] {
  const minSize = options.minClusterSize ?? 3;
  const maxNamed = options.maxNamed ?? 3;
  const out: ExplainedFinding[] = [];
  const mix = result.mixing;

  // 1. Missing bridges between target sectors.
  const missing = mix.targetPairs.filter((p) => p.missing);
  for (const p of missing) {
    out.push(
      both('missing_bridge', (lang) => {
        const a = sectorName(p.a, lang);
        const b = sectorName(p.b, lang);
        if (p.reason === 'sector_absent') {
          const absent = (mix.unweighted.groupSize[p.a] ?? 0) === 0 ? p.a : p.b;
          return lang === 'en'
            ? `There is no organisation from the ${sectorName(absent, 'en')} sector in the data, so ${a} and ${b} cannot be linked.`
            : `Er zit geen organisatie uit de sector ${sectorName(absent, 'nl')} in de gegevens, dus ${a} en ${b} zijn niet te verbinden.`;
        }
        if (p.reason === 'no_ties') {
          return lang === 'en'
            ? `${capital(a)} and ${b} have no ties at all (chance would give ${formatNumber(p.expected ?? 0, 'en', 1)}).`
            : `${capital(a)} en ${b} hebben geen enkele band (toeval zou ${formatNumber(p.expected ?? 0, 'nl', 1)} geven).`;
        }
        const ratio = formatNumber(p.observedOverExpected ?? 0, lang, 2);
        return lang === 'en'
          ? `${capital(a)} and ${b} have ${p.ties} ${p.ties === 1 ? 'tie' : 'ties'}, ${ratio} times what chance would give: a missing bridge.`
          : `${capital(a)} en ${b} hebben ${p.ties} ${p.ties === 1 ? 'band' : 'banden'}, ${ratio} keer wat toeval zou geven: een ontbrekende brug.`;
      }),
    );
  }
  if (missing.length === 0 && mix.targetPairs.length > 0) {
    out.push(
      both('bridges_ok', (lang) =>
        lang === 'en'
          ? `Every pair of target sectors has at least ${formatNumber(mix.missingBridgeRatio, 'en')} times the ties chance would give.`
          : `Elk paar doelsectoren heeft minstens ${formatNumber(mix.missingBridgeRatio, 'nl')} keer de banden die toeval zou geven.`,
      ),
    );
  }

  // 2. Communities lacking a target sector.
  const considered = result.communities.filter((c) => c.size >= minSize);
  const lacking = considered.filter((c) => c.lacksTargets.length > 0);
  if (lacking.length > 0) {
    out.push(
      both('cluster_lacks', (lang) => {
        const named = lacking.slice(0, maxNamed).map((c) => {
          const lacks = joinList(c.lacksTargets.map((s) => sectorName(s, lang)), lang);
          return lang === 'en'
            ? `cluster ${c.id} (${c.size} organisations) has no ${lacks}`
            : `cluster ${c.id} (${c.size} organisaties) heeft geen ${lacks}`;
        });
        const rest = lacking.length - named.length;
        const tail = rest > 0 ? (lang === 'en' ? `; ${rest} more` : `; nog ${rest}`) : '';
        return lang === 'en'
          ? `${lacking.length} of ${considered.length} clusters with at least ${minSize} organisations lack a target sector: ${named.join('; ')}${tail}.`
          : `${lacking.length} van de ${considered.length} clusters met minstens ${minSize} organisaties missen een doelsector: ${named.join('; ')}${tail}.`;
      }),
    );
  }

  // 3. Conveners.
  for (const p of result.conveners.picks) {
    out.push(
      both('convener', (lang) => {
        const who = `${p.label} (${sectorName(p.sector, lang)})`;
        return `${p.rank}. ${who} ${p.sentence[lang]}.`;
      }),
    );
  }

  // 4. The municipality's position: municipalities by name first, then the best-connected
  // other government organisations.
  const isMunicipality = (label: string) => /^(gemeente|municipality|city of)\b/i.test(label);
  const mun = [...result.municipality].sort(
    (a, b) =>
      Number(isMunicipality(b.label)) - Number(isMunicipality(a.label)) || b.degree - a.degree || (a.id < b.id ? -1 : 1),
  );
  const munSector = result.meta.options.municipalitySector;
  if (mun.length === 0) {
    out.push(
      both('municipality', (lang) =>
        lang === 'en'
          ? `There is no ${sectorNoun(munSector, 1, 'en').replace(/^1 /, '')} in the network.`
          : `Er zit geen ${sectorNoun(munSector, 1, 'nl').replace(/^1 /, '')} in het netwerk.`,
      ),
    );
  }
  for (const v of mun.slice(0, maxNamed)) {
    out.push(
      both('municipality', (lang) => {
        const parts: string[] = [];
        for (const [sector, chain] of Object.entries(v.chains)) {
          const noun = sectorNoun(sector, 1, lang).replace(/^1 /, '');
          if (!chain) {
            parts.push(lang === 'en' ? `cannot reach any ${noun}` : `kan geen ${noun} bereiken`);
            continue;
          }
          const path = chain.chain.map((s) => s.label).join(' → ');
          if (chain.distance === 1) {
            parts.push(
              lang === 'en' ? `is directly tied to a ${noun} (${path})` : `werkt rechtstreeks samen met een ${noun} (${path})`,
            );
          } else {
            parts.push(
              lang === 'en'
                ? `is ${steps(chain.distance, 'en')} from the nearest ${noun} (${path})`
                : `staat op ${steps(chain.distance, 'nl')} van ${dutchArticle(noun)} dichtstbijzijnde ${noun} (${path})`,
            );
          }
        }
        const reached = v.communityDistance.length;
        const clusters =
          lang === 'en'
            ? `it reaches ${reached} of ${result.communities.length} clusters; it sits in ${clusterList([v.community], 'en')}`
            : `het bereikt ${reached} van de ${result.communities.length} clusters; het zit in ${clusterList([v.community], 'nl')}`;
        return `${v.label} ${joinList(parts, lang)}; ${clusters}.`;
      }),
    );
  }

  // 5. Method note when betweenness was estimated.
  if (result.meta.betweenness.estimated) {
    const s = result.meta.betweenness.samples;
    out.push(
      both('method', (lang) =>
        lang === 'en'
          ? `Betweenness was estimated from ${s} sampled organisations (of ${result.meta.organisations}).`
          : `Tussenpositie (betweenness) is geschat op basis van ${s} steekproeforganisaties (van de ${result.meta.organisations}).`,
      ),
    );
  }
  return out;
}
