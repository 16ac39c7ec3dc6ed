import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../src/data/sectors';
import { parseViewState, readViewState, REPEATED_PARAMETER, REVERSED_PARAMETER, serialiseViewState, UNKNOWN_PARAMETER } from '../../../src/session/url';
import { COLOUR_BY, DEFAULT_VIEW_STATE, SIZE_BY, VIEWS, type ViewState } from '../../../src/session/viewState';
import { forTerminal } from '../../../src/data/import/commandLine';
import { shownValues } from '../../../src/ui/shownValues';

describe('view state in the URL', () => {
  it('writes nothing for the defaults and reads the defaults back', () => {
    expect(serialiseViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('round-trips a full state, including commas and spaces in values', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      view: 'bridges',
      filters: {
        ...DEFAULT_VIEW_STATE.filters,
        sources: ['Medical Delta', 'SIA'],
        kinds: ['living_lab'],
        themes: ['home living, Wmo'],
        years: [2010, 2018],
        includeUndated: false,
        regions: ['Haaglanden'],
        sectors: ['tech', 'care'],
        minWeight: 2,
        hideIsolates: true,
        statedOnly: true,
        ego: { id: 'gemeente-den-haag', steps: 2 },
      },
      colourBy: 'community',
      sizeBy: 'betweenness',
      selected: 'de-haagse-hogeschool',
      targets: ['tech', 'care', 'government', 'citizens'],
      k: 3,
      reachSteps: 2,
      resolution: 1.5,
      showSuggested: true,
      focal: 'gemeente-delft',
      rules: { listingKinds: ['consultation'], listingActivities: ['big one'], weight: 'newman' },
    };
    const search = serialiseViewState(state);
    expect(search).toContain('source=Medical%20Delta,SIA');
    expect(parseViewState(search)).toEqual(state);
  });

  it('reads links made before the measure registry, and an empty listing rule as "no listings"', () => {
    expect(parseViewState('?colour=brokerage&size=brokerage')).toMatchObject({ colourBy: 'brokerageTotal', sizeBy: 'brokerageTotal' });
    expect(parseViewState('?listing=').rules.listingKinds).toEqual([]);
    expect(parseViewState('').rules.listingKinds).toEqual(['consultation', 'fund']);
    expect(serialiseViewState({ ...DEFAULT_VIEW_STATE, rules: { ...DEFAULT_VIEW_STATE.rules, listingKinds: [] } })).toBe('?listing=');
  });

  it('ignores malformed or unknown values', () => {
    const s = parseViewState('?view=nope&k=99&sector=tech,alien&years=20-30&min=-3&targets=tech&colour=x&res=-1');
    expect(s.view).toBe('network');
    expect(s.k).toBe(5);
    expect(s.filters.sectors).toEqual(['tech']);
    expect(s.filters.years).toBeNull();
    expect(s.filters.minWeight).toBe(1);
    expect(s.targets).toEqual(DEFAULT_VIEW_STATE.targets);
    expect(s.colourBy).toBe('sector');
    expect(s.resolution).toBe(1);
  });

  it('says which values it could not read, per parameter, and none for a valid or empty one', () => {
    const { ignored } = readViewState('?view=nope&k=abc&sector=tech,alien&years=20-30&min=-3&targets=tech&colour=x&res=-1&reach=3&weight=heavy&isolates=yes&ego=noSteps&before=1990&labels=&org=anything');
    // In the order of the parameters' names.
    expect(ignored).toEqual([
      { parameter: 'before', values: ['1990'] },
      { parameter: 'colour', values: ['x'] },
      { parameter: 'ego', values: ['noSteps'] },
      { parameter: 'isolates', values: ['yes'] },
      { parameter: 'k', values: ['abc'] },
      { parameter: 'min', values: ['-3'] },
      { parameter: 'reach', values: ['3'] },
      { parameter: 'res', values: ['-1'] },
      { parameter: 'sector', values: ['alien'] },
      { parameter: 'targets', values: ['tech'] },
      { parameter: 'view', values: ['nope'] },
      { parameter: 'weight', values: ['heavy'] },
      { parameter: 'years', values: ['20-30'] },
    ]);
    // A list item whose percent-encoding is broken is reported as written; one line per parameter.
    const broken = readViewState('?source=SIA,%E0%A4%A&sector=%ZZ,alien,care&org=%E0%A4%A&focal=gemeente%20delft');
    expect(broken.state.filters.sources).toEqual(['SIA']);
    expect(broken.state.filters.sectors).toEqual(['care']);
    expect(broken.state).toMatchObject({ selected: null, focal: 'gemeente delft' });
    expect(broken.ignored).toEqual([
      { parameter: 'org', values: ['%E0%A4%A'] },
      { parameter: 'sector', values: ['%ZZ', 'alien'] },
      { parameter: 'source', values: ['%E0%A4%A'] },
    ]);
    // An ego of 0 or more than 5 steps is reported and not used (it was quietly made 1 or 5).
    for (const ego of ['gemeente-den-haag:0', 'gemeente-den-haag:9']) {
      const read = readViewState(`?ego=${ego}`);
      expect([read.state.filters.ego, read.ignored]).toEqual([null, [{ parameter: 'ego', values: [ego] }]]);
    }
    expect(readViewState('?ego=gemeente-den-haag:5').state.filters.ego).toEqual({ id: 'gemeente-den-haag', steps: 5 });
    // An old measure name is read, not ignored; a valid link reads without a word.
    expect(readViewState('?colour=brokerage&k=3&years=2018-2020&undated=0').ignored).toEqual([]);
    const full = serialiseViewState({ ...DEFAULT_VIEW_STATE, k: 7, view: 'bridges', targets: ['tech', 'care'], reachSteps: 2, showSuggested: true });
    expect(readViewState(full).ignored).toEqual([]);
  });

  it('reads numbers only as a link writes them: decimal digits', () => {
    // Number() alone read 0x3 as 3, " 3" as 3 and 1e1 as 10.
    for (const k of ['0x3', '%203', '3%20', '1e1', '3.0', '+3', '0b11']) {
      const read = readViewState(`?k=${k}`);
      expect([read.state.k, read.ignored]).toEqual([DEFAULT_VIEW_STATE.k, [{ parameter: 'k', values: [decodeURIComponent(k)] }]]);
    }
    for (const res of ['0x1', '1e0', '.5', '5.', 'Infinity']) expect(readViewState(`?res=${res}`).ignored).toEqual([{ parameter: 'res', values: [res] }]);
    expect(readViewState('?k=07&res=0.5&min=12')).toMatchObject({ state: { k: 7, resolution: 0.5, filters: { minWeight: 12 } }, ignored: [] });
  });

  it('uses the first copy of a repeated parameter and reports the later ones and unknown parameters', () => {
    const read = readViewState('?k=3&sectr=care&k=5&source=SIA&source=RVO&k=&utm_source=mail&sectr=tech&flag');
    expect(read.state.k).toBe(3);
    expect(read.state.filters.sources).toEqual(['SIA']);
    expect(read.ignored).toEqual([
      { parameter: REPEATED_PARAMETER, values: ['k=5', 'source=RVO'] },
      { parameter: UNKNOWN_PARAMETER, values: ['sectr=care', 'sectr=tech', 'utm_source=mail', 'flag'] },
    ]);
    // Percent-encoded names and values of unknown parameters are shown decoded, or as written when broken.
    expect(readViewState('?na%20me=a%20b&x=%ZZ').ignored).toEqual([{ parameter: UNKNOWN_PARAMETER, values: ['na me=a b', 'x=%ZZ'] }]);
    // "=" alone is no parameter (the notice listed blanks for `?=&&&=`); a value without a name is said.
    expect(readViewState('?=&&&=').ignored).toEqual([]);
    expect(readViewState('?=&k=3&=x').ignored).toEqual([{ parameter: UNKNOWN_PARAMETER, values: ['=x'] }]);
  });

  it('reads a year range written latest year first the other way round, and says so', () => {
    // `years=2020-2010` was quietly used as 2010–2020, and `after=2010-2005` quietly rewritten.
    const read = readViewState('?years=2020-2010&change=compare&before=2012-2014&after=2010-2005');
    expect(read.state.filters.years).toEqual([2010, 2020]);
    expect(read.state.change.after).toEqual([2005, 2010]);
    expect(read.ignored).toEqual([{ parameter: REVERSED_PARAMETER, values: ['years=2020-2010', 'after=2010-2005'] }]);
    expect(serialiseViewState(read.state)).toContain('years=2010-2020');
    // One year, and a range in order, are read without a word.
    expect(readViewState('?years=2015-2015&before=2010-2012').ignored).toEqual([]);
  });

  it('uses a value given twice in one list once, and reports the repeat', () => {
    const read = readViewState('?source=SIA,RVO,SIA&sector=care,care&listed=a%2Cb,a%2Cb,c');
    expect(read.state.filters.sources).toEqual(['SIA', 'RVO']);
    expect(read.state.filters.sectors).toEqual(['care']);
    expect(read.state.rules.listingActivities).toEqual(['a,b', 'c']);
    expect(read.ignored).toEqual([{ parameter: REPEATED_PARAMETER, values: ['source=SIA', 'sector=care', 'listed=a,b'] }]);
    // Written back without the repeat.
    expect(serialiseViewState(read.state)).not.toMatch(/SIA.*SIA/);
  });

  it('values a link brings into the notice show their control and direction characters as escapes', () => {
    const t = ((key: string, o?: { count: number }) => `${key}:${o?.count}`) as unknown as Parameters<typeof shownValues>[1];
    // `?listed=%00` showed as “” with an invisible NUL; a right-to-left override reversed what followed.
    expect(shownValues(['\u0000', 'a\u202Eb', 'tab\there', 'é'], t)).toBe('“\\u0000”, “a\\u202eb”, “tab\\u0009here”, “é”');
    expect(forTerminal('a\tb\nc\u001b[2J\u2066')).toBe('a\tb\nc\\u001b[2J\\u2066');
  });

  it('round-trips any valid state (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
    const years = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
    const state = fc.record({
      view: fc.constantFrom(...VIEWS),
      colourBy: fc.constantFrom(...COLOUR_BY),
      sizeBy: fc.constantFrom(...SIZE_BY),
      sources: fc.uniqueArray(text, { maxLength: 3 }),
      sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 }),
      targets: fc.uniqueArray(fc.constantFrom(...SECTORS), { minLength: 2, maxLength: 4 }),
      k: fc.integer({ min: 1, max: 10 }),
      selected: fc.option(text, { nil: null }),
      ego: fc.option(fc.record({ id: text, steps: fc.integer({ min: 1, max: 5 }) }), { nil: null }),
      // Any four-digit year: 0-2020 was written unpadded and then refused on reading.
      years: fc.option(years, { nil: null }),
      before: fc.option(years, { nil: null }),
      after: fc.option(years, { nil: null }),
    });
    fc.assert(
      fc.property(state, (v) => {
        const s: ViewState = {
          ...DEFAULT_VIEW_STATE,
          view: v.view,
          colourBy: v.colourBy,
          sizeBy: v.sizeBy,
          selected: v.selected,
          targets: v.targets,
          k: v.k,
          filters: { ...DEFAULT_VIEW_STATE.filters, sources: v.sources, sectors: v.sectors, ego: v.ego, years: v.years },
          change: v.before || v.after ? { ...DEFAULT_VIEW_STATE.change, before: v.before, after: v.after } : DEFAULT_VIEW_STATE.change,
        };
        expect(parseViewState(serialiseViewState(s))).toEqual(s);
      }),
    );
  });
});
