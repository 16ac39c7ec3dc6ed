/**
 * One-line, plain-language explanations (Dutch and English) of every metric in OrganisationRow
 * and of the brokerage roles, as data, so that the details panel, the tables and the report can
 * reuse them. Pure.
 */
import type { AnalysisMeta, OrganisationRow } from '../../analysis';
import { DASH, numberFormatters, type AnalysisLang } from './format';

/** The OrganisationRow metrics, in the order the side panel shows them. */
export const METRIC_KEYS = [
  'degree',
  'strength',
  'betweenness',
  'constraint',
  'effectiveSize',
  'hierarchy',
  'participation',
  'ei',
  'component',
  'community',
  'articulationPoint',
] as const satisfies readonly (keyof OrganisationRow)[];
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Gould & Fernandez roles, keys of OrganisationRow['brokerage']. */
export const BROKERAGE_ROLES = [
  'coordinator',
  'itinerant',
  'gatekeeper_or_representative',
  'liaison',
] as const satisfies readonly (keyof OrganisationRow['brokerage'])[];
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export type ExplainedKey = MetricKey | 'brokerageTotal' | BrokerageRole;

export interface MetricText {
  /** Short name for a label or column header. */
  label: string;
  /** One sentence in plain words. */
  text: string;
}

export const MetricExplanations: Record<ExplainedKey, Record<AnalysisLang, MetricText>> = {
  degree: {
    nl: { label: 'Partners', text: 'Aantal organisaties waarmee ze minstens één activiteit deelt.' },
    en: { label: 'Partners', text: 'Number of organisations it shares at least one activity with.' },
  },
  strength: {
    nl: {
      label: 'Gedeelde activiteiten',
      text: 'Gedeelde activiteiten opgeteld over al haar partners: twee organisaties die samen in drie projecten zitten, tellen 3.',
    },
    en: {
      label: 'Shared activities',
      text: 'Shared activities summed over all its partners: two organisations in three projects together count 3.',
    },
  },
  betweenness: {
    nl: {
      label: 'Tussenpositie',
      text: 'Hoe vaak ze op de kortste route tussen twee andere organisaties ligt (0–1); hoog betekent dat verbindingen tussen delen van het netwerk via haar lopen.',
    },
    en: {
      label: 'Betweenness',
      text: 'How often it lies on the shortest route between two other organisations (0–1); high means links between parts of the network run through it.',
    },
  },
  constraint: {
    nl: {
      label: 'Beperking (Burt)',
      text: 'Hoe sterk haar partners ook onderling samenwerken; laag betekent dat ze gaten overbrugt tussen partners die elkaar niet kennen.',
    },
    en: {
      label: 'Constraint (Burt)',
      text: 'How much its partners also work with each other; low means it bridges gaps between partners who do not know each other.',
    },
  },
  effectiveSize: {
    nl: {
      label: 'Effectieve omvang (Burt)',
      text: 'Aantal partners dat niet al met haar andere partners samenwerkt: haar niet-overlappende contacten.',
    },
    en: {
      label: 'Effective size (Burt)',
      text: 'Number of partners not already tied to its other partners: its non-redundant contacts.',
    },
  },
  hierarchy: {
    nl: {
      label: 'Hiërarchie (Burt)',
      text: 'In hoeverre die beperking uit één partner komt (0–1); hoog betekent afhankelijk van één sterke partner.',
    },
    en: {
      label: 'Hierarchy (Burt)',
      text: 'How far that constraint comes from a single partner (0–1); high means it depends on one strong partner.',
    },
  },
  participation: {
    nl: {
      label: 'Sectorspreiding',
      text: 'Hoe gelijkmatig haar partners over de sectoren verdeeld zijn (participatiecoëfficiënt, 0–1); 0 betekent alle partners in één sector.',
    },
    en: {
      label: 'Sector spread',
      text: 'How evenly its partners are spread over the sectors (participation coefficient, 0–1); 0 means all partners are in one sector.',
    },
  },
  ei: {
    nl: {
      label: 'E–I-index',
      text: 'Partners buiten min partners binnen de eigen sector, gedeeld door alle partners (−1 tot +1); +1 betekent alleen partners uit andere sectoren.',
    },
    en: {
      label: 'E–I index',
      text: 'Partners outside minus partners inside its own sector, divided by all partners (−1 to +1); +1 means only partners from other sectors.',
    },
  },
  component: {
    nl: {
      label: 'Netwerkdeel',
      text: 'Het samenhangende deel van het netwerk waarin ze zit (component); tussen verschillende delen loopt geen enkele keten van samenwerkingen.',
    },
    en: {
      label: 'Network part',
      text: 'The connected part of the network it belongs to (component); no chain of collaborations links different parts.',
    },
  },
  community: {
    nl: {
      label: 'Cluster',
      text: 'De groep organisaties die onderling veel meer samenwerken dan met de rest (Louvain-methode).',
    },
    en: {
      label: 'Cluster',
      text: 'The group of organisations that work together much more with each other than with the rest (Louvain method).',
    },
  },
  articulationPoint: {
    nl: { label: 'Scharnierpunt', text: 'Valt deze organisatie weg, dan valt haar deel van het netwerk uiteen.' },
    en: { label: 'Articulation point', text: 'If this organisation drops out, its part of the network falls apart.' },
  },
  brokerageTotal: {
    nl: {
      label: 'Makelaarsrollen',
      text: 'Aantal paren partners zonder onderlinge band die via haar verbonden zijn (Gould en Fernandez), ingedeeld naar de sectoren van de drie.',
    },
    en: {
      label: 'Brokerage roles',
      text: 'Pairs of partners without a tie of their own that it links (Gould and Fernandez), by the sectors of the three.',
    },
  },
  coordinator: {
    nl: { label: 'Coördinator', text: 'Verbindt twee partners uit haar eigen sector.' },
    en: { label: 'Coordinator', text: 'Links two partners from its own sector.' },
  },
  itinerant: {
    nl: { label: 'Consulent', text: 'Verbindt twee partners uit eenzelfde andere sector.' },
    en: { label: 'Itinerant', text: 'Links two partners from the same other sector.' },
  },
  gatekeeper_or_representative: {
    nl: {
      label: 'Poortwachter of vertegenwoordiger',
      text: 'Verbindt een partner uit haar eigen sector met een partner uit een andere sector.',
    },
    en: {
      label: 'Gatekeeper or representative',
      text: 'Links a partner from its own sector with a partner from another sector.',
    },
  },
  liaison: {
    nl: { label: 'Liaison', text: 'Verbindt twee partners uit twee verschillende andere sectoren: de brug tussen werelden.' },
    en: { label: 'Liaison', text: 'Links two partners from two different other sectors: the bridge between worlds.' },
  },
};

type BetweennessMeta = Pick<AnalysisMeta, 'betweenness' | 'organisations'>;

/** How betweenness was computed: exactly, or estimated from a sample (with its size). */
export function betweennessNote(meta: BetweennessMeta, lang: AnalysisLang): string {
  const f = numberFormatters(lang);
  if (!meta.betweenness.estimated) return lang === 'en' ? 'Computed exactly.' : 'Exact berekend.';
  const samples = f.int(meta.betweenness.samples);
  const total = f.int(meta.organisations);
  return lang === 'en'
    ? `Estimated from a sample of ${samples} of the ${total} organisations.`
    : `Geschat op basis van een steekproef van ${samples} van de ${total} organisaties.`;
}

/** The one-liner, with the estimation note for betweenness when `meta` is given. */
export function metricExplanation(key: ExplainedKey, lang: AnalysisLang, meta?: BetweennessMeta): string {
  const text = MetricExplanations[key][lang].text;
  return key === 'betweenness' && meta ? `${text} ${betweennessNote(meta, lang)}` : text;
}

export const YES_NO: Record<AnalysisLang, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

/** A metric's value as shown in the panel and the tables; the dash when it is undefined (isolates). */
export function formatMetric(key: MetricKey, row: OrganisationRow, lang: AnalysisLang): string {
  const f = numberFormatters(lang);
  switch (key) {
    case 'degree':
    case 'strength':
    case 'component':
    case 'community':
      return f.int(row[key]);
    case 'betweenness': {
      const b = row.betweenness;
      if (b === null || !Number.isFinite(b)) return DASH;
      if (b === 0) return f.int(0);
      return b < 0.0005 ? `< ${f.fixed(0.001, 3)}` : f.fixed(b, 3);
    }
    case 'constraint':
    case 'hierarchy':
    case 'participation':
      return f.orDash(row[key], (x) => f.fixed(x, 2));
    case 'effectiveSize':
      return f.orDash(row.effectiveSize, (x) => f.dec(x, 1));
    case 'ei':
      return f.orDash(row.ei, (x) => f.signed(x, 2));
    case 'articulationPoint':
      return YES_NO[lang][row.articulationPoint ? 0 : 1];
  }
}
