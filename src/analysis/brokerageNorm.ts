/**
 * Gould–Fernandez brokerage normalised against random sector assignment (Gould & Fernandez 1989,
 * "Structures of mediation: a formal approach to brokerage in transaction networks", Sociological
 * Methodology 19:89–126).
 *
 * A broker's raw role counts (brokerage.ts) grow with its number of open pairs and with the sizes
 * of the sectors: a care organisation among many care organisations coordinates a lot by chance.
 * Gould and Fernandez compare each count with its expectation when the group labels are assigned
 * at random keeping the group sizes, the network staying as it is. Given broker v in sector g, the
 * other two ends i and j of an open pair i–v–j are then a sample without replacement from the
 * other n − 1 organisations, whose sectors have sizes s_h (s_g = n_g − 1 for v's own sector). With
 * N = n − 1, the probability of each role for one open pair is exactly
 *
 *   coordinator                    s_g (s_g − 1) / (N (N − 1))                 (i, j in g)
 *   itinerant (consultant)         Σ_{h≠g} s_h (s_h − 1) / (N (N − 1))        (i, j in one other sector)
 *   gatekeeper_or_representative   2 s_g (N − s_g) / (N (N − 1))              (exactly one of i, j in g)
 *   liaison                        ((N − s_g)² − Σ_{h≠g} s_h²) / (N (N − 1))  (i, j in two other sectors)
 *
 * and the expected count is the number of open pairs at v times that probability (the four add up
 * to the open pairs). On undirected ties gatekeeper and representative cannot be told apart and are
 * one role, as in brokerage.ts. Sector sizes are taken over all nodes of the CSR, isolates included
 * (a permutation of the labels moves them too). No JavaScript library computes these; R's
 * sna::brokerage has the directed, ordered version.
 */
import { brokerageRoles, type BrokerageArrays } from './brokerage';
import type { Csr } from './csr';

export type BrokerageRole = 'coordinator' | 'itinerant' | 'gatekeeper_or_representative' | 'liaison';
export const BROKERAGE_ROLES: readonly BrokerageRole[] = ['coordinator', 'itinerant', 'gatekeeper_or_representative', 'liaison'];

/** Per-role probabilities for one open pair at a broker of a given sector. */
export interface RoleProbabilities {
  coordinator: number;
  itinerant: number;
  gatekeeper_or_representative: number;
  liaison: number;
}

export interface BrokerageNormResult {
  /** Raw counts per node (brokerage.ts). */
  observed: BrokerageArrays;
  /** Expected counts per node under random sector assignment keeping sector sizes. */
  expected: BrokerageArrays;
  /** observed / expected per node; NaN where expected is 0. */
  ratio: BrokerageArrays;
  /** Open pairs (unordered, unclosed neighbour pairs) per node: the sum of the four roles. */
  openPairs: Float64Array;
  /** Sector sizes over all nodes, by sector code. */
  sectorSize: Int32Array;
  /** Role probabilities for a broker of each sector code. */
  probabilities: RoleProbabilities[];
}

export interface RoleNorm {
  observed: number;
  expected: number;
  /** null where expected is 0. */
  ratio: number | null;
}
export type BrokerageNormCounts = Record<BrokerageRole, RoleNorm>;

/**
 * Role probabilities for a broker of sector g when the other n − 1 labels are a random
 * permutation (sampling without replacement), from the sector sizes over all n nodes.
 */
export function roleProbabilities(sectorSize: ArrayLike<number>, g: number): RoleProbabilities {
  let n = 0;
  for (let h = 0; h < sectorSize.length; h++) n += sectorSize[h]!;
  const N = n - 1;
  if (N < 2 || !(sectorSize[g]! > 0)) return { coordinator: 0, itinerant: 0, gatekeeper_or_representative: 0, liaison: 0 };
  const denom = N * (N - 1);
  const sg = sectorSize[g]! - 1;
  let sameOther = 0;
  let squaresOther = 0;
  for (let h = 0; h < sectorSize.length; h++) {
    if (h === g) continue;
    const s = sectorSize[h]!;
    sameOther += s * (s - 1);
    squaresOther += s * s;
  }
  const rest = N - sg;
  return {
    // Alone in its sector (sg = 0), 0 · (0 − 1) would be −0, which a JSON round trip turns into 0.
    coordinator: sg > 1 ? (sg * (sg - 1)) / denom : 0,
    itinerant: sameOther / denom,
    gatekeeper_or_representative: (2 * sg * rest) / denom,
    liaison: (rest * rest - squaresOther) / denom,
  };
}

/**
 * Observed, expected and observed/expected brokerage roles of every node. `observed` may be passed
 * when brokerageRoles(csr) was already computed.
 */
export function brokerageNormalised(csr: Csr, observed: BrokerageArrays = brokerageRoles(csr)): BrokerageNormResult {
  const { n, group } = csr;
  const G = csr.groupNames.length;
  const sectorSize = new Int32Array(G);
  for (let i = 0; i < n; i++) sectorSize[group[i]!]!++;
  const probabilities: RoleProbabilities[] = [];
  for (let g = 0; g < G; g++) probabilities.push(roleProbabilities(sectorSize, g));
  const pc = new Float64Array(G);
  const pi = new Float64Array(G);
  const pk = new Float64Array(G);
  const pl = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    pc[g] = probabilities[g]!.coordinator;
    pi[g] = probabilities[g]!.itinerant;
    pk[g] = probabilities[g]!.gatekeeper_or_representative;
    pl[g] = probabilities[g]!.liaison;
  }
  const openPairs = new Float64Array(n);
  const expected: BrokerageArrays = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const ratio: BrokerageArrays = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const div = (o: number, e: number) => (e > 0 ? o / e : NaN);
  for (let v = 0; v < n; v++) {
    const oc = observed.coordinator[v]!;
    const oi = observed.itinerant[v]!;
    const ok = observed.gatekeeper[v]!;
    const ol = observed.liaison[v]!;
    const open = oc + oi + ok + ol;
    openPairs[v] = open;
    const g = group[v]!;
    const ec = open * pc[g]!;
    const ei = open * pi[g]!;
    const ek = open * pk[g]!;
    const el = open * pl[g]!;
    expected.coordinator[v] = ec;
    expected.itinerant[v] = ei;
    expected.gatekeeper[v] = ek;
    expected.liaison[v] = el;
    ratio.coordinator[v] = div(oc, ec);
    ratio.itinerant[v] = div(oi, ei);
    ratio.gatekeeper[v] = div(ok, ek);
    ratio.liaison[v] = div(ol, el);
  }
  return { observed, expected, ratio, openPairs, sectorSize, probabilities };
}

/**
 * Per node: how often its open pairs join two different sectors, against chance. The pairs whose
 * ends i and j are in different sectors are the gatekeeper/representative and liaison ones
 * (coordinator and itinerant pairs join one sector), so this is (observed gatekeeper + liaison) /
 * (expected gatekeeper + liaison); NaN where none are expected. The ratio of all four roles
 * together would be 1 for everyone: the expectations add up to the open pairs.
 */
export function betweenSectorRatio(r: BrokerageNormResult): Float64Array {
  const out = new Float64Array(r.openPairs.length);
  for (let v = 0; v < out.length; v++) {
    const expected = r.expected.gatekeeper[v]! + r.expected.liaison[v]!;
    out[v] = expected > 0 ? (r.observed.gatekeeper[v]! + r.observed.liaison[v]!) / expected : NaN;
  }
  return out;
}

/** One node's roles as plain numbers, ratio null where expected is 0. */
export function brokerageNormOf(r: BrokerageNormResult, i: number): BrokerageNormCounts {
  const one = (a: keyof BrokerageArrays): RoleNorm => {
    const x = r.ratio[a][i]!;
    return { observed: r.observed[a][i]!, expected: r.expected[a][i]!, ratio: Number.isNaN(x) ? null : x };
  };
  return {
    coordinator: one('coordinator'),
    itinerant: one('itinerant'),
    gatekeeper_or_representative: one('gatekeeper'),
    liaison: one('liaison'),
  };
}
