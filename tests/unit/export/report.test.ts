// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { setupI18n } from '../../../src/i18n';
import { clustersLackingTargets } from '../../../src/ui/report/content';
import { summariseFilters } from '../../../src/ui/report/filtersSummary';
import { PrintReport } from '../../../src/ui/report/PrintReport';
import { mapPicture } from '../../../src/export/mapPicture';
import { findingsOf } from '../../../src/analysis/findings';
import { createTranslator } from '../../../src/i18n';
import { wordFinding } from '../../../src/i18n/findings';
import { denHaagView as denHaag } from '../../helpers/denHaag';

const i18n = setupI18n('nl');
afterEach(() => {
  cleanup();
  void i18n.changeLanguage('nl');
});

describe('filters summary', () => {
  it('says when there are no filters', () => {
    expect(summariseFilters(DEFAULT_FILTERS, 'nl')).toBe('geen, het hele netwerk');
    expect(summariseFilters(DEFAULT_FILTERS, 'en')).toBe('none, the whole network');
  });

  it('names every filter in force, in one line', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      sources: ['SIA', 'RVO'],
      kinds: ['project', 'living_lab'],
      years: [2016, 2020] as [number, number],
      includeUndated: false,
      sectors: ['tech' as const, 'care' as const],
      cities: ['Den Haag', 'Delft', 'Leiden', 'Rijswijk', 'Zoetermeer', 'Wassenaar'],
      minWeight: 2,
      hideIsolates: true,
      ego: { id: 'gemeente-den-haag', steps: 2 },
    };
    const name = (id: string) => (id === 'gemeente-den-haag' ? 'Gemeente Den Haag' : undefined);
    expect(summariseFilters(filters, 'nl', { organisationName: name })).toBe(
      'Bron: SIA, RVO · Soort: Project, Living lab · Jaren: 2016–2020 (activiteiten zonder jaartal niet meegeteld) · ' +
        'Plaats: Den Haag, Delft, Leiden, Rijswijk en nog 2 · Sectoren: Technologie, Zorg en welzijn · ' +
        'Alleen banden met minstens 2 gedeelde activiteiten · Organisaties zonder partner verborgen · Rond Gemeente Den Haag (2 stappen)',
    );
    expect(summariseFilters({ ...DEFAULT_FILTERS, years: [2018, 2018], schemes: [''], ego: { id: 'x', steps: 1 } }, 'en')).toBe(
      'Scheme: (none) · Years: 2018 (activities without a year included) · Around x (1 step)',
    );
  });
});

describe('PrintReport', () => {
  it('shows title, dataset, date, filters, map, missing bridges, clusters, suggested ties, the focal municipality and conveners', () => {
    const fx = denHaag();
    const n = fx.network.organisations.length;
    const picture = mapPicture({
      network: fx.network,
      positions: { x: Float32Array.from({ length: n }, (_v, i) => i % 17), y: Float32Array.from({ length: n }, (_v, i) => Math.floor(i / 17)) },
      visibility: fx.visibility,
      look: { colour: Array.from({ length: n }, () => '#0072b2'), size: new Float32Array(n).fill(4) },
      suggested: [{ a: 0, b: 1, number: 1 }],
    });
    render(
      h(PrintReport, {
        result: fx.result,
        datasetName: 'Zorginnovatie-ecosysteem regio Den Haag',
        filtersSummary: 'geen, het hele netwerk',
        map: picture,
        legend: { title: 'Sector', entries: [{ colour: '#0072B2', label: 'Technologie' }, { colour: '#D55E00', label: 'Zorg en welzijn' }] },
        suggested: [{ number: 1, a: 'BOBErgo B.V.', b: 'Sophia Stichting', via: ['De Haagse Hogeschool', 'Technische Universiteit Delft'] }],
        generatedAt: new Date('2024-05-01T10:00:00Z'),
        provenance: 'factbook zorginnovatie Den Haag',
      }),
    );
    const report = screen.getByTestId('print-report');
    expect(report.classList.contains('print-only')).toBe(true);
    const text = report.textContent!;
    expect(report.querySelector('h1')!.textContent).toBe('Waar ontbreken de bruggen?');
    expect(text).toContain('Zorginnovatie-ecosysteem regio Den Haag');
    expect(text).toContain('1 mei 2024');
    expect(text).toContain('Filters: geen, het hele netwerk');
    // The map's key under it, colour by colour.
    const key = screen.getByTestId('print-map-legend');
    expect(key.textContent).toBe('Sector: TechnologieZorg en welzijn');
    expect([...key.querySelectorAll<HTMLElement>('.pr-swatch')].map((s) => s.style.background)).toEqual(['rgb(0, 114, 178)', 'rgb(213, 94, 0)']);
    // The map as on screen, in vector: every visible organisation, the suggested tie numbered.
    const svg = screen.getByTestId('print-map');
    expect(svg.querySelectorAll('circle').length).toBe(fx.visibility.counts.organisations + 1);
    expect(screen.getByTestId('print-map-suggested').querySelectorAll('line').length).toBe(1);
    expect(screen.getByTestId('print-report-suggested').textContent).toContain('BOBErgo B.V. ↔ Sophia Stichting, via De Haagse Hogeschool en Technische Universiteit Delft');
    expect(screen.getByTestId('print-report-focal').textContent).toContain('Gemeente Den Haag');

    const bridges = screen.getByTestId('print-report-bridges');
    expect(bridges.textContent).toContain('een ontbrekende brug');
    expect(bridges.querySelectorAll('li').length).toBe(fx.result.mixing.targetPairs.filter((p) => p.missing).length);

    const clusters = screen.getByTestId('print-report-clusters');
    const lacking = clustersLackingTargets(fx.result);
    expect(clusters.querySelectorAll('li').length).toBe(Math.min(5, lacking.length));
    expect(clusters.querySelector('li')!.textContent).toMatch(/^Cluster \d+ \(\d+ organisaties\) mist /);
    if (lacking.length > 5) expect(clusters.textContent).toContain(`En nog ${lacking.length - 5} clusters.`);

    const conveners = screen.getByTestId('print-report-conveners');
    const items = [...conveners.querySelectorAll('li')];
    expect(items.length).toBe(fx.result.conveners.picks.length);
    expect(items[0]!.textContent).toContain(fx.result.conveners.picks[0]!.label);
    const first = findingsOf(fx.result).find((f) => f.code === 'convener')!;
    expect(first.code === 'convener' && first.rank).toBe(1);
    // The list numbers the picks; the first has no earlier pick to be compared with.
    expect(items[0]!.textContent).toBe(wordFinding(createTranslator('nl').t, first, 'nl').replace(/^1\. /, ''));
    expect(items[0]!.textContent).not.toContain('eerdere keuze');
    if (items.length > 1) expect(items[1]!.textContent).toMatch(/^[^\d].*eerdere keuze/);
    expect(text).toContain('Bron: factbook zorginnovatie Den Haag');
    expect(text).not.toContain('Bron: Bron');
    expect(text).toContain('consensus van Louvain-runs (resolutie 1)');
  });

  it('speaks English when the app does, and copes without a map', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const fx = denHaag();
    render(
      h(PrintReport, { result: fx.result, datasetName: 'X', filtersSummary: 'No filters', map: null, suggested: [], generatedAt: new Date('2024-05-01') }),
    );
    const report = screen.getByTestId('print-report');
    expect(report.querySelector('h1')!.textContent).toBe('Where are the bridges missing?');
    expect(report.textContent).toContain('No map available.');
    expect(screen.getByTestId('print-report-conveners').textContent).toContain(`${fx.result.conveners.picks[0]!.label} (`);
    expect(screen.getByTestId('print-report-conveners').textContent).toMatch(/links \d+ /);
    expect(report.getAttribute('lang')).toBe('en');
  });
});
