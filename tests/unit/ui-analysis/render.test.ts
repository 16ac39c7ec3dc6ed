/**
 * Smoke test: every component renders real results to static HTML in both languages (react-dom/server,
 * no DOM needed), with its data-testids, every placeholder filled and no NaN/undefined.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/analysis';
import { DEFAULT_TARGET_SECTORS, type Sector } from '../../../src/data/sectors';
import { setupI18n } from '../../../src/i18n';
import { AnalysisProgress } from '../../../src/ui/analysis/AnalysisProgress';
import { BrokerPanel } from '../../../src/ui/analysis/BrokerPanel';
import { ConvenersPanel } from '../../../src/ui/analysis/ConvenersPanel';
import { MissingBridgesView } from '../../../src/ui/analysis/MissingBridgesView';
import { SectorOverview } from '../../../src/ui/analysis/SectorOverview';
import { denHaagResult, smallResult } from './helpers';
import { convenerIntroductions } from '../../../src/worklist/introductions';

const i18n = setupI18n('nl');
const noop = () => {};
const targets: Sector[] = [...DEFAULT_TARGET_SECTORS];

function render(el: ReactElement, lang: 'nl' | 'en'): string {
  void i18n.changeLanguage(lang);
  return renderToStaticMarkup(el);
}

function expectClean(html: string) {
  expect(html).not.toMatch(/\{\{/);
  expect(html).not.toMatch(/NaN|undefined|\[object Object\]/);
}

function views(result: AnalysisResult): [string, ReactElement, string[]][] {
  const row = result.organisations.find((o) => o.degree > 0) ?? result.organisations[0]!;
  return [
    [
      'MissingBridgesView',
      createElement(MissingBridgesView, {
        result,
        targets,
        onSelectCluster: noop,
        onSelectOrganisation: noop,
        onHoverSuggestion: noop,
        focalChoices: result.municipality ? [{ id: result.municipality.id, label: result.municipality.label }] : [],
        focal: result.municipality?.id ?? null,
        onChooseFocal: noop,
      }),
      ['missing-bridges', 'findings', 'mixing-heatmap', 'mixing-table', 'mixing-legend', 'ei-table', 'ei-convention', 'lacking-clusters', 'cluster-kind-community', 'suggested-ties', 'cluster-suggestions', 'municipality-view'],
    ],
    ...(['sector', 'community'] as const).map(
      (mode): [string, ReactElement, string[]] => [
        `SectorOverview ${mode}`,
        createElement(SectorOverview, { result, targets, mode, onModeChange: noop, onSelectCluster: noop }),
        ['sector-overview', 'overview-svg', 'overview-legend', 'overview-table', 'overview-mode-sector', 'overview-mode-community'],
      ],
    ),
    [
      'ConvenersPanel',
      createElement(ConvenersPanel, {
        result,
        robustness: null,
        introductions: convenerIntroductions(result),
        tieBasis: (id) => (id === result.conveners.picks[0]?.id ? { ties: 25, listingOnly: 19, listingKinds: ['consultation'] } : null),
        k: result.conveners.k,
        onK: noop,
        reachSteps: result.conveners.reachSteps,
        onReachSteps: noop,
        showSuggested: false,
        onShowSuggested: noop,
        selected: result.conveners.picks[0]?.id ?? null,
        onSelectOrganisation: noop,
      }),
      ['conveners-panel', 'conveners-k', 'conveners-k-value', 'conveners-reach-1', 'conveners-reach-2', 'conveners-coverage', 'conveners-coverage-verdict', 'conveners-show-suggested', 'convener-basis', 'convener-robustness', 'convener-introductions', 'convener-introduction'],
    ],
    [
      'BrokerPanel',
      createElement(BrokerPanel, { row, meta: result.meta }),
      ['broker-panel', 'metric-degree', 'metric-betweenness', 'brokerage-liaison', 'brokerage-ratio'],
    ],
  ];
}

describe('conveners panel', () => {
  it('says how robust each pick is, what its ties rest on, and what the other tie rules pick', () => {
    const result = denHaagResult();
    const [first, second] = result.conveners.picks;
    const html = render(
      createElement(ConvenersPanel, {
        result,
        robustness: {
          bootstraps: 50,
          picks: result.conveners.picks.map((p, i) => ({ id: p.id, rank: p.rank, fraction: i === 0 ? 0.9 : 0.3 })),
          alternates: [{ id: 'x', label: 'Stichting X', fraction: 0.42 }],
          meanOverlap: 0.7,
          allSectorsReachedFraction: 1,
          otherRules: { withoutListings: [second!.id], listingsAsCliques: [first!.id] },
        },
        introductions: [],
        tieBasis: (id) => (id === first!.id ? { ties: 25, listingOnly: 19, listingKinds: ['consultation', 'fund'] } : { ties: 3, listingOnly: 0, listingKinds: [] }),
        k: result.conveners.k,
        onK: noop,
        reachSteps: result.conveners.reachSteps,
        onReachSteps: noop,
        showSuggested: false,
        onShowSuggested: noop,
        selected: null,
        onSelectOrganisation: noop,
      }),
      'nl',
    );
    const items = html.split('data-testid="convener-pick"').slice(1);
    expect(items[0]).toContain('19 van haar 25 banden bestaan alleen door lijsten (consultatie, fonds)');
    expect(items[0]).toContain('data-level="firm"');
    expect(items[0]).toContain('Gekozen in 90% van 50 steekproeven.');
    expect(items[0]).toContain('Zonder lijsten niet gekozen.');
    expect(items[0]).toContain('Ook gekozen als lijsten iedereen verbinden.');
    expect(items[1]).not.toContain('convener-basis');
    expect(items[1]).toContain('data-level="weak"');
    expect(items[1]).toContain('Ook gekozen zonder lijsten.');
    expect(html).toContain('Vaak in plaats daarvan gekozen: Stichting X (42%).');
  });

  it('words one convener of three asked for in the singular, in Dutch and English', () => {
    // A filter can leave one convener: "maar alleen 1 voegen iets toe" and "Ze raken" read wrong.
    const full = denHaagResult();
    const result = { ...full, conveners: { ...full.conveners, k: 3, shortBy: 2, picks: full.conveners.picks.slice(0, 1) } };
    const props = { result, robustness: null, introductions: [], tieBasis: () => null, k: 3, onK: noop, reachSteps: result.conveners.reachSteps, onReachSteps: noop, showSuggested: false, onShowSuggested: noop, selected: null, onSelectOrganisation: noop };
    const nl = render(createElement(ConvenersPanel, props), 'nl');
    expect(nl).toContain('Er is om 3 verbinders gevraagd, maar na verbinder 1 voegt geen volgende organisatie iets toe');
    expect(nl).toMatch(/Deze verbinder raakt \d+ van de \d+ clusters/);
    const en = render(createElement(ConvenersPanel, props), 'en');
    expect(en).toContain('3 conveners were asked for, but after convener 1 no further organisation adds anything');
    expect(en).toMatch(/It touches \d+ of the \d+ clusters/);
  });
});

describe('components render real results', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('nl');
  });

  for (const [name, make] of [
    ['Den Haag', () => denHaagResult()],
    ['small network', () => smallResult()],
    ['Den Haag, k=10, 2 steps', () => denHaagResult({ k: 10, reachSteps: 2 })],
  ] as const) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${name} (${lang})`, () => {
        for (const [view, el, ids] of views(make())) {
          const html = render(el, lang);
          expectClean(html);
          for (const id of ids) expect(html, `${view}: ${id}`).toContain(`data-testid="${id}"`);
        }
      });
    }
  }

  it('speaks the current language', () => {
    const el = createElement(MissingBridgesView, {
      result: denHaagResult(),
      targets,
      onSelectCluster: noop,
      onSelectOrganisation: noop,
      focalChoices: [],
      focal: null,
      onChooseFocal: noop,
    });
    expect(render(el, 'nl')).toContain('Belangrijkste bevindingen');
    expect(render(el, 'nl')).toContain('ontbreekt');
    expect(render(el, 'en')).toContain('Key findings');
    expect(render(el, 'en')).not.toContain('Belangrijkste bevindingen');
  });

  it('marks the missing target-sector cells in the heatmap', () => {
    const result = denHaagResult();
    const html = render(
      createElement(MissingBridgesView, { result, targets, onSelectCluster: noop, onSelectOrganisation: noop, focalChoices: [], focal: null, onChooseFocal: noop }),
      'nl',
    );
    for (const p of result.mixing.targetPairs.filter((x) => x.missing && x.reason !== 'sector_absent')) {
      expect(html).toMatch(new RegExp(`data-testid="mixing-cell-${p.a}-${p.b}"[^>]*data-missing="true"`));
      expect(html).toMatch(new RegExp(`data-testid="mixing-cell-${p.b}-${p.a}"[^>]*data-missing="true"`));
    }
  });

  it('renders the progress bar, indeterminate and with an error', () => {
    // The third of ten stages, half done: (2 + 0.5) / 10 = 25%.
    const html = render(createElement(AnalysisProgress, { step: 'roles', fraction: 0.5 }), 'nl');
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('makelaarsrollen');
    expect(html).toMatch(/aria-valuetext="stap 3 van 10: makelaarsrollen · 25\s?%"/);
    const indeterminate = render(createElement(AnalysisProgress, { step: null, fraction: null }), 'en');
    expect(indeterminate).not.toContain('aria-valuenow');
    expect(indeterminate).toContain('Preparing the analysis');
    const error = render(createElement(AnalysisProgress, { step: 'bridges', fraction: 0.3, error: 'Out of memory' }), 'en');
    expect(error).toContain('role="alert"');
    expect(error).toContain('Out of memory');
    expectClean(html + indeterminate + error);
  });

  it('tells when the picks belong to other settings', () => {
    const result = denHaagResult();
    const html = render(
      createElement(ConvenersPanel, {
        result,
        robustness: null,
        introductions: [],
        tieBasis: () => null,
        k: 7,
        onK: noop,
        reachSteps: 2,
        onReachSteps: noop,
        showSuggested: true,
        onShowSuggested: noop,
        selected: null,
        onSelectOrganisation: noop,
      }),
      'nl',
    );
    expect(html).toContain('Wordt bijgewerkt');
    expect(html).toContain('Stevigheid wordt berekend');
    expect(html).toMatch(/data-testid="conveners-show-suggested"|checked=""/);
  });
});
