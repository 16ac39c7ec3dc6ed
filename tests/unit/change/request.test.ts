import { describe, expect, it } from 'vitest';
import { changeRequest, defaultPeriods, filtersQuery, parseLink } from '../../../src/change/request';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { sectorCodes } from '../../../src/graph/network';
import { cleanViewState, yearSpan } from '../../../src/session/clean';
import { parseViewState, serialiseViewState } from '../../../src/session/url';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/session/viewState';
import { denHaagNetwork } from '../../helpers/denHaag';

const network = denHaagNetwork();
const sectors = sectorCodes(network);
const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW_STATE, view: 'change', ...patch });

describe('what the change view compares', () => {
  it('by default: up to last year against up to the last year of the data, on the current filters', () => {
    expect(yearSpan(network.activities)).toEqual([2006, 2020]);
    expect(defaultPeriods([2006, 2020])).toEqual({ before: [2006, 2019], after: [2006, 2020] });
    expect(defaultPeriods([2020, 2020])).toBeNull();
    expect(defaultPeriods(null)).toBeNull();
    const r = changeRequest(view({ filters: { ...DEFAULT_FILTERS, sources: ['SIA'] } }), network, sectors)!;
    expect(r.kind).toBe('periods');
    expect(r.before).toEqual({ ...DEFAULT_FILTERS, sources: ['SIA'], years: [2006, 2019] });
    expect(r.after.years).toEqual([2006, 2020]);
    // The query strings are what the command line's --view and --compare take.
    expect({ before: filtersQuery(r.before), after: filtersQuery(r.after) }).toEqual({ before: 'source=SIA&years=2006-2019', after: 'source=SIA&years=2006-2020' });
  });

  it('periods chosen in the view state override the defaults, one side at a time', () => {
    const r = changeRequest(view({ change: { mode: 'compare', before: [2016, 2016], after: null, against: null } }), network, sectors)!;
    expect(r.periods).toEqual({ before: [2016, 2016], after: [2006, 2020] });
  });

  it('cuts a period to the years the data has, so that its caption and the year menus agree', () => {
    // "Erna: Jaren: 2005–2010" stood above menus that offer 2006 as the first year.
    const r = changeRequest(view({ change: { mode: 'compare', before: [2015, 2030], after: [2005, 2010], against: null } }), network, sectors)!;
    expect(r.periods).toEqual({ before: [2015, 2020], after: [2006, 2010] });
    expect([r.before.years, r.after.years]).toEqual([
      [2015, 2020],
      [2006, 2010],
    ]);
    // A period wholly outside the data stays as asked.
    expect(changeRequest(view({ change: { mode: 'compare', before: [1990, 1995], after: null, against: null } }), network, sectors)!.periods!.before).toEqual([1990, 1995]);
  });

  it('against a pasted link: its filters only, with what was ignored and what this data lacks', () => {
    const link = 'https://example.org/bruggen/?view=bridges&years=2020-2020&source=SIA,Nowhere&k=3#x';
    const r = changeRequest(view({ change: { mode: 'compare', before: null, after: null, against: link } }), network, sectors)!;
    expect(r.kind).toBe('link');
    expect(r.before).toEqual(DEFAULT_FILTERS);
    expect(r.after.years).toEqual([2020, 2020]);
    expect(r.after.sources).toEqual(['SIA']);
    expect(r.ignored).toEqual(['view', 'k']);
    expect(r.dropped).toEqual([{ parameter: 'source', values: ['Nowhere'] }]);
    expect(r.unread).toEqual([]);
    expect(parseLink('years=2020-2020').filters.years).toEqual([2020, 2020]);
    expect(filtersQuery(DEFAULT_FILTERS)).toBe('');
  });

  it('against a pasted link: says what it could not read (bad values, repeats, unknown parameters)', () => {
    // These were dropped without a word: the compared link was read with parseViewState.
    const link = '?years=20-30&min=0x2&source=SIA&source=Other&sectr=care&k=abc&k=4';
    const r = changeRequest(view({ change: { mode: 'compare', before: null, after: null, against: link } }), network, sectors)!;
    expect(r.after).toMatchObject({ years: null, minWeight: 1, sources: ['SIA'] });
    expect(r.ignored).toEqual(['k']);
    expect(r.unread).toEqual([
      { parameter: 'min', values: ['0x2'] },
      // k is not a filter: named once among the parameters not used, not again as a repeat.
      { parameter: 'repeated', values: ['source=Other'] },
      { parameter: 'unknown', values: ['sectr=care'] },
      { parameter: 'years', values: ['20-30'] },
    ]);
  });

  it('against a pasted link: its change, period, selection and display parameters are named as not used too (they were ignored without a word)', () => {
    const link = '?view=change&change=compare&before=2015-2018&after=2015-2020&org=x&colour=sector&labels=few&against=years%3D2019-2019&years=2019-2020';
    const r = changeRequest(view({ change: { mode: 'compare', before: null, after: null, against: link } }), network, sectors)!;
    expect(r.after.years).toEqual([2019, 2020]);
    expect(r.ignored).toEqual(['view', 'change', 'before', 'after', 'org', 'colour', 'labels', 'against']);
    expect(r.unread).toEqual([]);
  });

  it('lives in the URL: mode, periods and the compared link round-trip', () => {
    const state = view({ change: { mode: 'whatif', before: [2010, 2019], after: [2010, 2020], against: 'years=2020-2020&source=A B' } });
    const search = serialiseViewState(state);
    expect(search).toContain('change=whatif');
    expect(search).toContain('before=2010-2019');
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState('?view=change').change).toBe(DEFAULT_VIEW_STATE.change);
    expect(parseViewState('?change=nope&before=20-30').change).toEqual(DEFAULT_VIEW_STATE.change);
  });

  it('drops a period no activity of the data overlaps, and says so', () => {
    const state = view({ change: { mode: 'compare', before: [1990, 1995], after: [2006, 2020], against: null } });
    const { state: cleaned, dropped } = cleanViewState(state, network, sectors);
    expect(cleaned.change).toEqual({ mode: 'compare', before: null, after: [2006, 2020], against: null });
    expect(dropped).toEqual([{ parameter: 'before', values: ['1990-1995'] }]);
  });

  it("a years filter reaching beyond the data's years ends at the data's years, and stays a filter", () => {
    const span = yearSpan(network.activities)!;
    const years = (range: [number, number]) => cleanViewState({ ...DEFAULT_VIEW_STATE, filters: { ...DEFAULT_FILTERS, years: range } }, network, sectors);
    // `years=0000-9999` headed the filters "0–9999" over a slider at the data's years. It stays a
    // years filter (not "no filter"), so both sides of a comparison filter alike.
    expect(years([0, 9999])).toEqual({ state: { ...DEFAULT_VIEW_STATE, filters: { ...DEFAULT_FILTERS, years: span } }, dropped: [] });
    expect(years([0, span[0] + 2]).state.filters.years).toEqual([span[0], span[0] + 2]);
    expect(years([span[1] - 1, 9999]).state.filters.years).toEqual([span[1] - 1, span[1]]);
    // Within the span the range is kept as written (the same object: nothing to clean).
    const inside = { ...DEFAULT_VIEW_STATE, filters: { ...DEFAULT_FILTERS, years: [span[0] + 1, span[1] - 1] as [number, number] } };
    expect(cleanViewState(inside, network, sectors).state).toBe(inside);
  });
});
