/**
 * Seeded synthetic national-scale dataset for benchmarks (Node and browser): about 14,000 projects,
 * 17,000 organisations and 300,000 ties, the size of all SIA/RVO care-innovation projects
 * 2006–2018. Pure and deterministic: the same options give the same dataset.
 *
 * Model: organisations get a sector (realistic proportions) and a region (Zipf-like region sizes).
 * Each project has a home region and a heavy-tailed size (most 2–8 participants, some 9–30, a few
 * up to ~150). Each participant slot draws a sector, then a region (the home region with
 * probability `regional`), then an organisation of that region and sector: a newcomer with
 * probability `newcomer` while unused organisations remain, otherwise preferential attachment
 * (drawn from an urn holding each organisation once plus once per earlier participation).
 */
import type { Activity, Dataset, Organisation, Participation } from '../data/model';
import type { Sector } from '../data/sectors';
import { mulberry32 } from './prng';

export interface NationalDatasetOptions {
  seed?: number;
  /** Multiplies the number of projects and organisations; default 1. */
  scale?: number;
  projects?: number;
  organisations?: number;
  regions?: number;
  /** Probability that a participant comes from the project's home region; default 0.8. */
  regional?: number;
  /** Probability of drawing a not-yet-used organisation while there are any; default 0.3. */
  newcomer?: number;
}

/** Sector shares among organisations in care-innovation projects (approximate). */
export const SYNTHETIC_SECTOR_SHARES: [Sector, number][] = [
  ['tech', 0.3],
  ['care', 0.27],
  ['knowledge', 0.1],
  ['government', 0.06],
  ['network', 0.07],
  ['finance', 0.03],
  ['citizens', 0.04],
  ['other', 0.13],
];

/** Sector shares among project participants: knowledge institutions and networks join more often. */
const SLOT_SHARES: [Sector, number][] = [
  ['tech', 0.26],
  ['care', 0.28],
  ['knowledge', 0.18],
  ['government', 0.07],
  ['network', 0.08],
  ['finance', 0.02],
  ['citizens', 0.04],
  ['other', 0.07],
];

const NAME_PREFIX: Record<Sector, string> = {
  tech: 'Techbedrijf',
  care: 'Zorggroep',
  government: 'Gemeente',
  knowledge: 'Hogeschool',
  network: 'Netwerk',
  finance: 'Fonds',
  citizens: 'Cliëntenraad',
  other: 'Organisatie',
};

function cumulative(shares: readonly (readonly [unknown, number])[]): Float64Array {
  const out = new Float64Array(shares.length);
  let s = 0;
  shares.forEach(([, w], i) => {
    s += w;
    out[i] = s;
  });
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / s;
  return out;
}

function pick(cum: Float64Array, r: number): number {
  for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return i;
  return cum.length - 1;
}

/** Heavy-tailed project size: 87% 2–8, 12.2% 9–14, 0.8% Pareto tail (α = 1.5) from 15 up to 100. */
function projectSize(rng: () => number): number {
  const r = rng();
  if (r < 0.87) return 2 + Math.floor(rng() * 7);
  if (r < 0.992) return 9 + Math.floor(rng() * 6);
  const x = 15 * Math.pow(1 - rng(), -1 / 1.5);
  return Math.min(100, Math.floor(x));
}

export function generateNationalDataset(options: NationalDatasetOptions = {}): Dataset {
  const scale = options.scale ?? 1;
  const rng = mulberry32(options.seed ?? 2006);
  const P = Math.max(1, Math.round((options.projects ?? 14000) * scale));
  const N = Math.max(2, Math.round((options.organisations ?? 17000) * scale));
  const R = options.regions ?? 40;
  const regional = options.regional ?? 0.8;
  const newcomer = options.newcomer ?? 0.3;
  const sectors = SYNTHETIC_SECTOR_SHARES.map(([s]) => s);
  const S = sectors.length;
  const orgCum = cumulative(SYNTHETIC_SECTOR_SHARES);
  const slotCum = cumulative(SLOT_SHARES.map(([s, w]) => [sectors.indexOf(s), w] as const));
  const slotSector = SLOT_SHARES.map(([s]) => sectors.indexOf(s));
  const regionCum = cumulative(Array.from({ length: R }, (_, r) => [r, 1 / Math.pow(r + 1, 0.8)] as const));

  const width = String(N).length;
  const orgSector = new Int32Array(N);
  const orgRegion = new Int32Array(N);
  const organisations: Organisation[] = [];
  // urn[r * S + s]: organisation indices, each once plus once per participation.
  const urn: number[][] = Array.from({ length: R * S }, () => []);
  const fresh: number[][] = Array.from({ length: R * S }, () => []);
  const freshPos = new Int32Array(R * S);
  for (let i = 0; i < N; i++) {
    const s = pick(orgCum, rng());
    const r = pick(regionCum, rng());
    orgSector[i] = s;
    orgRegion[i] = r;
    const sector = sectors[s]!;
    const id = `org-${String(i).padStart(width, '0')}`;
    organisations.push({
      id,
      name: `${NAME_PREFIX[sector]} ${i}`,
      sector,
      region: `Regio ${r + 1}`,
      aliases: [],
      provenance: ['synthetic'],
    });
    urn[r * S + s]!.push(i);
    fresh[r * S + s]!.push(i);
  }
  const bySector: number[][] = Array.from({ length: S }, () => []);
  for (let i = 0; i < N; i++) bySector[orgSector[i]!]!.push(i);

  const activities: Activity[] = [];
  const participations: Participation[] = [];
  const pwidth = String(P).length;
  const inProject = new Int32Array(N).fill(-1);
  for (let p = 0; p < P; p++) {
    const home = pick(regionCum, rng());
    const size = projectSize(rng);
    const id = `P${String(p).padStart(pwidth, '0')}`;
    const startYear = 2006 + Math.floor((p / P) * 13);
    activities.push({
      id,
      title: `Project ${p}`,
      kind: 'project',
      source: 'synthetic',
      scheme: rng() < 0.5 ? 'SIA RAAK' : 'RVO MIT',
      startYear,
      region: `Regio ${home + 1}`,
      provenance: ['synthetic'],
    });
    let members = 0;
    for (let slot = 0, tries = 0; members < size && tries < size * 6; tries++, slot++) {
      const s = slotSector[pick(slotCum, rng())]!;
      const r = rng() < regional ? home : pick(regionCum, rng());
      const key = r * S + s;
      let org: number;
      const f = fresh[key]!;
      if (f.length > freshPos[key]! && rng() < newcomer) {
        org = f[freshPos[key]!++]!;
      } else if (urn[key]!.length > 0) {
        const u = urn[key]!;
        org = u[Math.floor(rng() * u.length)]!;
      } else {
        const all = bySector[s]!;
        if (all.length === 0) continue;
        org = all[Math.floor(rng() * all.length)]!;
      }
      if (inProject[org] === p) continue;
      inProject[org] = p;
      members++;
      urn[orgRegion[org]! * S + orgSector[org]!]!.push(org);
      participations.push({ activityId: id, organisationId: organisations[org]!.id });
    }
  }
  // Organisations never drawn still need one activity to be part of the data: give each a
  // two-party project with a preferentially drawn partner from its own region.
  let extra = 0;
  const used = new Uint8Array(N);
  for (const pa of participations) used[Number(pa.organisationId.slice(4))] = 1;
  for (let i = 0; i < N; i++) {
    if (used[i]) continue;
    const key = orgRegion[i]! * S + pick(slotCum, rng());
    const u = urn[key]!.length > 0 ? urn[key]! : urn[orgRegion[i]! * S + orgSector[i]!]!;
    let partner = u[Math.floor(rng() * u.length)]!;
    if (partner === i) partner = (i + 1) % N;
    const id = `Q${String(extra++).padStart(width, '0')}`;
    activities.push({
      id,
      title: `Kleine samenwerking ${extra}`,
      kind: 'project',
      source: 'synthetic',
      startYear: 2018,
      provenance: ['synthetic'],
    });
    participations.push({ activityId: id, organisationId: organisations[i]!.id });
    participations.push({ activityId: id, organisationId: organisations[partner]!.id });
    used[i] = 1;
  }
  return {
    name: `Synthetic national care-innovation dataset (seed ${options.seed ?? 2006}, scale ${scale})`,
    organisations,
    activities,
    participations,
  };
}
