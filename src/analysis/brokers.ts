/**
 * Broker measures per organisation: degree, strength, participation coefficient, and the
 * combination of betweenness (betweenness.ts), structural holes (structuralHoles.ts), Gould–
 * Fernandez brokerage (brokerage.ts) and cut-points (cutpoints.ts).
 */
import { betweenness, type BetweennessOptions, type BetweennessResult } from './betweenness';
import { brokerageRoles, type BrokerageArrays } from './brokerage';
import type { Csr } from './csr';
import { cutpoints, type Cutpoints } from './cutpoints';
import { structuralHoles, type StructuralHoles } from './structuralHoles';

/**
 * Guimerà & Amaral (2005) participation coefficient over sectors, P_i = 1 − Σ_s (k_is / k_i)²;
 * NaN for isolates. `weighted` uses tie weights for k.
 */
export function participationCoefficient(csr: Csr, weighted: boolean): Float64Array {
  const G = csr.groupNames.length;
  const by = new Float64Array(G);
  const out = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) {
    const s = csr.offsets[i]!;
    const e = csr.offsets[i + 1]!;
    if (s === e) {
      out[i] = NaN;
      continue;
    }
    let k = 0;
    for (let p = s; p < e; p++) {
      const w = weighted ? csr.weights[p]! : 1;
      by[csr.group[csr.targets[p]!]!] = by[csr.group[csr.targets[p]!]!]! + w;
      k += w;
    }
    let sum = 0;
    for (let g = 0; g < G; g++) {
      const x = by[g]! / k;
      sum += x * x;
      by[g] = 0;
    }
    out[i] = 1 - sum;
  }
  return out;
}

export interface BrokerMeasures {
  degree: Int32Array;
  strength: Float64Array;
  participation: Float64Array;
  betweenness: BetweennessResult;
  holes: StructuralHoles;
  brokerage: BrokerageArrays;
  cut: Cutpoints;
}

/** All broker measures in one go (each step is also exported separately). */
export function brokerMeasures(csr: Csr, options: BetweennessOptions = {}): BrokerMeasures {
  return {
    degree: csr.degree,
    strength: csr.strength,
    participation: participationCoefficient(csr, false),
    betweenness: betweenness(csr, options),
    holes: structuralHoles(csr, true),
    brokerage: brokerageRoles(csr),
    cut: cutpoints(csr),
  };
}
