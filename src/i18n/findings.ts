/**
 * Words for the analysis's structured findings (analysis/findings.ts), in the reader's language.
 * Shared by the app and the command line; every sentence comes from the `findings` namespace.
 */
import type { TFunction } from 'i18next';
import { MIN_CLUSTER_SIZE } from '../analysis/clusters';
import type { Finding } from '../analysis/findings';
import type { Language } from './index';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a", "a en b", "a, b en c" (Intl.ListFormat, the language's own conjunction). */
export function joinList(items: readonly string[], lang: Language): string {
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'long', type: 'conjunction' }).format(items);
}

/** A decimal in the reader's notation (0,47 in Dutch). */
export function decimal(x: number | null, lang: Language, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(x);
}

export function sectorName(t: TFunction, sector: string): string {
  return t(`common:sectors.${sector}.name`, { defaultValue: sector });
}

/** A sector as the legend and the details panel name it ("Netwerk en intermediair"). */
export function sectorLabel(t: TFunction, sector: string): string {
  return t(`common:sectors.${sector}.label`, { defaultValue: sector });
}

export function sectorNoun(t: TFunction, sector: string, count: number): string {
  return t(`common:sectors.${sector}.noun`, { count, defaultValue: sector });
}

function clusterList(t: TFunction, ids: readonly number[], lang: Language, max = 3): string {
  // The first `max` as given (the ones that matter most), read in number order ("3, 4 en 5").
  const shown = ids
    .slice(0, max)
    .sort((a, b) => a - b)
    .map(String);
  if (ids.length > max) shown.push(t('findings:clusterListMore', { count: ids.length - max }));
  return t('findings:clusterList', { count: ids.length, list: joinList(shown, lang) });
}

/** "het" for Dutch neuter nouns (techbedrijf), "de" otherwise; "the" in English. */
function article(t: TFunction, noun: string): string {
  return /bedrijf$/.test(noun) ? t('findings:articleHet') : t('findings:articleDe');
}

/** What the analysis was run on: all the data, or what the filters left (a sector filter leaves sectors out). */
export interface FindingScope {
  filtered?: boolean;
}

export function wordFinding(t: TFunction, finding: Finding, lang: Language, scope: FindingScope = {}): string {
  return closeSentence(findingWords(t, finding, lang, scope));
}

/** A convener's sentence without its leading rank ("1. "), for lists that number the picks themselves. */
export function wordConvener(t: TFunction, finding: Extract<Finding, { code: 'convener' }>, lang: Language): string {
  return wordFinding(t, finding, lang).replace(/^\d+\. /, '');
}

/**
 * A name with an aside in brackets: "Gemeente Den Haag (overheid)". A name that already ends in
 * brackets gets the aside inside them ("Rijnlands Revalidatie Centrum (RRC; zorg)"), not a
 * second pair after them.
 */
export function withAside(name: string, aside: string): string {
  return name.endsWith(')') && name.includes('(') ? `${name.slice(0, -1)}; ${aside})` : `${name} (${aside})`;
}

/**
 * One full stop at the end of a sentence whose last word is a name that ends in one ("… B.V.").
 * Sentences end in the templates' own stop, after the interpolated names.
 */
export function closeSentence(text: string): string {
  return text.endsWith('..') && !text.endsWith('...') ? text.slice(0, -1) : text;
}

function findingWords(t: TFunction, finding: Finding, lang: Language, scope: FindingScope): string {
  switch (finding.code) {
    case 'sector_absent':
      return t(scope.filtered ? 'findings:sectorAbsentFiltered' : 'findings:sectorAbsent', { absent: sectorName(t, finding.absent), a: sectorName(t, finding.a), b: sectorName(t, finding.b) });
    case 'no_ties':
      return finding.low !== null && finding.high !== null
        ? t(finding.low > 0 ? 'findings:noTiesInterval' : 'findings:noTiesSmall', { A: capital(sectorName(t, finding.a)), b: sectorName(t, finding.b), low: decimal(finding.low, lang, 0), high: decimal(finding.high, lang, 0) })
        : t('findings:noTies', { A: capital(sectorName(t, finding.a)), b: sectorName(t, finding.b), expected: decimal(finding.expected ?? 0, lang, 1) });
    case 'below_null':
      return t('findings:belowNull', {
        A: capital(sectorName(t, finding.a)),
        b: sectorName(t, finding.b),
        count: finding.ties,
        low: decimal(finding.low, lang, 0),
        high: decimal(finding.high, lang, 0),
      });
    case 'below_expected':
      return t('findings:belowExpected', {
        A: capital(sectorName(t, finding.a)),
        b: sectorName(t, finding.b),
        count: finding.ties,
        ratio: decimal(finding.ratio, lang),
      });
    case 'bridges_ok':
      return finding.twoMode ? t('findings:bridgesOkNull') : t('findings:bridgesOk', { ratio: decimal(finding.ratio, lang) });
    case 'clusters_lacking': {
      const named = finding.named
        .map((c) => t('findings:clusterNamed', { id: c.id, count: c.size, lacks: joinList(c.lacks.map((s) => sectorName(t, s)), lang) }))
        .join('; ');
      const uncertain = finding.uncertain ? ` ${t('findings:clustersUncertain', { count: finding.uncertain })}` : '';
      if (!finding.named.length) {
        return t('findings:clustersLackingUncertain', { count: finding.lacking, considered: finding.considered, min: finding.minSize });
      }
      if (finding.considered === 1) return t('findings:clustersLackingOnly', { min: finding.minSize, named });
      return (
        t('findings:clustersLacking', {
          count: finding.lacking,
          considered: finding.considered,
          min: finding.minSize,
          named,
          more: finding.more ? t('findings:more', { count: finding.more }) : '',
        }) + uncertain
      );
    }
    case 'convener': {
      let focal = '';
      if (finding.focal) {
        const d = finding.focal.distance;
        focal =
          d === null
            ? t('findings:convenerFocalNone', { focal: finding.focal.label })
            : d === 0
              ? t('findings:convenerFocalSelf', { focal: finding.focal.label })
              : t('findings:convenerFocal', { count: d, focal: finding.focal.label });
      }
      const sector = sectorLabel(t, finding.sector);
      // The first pick has no earlier pick to compare with.
      if (!finding.reached.length) return t(finding.rank === 1 ? 'findings:convenerNothingFirst' : 'findings:convenerNothing', { rank: finding.rank, who: withAside(finding.label, sector), focal });
      return t(finding.rank === 1 ? 'findings:convenerFirst' : 'findings:convener', {
        rank: finding.rank,
        who: withAside(finding.label, sector),
        reached: joinList(
          finding.reached.map((r) => `${r.count} ${sectorNoun(t, r.sector, r.count)}`),
          lang,
        ),
        clusters: clusterList(t, finding.clusters, lang),
        focal,
      });
    }
    case 'focal': {
      const parts: string[] = [];
      for (const c of finding.chains) {
        const noun = sectorNoun(t, c.sector, 1);
        const path = c.path.join(' → ');
        parts.push(
          c.distance === 1
            ? t('findings:focalDirect', { noun, path })
            : t('findings:focalSteps', { count: c.distance, noun, path, article: article(t, noun) }),
        );
      }
      for (const s of finding.unreachable) parts.push(t('findings:focalUnreachable', { noun: sectorNoun(t, s, 1) }));
      return t(finding.clustersTotal > 0 ? 'findings:focal' : 'findings:focalNoClusters', {
        label: finding.label,
        parts: joinList(parts, lang),
        reached: finding.clustersReached,
        total: finding.clustersTotal,
        min: MIN_CLUSTER_SIZE,
        community: finding.community,
      });
    }
    case 'no_focal':
      return finding.reason === 'not_visible' ? t('findings:focalNotVisible') : t('findings:noFocal');
    case 'betweenness_estimated':
      return t('findings:betweennessEstimated', { samples: finding.samples, count: finding.organisations });
  }
}
