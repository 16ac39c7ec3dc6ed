/**
 * The comparison documents the app computes (in the analysis worker) and exports: the same shapes
 * as the command line's JSON keys `comparison` (two views) and `scenario` (without and with a
 * what-if scenario), see docs/change-over-time.md.
 */
import type { BridgeTracker } from '../analysis/bridgeTracker';
import type { Comparison, FocalSummary } from '../analysis/compare';
import type { FocalView } from '../analysis/focal';
import type { ScenarioReport } from '../data/scenario';

/** The command line's `comparison`. */
export type ComparisonDocument = Comparison & {
  filters: { before: string; after: string };
  bridgeTracker: BridgeTracker;
};

/** The command line's `scenario`. */
export type ScenarioDocument = Comparison & {
  file: string;
  import: ScenarioReport;
  added: { organisations: string[]; activities: string[]; participations: number };
};

/** An organisation as the change views name it (hypothetical ones are not in the loaded data). */
export interface NamedParty {
  id: string;
  name: string;
  sector: string;
  hypothetical?: boolean;
}

/** What the worker answers for a scenario: the document, and names of what it added. */
export interface ScenarioOutcome {
  document: ScenarioDocument;
  /** Organisations the scenario added (not in the data). */
  organisations: NamedParty[];
  /** Titles of the activities the scenario added. */
  activities: { id: string; title: string; kind: string }[];
}

/** The focal organisation's summary, as `summariseView` writes it, from the focal stage's view. */
export function focalSummaryOf(view: FocalView | null): FocalSummary | null {
  return (
    view && {
      id: view.id,
      label: view.label,
      sector: view.sector,
      degree: view.degree,
      distances: view.sectorDistance.map((d) => ({ sector: d.sector, distance: d.distance })),
      clustersReached: view.clustersReached.length,
      clustersTotal: view.clustersTotal,
    }
  );
}
