import { describe, expect, it } from 'vitest';
import { compareScenario } from '../../../src/analysis/compare';
import { introducedPairs, introductionScenarioRows, joinActivityRows, newActivityRows, removeScenarioActivity, scenarioActivities, scenarioRowPlaces } from '../../../src/change/scenarioRows';
import { applyScenario } from '../../../src/data/scenario';
import { denHaagDataset } from '../../helpers/denHaag';

const dataset = denHaagDataset();
const gdh = { id: 'gemeente-den-haag', name: 'Gemeente Den Haag' };
const sg = { id: 'senseglove', name: 'SenseGlove' };
const hmc = { id: 'haaglanden-medisch-centrum', name: 'Haaglanden Medisch Centrum' };

describe('scenario rows the app makes', () => {
  it('a new hypothetical activity: one row per organisation (each once), a free id, title, kind and year', () => {
    const rows = newActivityRows(dataset, [], { title: 'Living lab', kind: 'living_lab', year: 2026, organisations: [gdh, sg, gdh] });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.activity_id === 'what-if-1' && r.activity_kind === 'living_lab' && r.start_year === '2026')).toBe(true);
    const more = newActivityRows(dataset, rows, { title: '', kind: 'project', organisations: [hmc, sg] });
    expect(more[0]!.activity_id).toBe('what-if-2');
    expect(more[0]!.activity_title).toBe('what-if-2');
    const scenario = applyScenario(dataset, [...rows, ...more]);
    expect(scenario.report).toMatchObject({ rowsRead: 4, rowsUsed: 4, rowsRejected: 0 });
    expect(scenario.activities).toEqual(['what-if-1', 'what-if-2']);
  });

  it('joining an existing activity adds participants to it (and not twice)', () => {
    const activity = dataset.activities.find((a) => a.id.startsWith('zorgzandbak'))!;
    const rows = joinActivityRows([], activity.id, [hmc]);
    expect(rows).toEqual([{ activity_id: activity.id, organisation_id: hmc.id, organisation: hmc.name, role: 'participant' }]);
    expect(joinActivityRows(rows, activity.id, [hmc])).toEqual([]);
    const groups = scenarioActivities(rows, dataset);
    expect(groups).toEqual([{ id: activity.id, title: activity.title, kind: activity.kind, existing: true, organisations: [{ id: hmc.id, name: hmc.name }] }]);
  });

  it("names a row's place by its activity and organisation (the data's names first), as applyScenario numbers the rows", () => {
    const activity = dataset.activities[0]!;
    const rows = [
      { activity_id: activity.id, activity_title: 'Not this title', organisation_id: hmc.id, organisation: 'Not this name' },
      { activity_id: 'plan-1', activity_title: 'Plan één', organisation: 'Nieuwe Partij' },
      { activity_id: 'plan-2', organisation_id: 'nobody' },
      { organisation: 'Zonder Activiteit' },
      // A second title for plan-1 is not used: the place names the activity as the list shows it.
      { activity_id: 'plan-1', activity_title: 'Plan twee', organisation_id: gdh.id },
    ];
    const placeOf = scenarioRowPlaces(rows, dataset);
    // applyScenario's numbers: index + 2 (row 1 would be a file's header).
    expect(applyScenario(dataset, rows).report.problems.map((p) => p.row)).toContain(5);
    expect(placeOf(2)).toEqual({ activity: activity.title, organisation: hmc.name });
    expect(placeOf(3)).toEqual({ activity: 'Plan één', organisation: 'Nieuwe Partij' });
    expect(placeOf(4)).toEqual({ activity: 'plan-2', organisation: 'nobody' });
    expect(placeOf(5)).toEqual({ activity: '', organisation: 'Zonder Activiteit' });
    expect(placeOf(6)).toEqual({ activity: 'Plan één', organisation: gdh.name });
    expect(placeOf(1)).toBeNull();
    expect(placeOf(7)).toBeNull();
  });

  it('introductions: one activity of kind introduction per pair, a pair only once, never an organisation with itself', () => {
    const rows = introductionScenarioRows(dataset, [], [
      { a: gdh, b: sg },
      { a: sg, b: gdh },
      { a: hmc, b: hmc },
      { a: hmc, b: sg },
    ]);
    expect(rows).toHaveLength(4);
    expect(introducedPairs(rows)).toEqual([
      [gdh.id, sg.id],
      [hmc.id, sg.id],
    ]);
    expect(introductionScenarioRows(dataset, rows, [{ a: sg, b: gdh }])).toEqual([]);
    expect(removeScenarioActivity(rows, 'introduction-1').map((r) => r.activity_id)).toEqual(['introduction-2', 'introduction-2']);
  });

  it('adopted introductions become hypothetical ties in the scenario comparison', () => {
    const rows = introductionScenarioRows(dataset, [], [{ a: gdh, b: sg }]);
    const { comparison } = compareScenario(applyScenario(dataset, rows).dataset, undefined, { focal: 'gemeente-den-haag', nullDraws: 50, bootstraps: 0 });
    expect(comparison.tiesFormed).toEqual([{ source: gdh.id, target: sg.id, hypothetical: true }]);
    expect(comparison.after.hypotheticalTies).toEqual({ only: 1, partly: 0 });
  });
});
