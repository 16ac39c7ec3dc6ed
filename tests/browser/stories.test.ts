/**
 * The three users of the README, each walking their story end to end in the production build:
 * the network manager (missing bridges, a cluster on the map, what changed since last year), the
 * leadership table (conveners, their introductions, what if, the worklist, the meeting pack) and
 * the researcher (filters, a link that reproduces the view, the tie rules, Methods, the tables).
 * Every number the page shows is checked against the engine run here on the same data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseDataset, type AnalysisResult } from '../../src/analysis';
import { compareScenario, compareViews, type Comparison } from '../../src/analysis/compare';
import { findingsOf } from '../../src/analysis/findings';
import { introductionScenarioRows } from '../../src/change/scenarioRows';
import { applyScenario } from '../../src/data/scenario';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../src/graph/network';
import { DEFAULT_PROJECTION_RULES, type ProjectionRules } from '../../src/graph/projection';
import { summariseProjection } from '../../src/graph/rules';
import { createTranslator } from '../../src/i18n';
import { wordFinding } from '../../src/i18n/findings';
import { lacksTargets } from '../../src/ui/analysis/clusterModel';
import { convenerCoverage, robustnessLevel } from '../../src/ui/analysis/convenerModel';
import { convenerIntroductions } from '../../src/worklist/introductions';
import { analysisReady, browserSession, camera, openApp, probe, settledCamera, suggestedOnMap, watchForeignRequests } from './setup/browser';
import { bundle, expectedCounts, keyOf, network, reference, sectors } from './setup/denHaag';

const SCREENSHOTS = 'test-results/screenshots';
const DOWNLOADS = 'test-results/downloads';
const VIEWPORT = { width: 1440, height: 900 };
const session = browserSession(VIEWPORT, { acceptDownloads: true });
beforeAll(() => mkdirSync(DOWNLOADS, { recursive: true }));

const dataset = bundle.dataset;
const focal = dataset.focal ?? null;
const TARGETS = ['tech', 'care', 'government'];
const DIMMED = '#e3e5e9';
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const pct = (f: number) => new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(f);
const { t: words } = createTranslator('nl');

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).getAttribute(name);
const number = async (page: Page, testId: string, name: string) => Number(await attr(page, testId, name));

async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const d = file as Download;
  const path = `${DOWNLOADS}/${d.suggestedFilename()}`;
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

const csvRows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });

/** An unordered pair of organisation ids, for comparing lists of ties. */
const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The comparison sections (change or what if) against the engine's comparison. */
async function expectComparison(page: Page, prefix: string, c: Comparison) {
  for (const item of ['organisations', 'activities', 'ties', 'components', 'isolates'] as const) {
    await expect.poll(() => number(page, `${prefix}-size-${item}`, 'data-before'), { timeout: 90_000 }).toBe(c.before[item]);
    expect(await number(page, `${prefix}-size-${item}`, 'data-after')).toBe(c.after[item]);
  }
  for (const p of c.before.targetPairs) {
    const q = c.after.targetPairs.find((x) => x.a === p.a && x.b === p.b)!;
    const row = `${prefix}-pair-${p.a}-${p.b}`;
    expect([await number(page, row, 'data-before'), await number(page, row, 'data-after')]).toEqual([p.ties, q.ties]);
    expect([await attr(page, row, 'data-missing-before'), await attr(page, row, 'data-missing-after')]).toEqual([String(p.missing), String(q.missing)]);
  }
  const f = c.after.focal ?? c.before.focal;
  expect(f).not.toBeNull();
  for (const d of f!.distances) {
    const get = (side: Comparison['before']) => side.focal?.distances.find((x) => x.sector === d.sector)?.distance ?? null;
    expect([await attr(page, `${prefix}-focal-${d.sector}`, 'data-before'), await attr(page, `${prefix}-focal-${d.sector}`, 'data-after')]).toEqual([
      String(get(c.before) ?? ''),
      String(get(c.after) ?? ''),
    ]);
  }
  expect(await number(page, `${prefix}-clusters-count`, 'data-after')).toBe(c.after.clustersLacking.length);
  expect(await number(page, `${prefix}-conveners-reach`, 'data-after')).toBe(c.after.conveners.reachedTotal);
}

/** Every tie of a comparison's list (opening the whole list first when it is long). */
async function listedTies(page: Page, testId: string): Promise<string[]> {
  const more = page.getByTestId(`${testId}-more`);
  if (await more.count()) await more.click();
  const items = page.getByTestId(`${testId}-item`);
  return (await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-source')!, e.getAttribute('data-target')!] as const))).map(([a, b]) => pair(a, b)).sort();
}

/** The findings as the side panel words them. */
const shownFindings = (page: Page) => page.getByTestId('findings').locator('.ana-finding-text').allTextContents();
/** The findings the engine's result gives, worded in Dutch. */
/** The findings as the app words them; `filtered`: the filters leave something out ("what the filters show"). */
const engineFindings = (result: AnalysisResult, filtered = false) => findingsOf(result).map((f) => wordFinding(words, f, 'nl', { filtered }));

/** The number of ties in the toolbar's counts ("… · 74 verbindingen"). */
async function tiesShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('counts').textContent()) ?? '';
  return Number(text.match(/([\d.]+) verbindingen/)?.[1]?.replace(/\./g, '') ?? NaN);
}

describe('the network manager', () => {
  it('reads the missing bridges, zooms to a cluster lacking a sector, compares two periods and exports the comparison', async () => {
    const page = session.page;
    const ref = reference();

    // Opens the app and goes to the missing bridges.
    await openApp(page);
    await page.getByTestId('tab-bridges').click();
    await page.getByTestId('missing-bridges').waitFor({ timeout: 60_000 });
    await analysisReady(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('bridges');

    // Each pair of target sectors: its ties, the range chance gives, and whether the bridge is missing.
    const missing = ref.mixing.targetPairs.filter((p) => p.missing).map((p) => `${p.a}-${p.b}`);
    expect(missing).toEqual(['tech-government']);
    for (const p of ref.mixing.targetPairs) {
      const item = page.getByTestId(`target-pair-${p.a}-${p.b}`);
      expect(await item.getAttribute('data-missing')).toBe(String(p.missing));
      const [low, high] = [Math.round(p.low!), Math.round(p.high!)];
      const text = (await item.textContent())!;
      expect(text).toContain(`${nl(p.ties)} ${p.ties === 1 ? 'band' : 'banden'}; bij toeval ${low === high ? nl(low) : `${nl(low)}–${nl(high)}`}`);
      expect(text.includes('een ontbrekende brug')).toBe(p.missing);
    }
    // The findings say the same in words.
    expect(await shownFindings(page)).toEqual(engineFindings(ref));

    // The largest cluster lacking a target sector: click it, and the camera goes there with its members in colour.
    const before = await settledCamera(page);
    const button = page.locator('[data-testid^="cluster-select-community-"]').first();
    const id = Number((await button.getAttribute('data-testid'))!.split('-').pop());
    const cluster = ref.communities.find((c) => c.id === id)!;
    const lacks = lacksTargets(cluster, TARGETS);
    expect(lacks.length).toBeGreaterThan(0);
    expect(await attr(page, `cluster-community-${id}`, 'data-lacks')).toBe(lacks.join(' '));
    const largest = ref.communities.filter((c) => c.size >= 3 && lacksTargets(c, TARGETS).length > 0).sort((x, y) => y.size - x.size || x.id - y.id)[0]!;
    expect(id).toBe(largest.id);
    await button.click();
    await expect.poll(() => page.getByTestId('highlight-chip').textContent()).toContain(`Cluster ${id} gemarkeerd`);
    // The chip and its clear button are on the map, clear of the toolbar's lists (in the toolbar it
    // squeezed them until they overlapped).
    const map = (await page.getByTestId('graph-canvas').boundingBox())!;
    const chip = (await page.getByTestId('highlight-chip').boundingBox())!;
    const clear = (await page.getByTestId('highlight-chip').getByRole('button', { name: 'Markering wissen' }).boundingBox())!;
    expect(clear.x + clear.width).toBeLessThanOrEqual(map.x + map.width);
    expect(chip.y).toBeGreaterThanOrEqual(map.y);
    for (const select of await page.locator('.map-toolbar select').all()) {
      const box = (await select.boundingBox())!;
      const overlaps = box.x < chip.x + chip.width && chip.x < box.x + box.width && box.y < chip.y + chip.height && chip.y < box.y + box.height;
      expect(overlaps).toBe(false);
    }
    // The move can start late on a busy machine: wait for it, then for the camera to come to rest.
    await expect.poll(() => camera(page), { timeout: 30_000 }).not.toEqual(before);
    await settledCamera(page);
    const members = ref.organisations.filter((r) => r.community === id).map((r) => keyOf(r.id));
    expect(members.length).toBe(cluster.size);
    const outsiders = ref.organisations.filter((r) => r.community !== id && r.degree > 0).map((r) => keyOf(r.id));
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    // Its members are drawn in colour, all on the canvas and spread over it (the camera fits the
    // cluster, not a dot in the middle of the whole network).
    const placement = async () => {
      const shown = Object.values(await probe(page, members));
      if (shown.some((n) => n === null || n.hidden || n.color === DIMMED)) return 'not all highlighted';
      const xs = shown.map((n) => n!.x);
      const ys = shown.map((n) => n!.y);
      if (Math.min(...xs) < 0 || Math.max(...xs) > box.width || Math.min(...ys) < 0 || Math.max(...ys) > box.height) return 'not all on the canvas';
      const spread = Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height);
      return spread > 0.3 ? 'fitted' : `spread ${spread.toFixed(2)}`;
    };
    await expect.poll(placement, { timeout: 30_000 }).toBe('fitted');
    expect(Object.values(await probe(page, outsiders)).every((n) => n!.color === DIMMED)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/story-network-manager-cluster.png` });

    // What changed: 2006–2018 against 2006–2020, chosen in the Change tab.
    await page.getByTestId('tab-change').click();
    await page.getByTestId('change-view').waitFor();
    await page.getByTestId('change-ready').waitFor({ state: 'attached', timeout: 90_000 });
    await page.getByTestId('change-before-to').selectOption('2018');
    await expect.poll(() => page.url()).toContain('before=2006-2018');
    const years = (a: number, b: number): Filters => ({ ...DEFAULT_FILTERS, years: [a, b] });
    const c = compareViews(dataset, years(2006, 2018), years(2006, 2020), { focal, network }).comparison;
    expect(c.tiesFormed.length).toBeGreaterThan(0);
    await page.getByTestId('change-ready').waitFor({ state: 'attached', timeout: 90_000 });
    await expectComparison(page, 'change', c);
    // The ties formed, every one of them, and the focal municipality's distances.
    expect(Number(await page.getByTestId('change-ties-formed').locator('ul').getAttribute('data-count'))).toBe(c.tiesFormed.length);
    expect(await listedTies(page, 'change-ties-formed')).toEqual(c.tiesFormed.map((x) => pair(x.source, x.target)).sort());
    expect(c.after.focal?.id).toBe('gemeente-den-haag');
    await expect(page.getByTestId('change-focal').locator('h3').textContent()).resolves.toContain('Gemeente Den Haag');
    expect(await number(page, 'change-map-figure', 'data-formed')).toBe(c.tiesFormed.length);

    // The comparison as CSV: the same ties formed and distances.
    const csv = await download(page, () => page.getByTestId('change-export-csv').click());
    expect(csv.name).toBe('bruggen-den-haag-change.csv');
    const rows = csvRows(csv.path).data;
    expect(rows.filter((r) => r.section === 'tie_formed').map((r) => pair(r.organisation_a_id!, r.organisation_b_id!)).sort()).toEqual(c.tiesFormed.map((x) => pair(x.source, x.target)).sort());
    for (const d of c.after.focal!.distances) {
      const row = rows.find((r) => r.section === 'focal' && r.item === 'distance' && r.sector_a === d.sector)!;
      const beforeDistance = c.before.focal?.distances.find((x) => x.sector === d.sector)?.distance ?? null;
      expect([row.before, row.after]).toEqual([beforeDistance === null ? '' : String(beforeDistance), d.distance === null ? '' : String(d.distance)]);
    }
    // The reader's view at the end: the target pairs and the municipality, before → after.
    await page.getByTestId('change-pairs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/story-network-manager.png` });
    expect(session.foreign).toEqual([]);
  }, 300_000);
});

describe('the leadership table', () => {
  it('chooses three conveners, weighs them, adopts the first one’s introductions, puts them on the worklist and opens the meeting pack', async () => {
    const page = session.page;
    const engine = analyseDataset(dataset, { focal, k: 3 });
    const ref = engine.result;
    const picks = ref.conveners.picks;
    expect(picks.map((p) => p.id)).toEqual(reference({ k: 3 }).conveners.picks.map((p) => p.id));

    // Conveners, k from 5 to 3 with the slider.
    await openApp(page);
    await page.getByTestId('tab-conveners').click();
    await page.getByTestId('conveners-panel').waitFor({ timeout: 60_000 });
    const slider = page.getByTestId('conveners-k');
    expect(await slider.inputValue()).toBe('5');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('k=3');
    await expect(page.getByTestId('conveners-k-value').textContent()).resolves.toBe('3');
    await analysisReady(page);
    const cards = page.getByTestId('convener-pick');
    await expect.poll(() => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), { timeout: 60_000 }).toEqual(picks.map((p) => p.id));
    // The map highlights the three.
    const drawn = await probe(page, picks.map((p) => keyOf(p.id)));
    expect(Object.values(drawn).every((n) => n!.color !== DIMMED)).toBe(true);

    // Each pick's robustness: the badge and the share of resamples of the engine's bootstrap.
    const robustness = engine.stages.robustness!.data;
    await expect.poll(() => page.locator('[data-testid="convener-robustness"][data-level="pending"]').count(), { timeout: 90_000 }).toBe(0);
    for (const p of picks) {
      const fraction = robustness.picks.find((x) => x.id === p.id)!.fraction;
      const badge = page.locator(`[data-testid="convener-pick"][data-id="${p.id}"]`).getByTestId('convener-robustness');
      expect(await badge.getAttribute('data-level')).toBe(robustnessLevel(fraction));
      expect(await badge.textContent()).toContain(`Gekozen in ${pct(fraction)} van ${nl(robustness.bootstraps)} steekproeven`);
    }
    // What the three cover, per target sector, and the verdict.
    const coverage = convenerCoverage(ref);
    for (const s of coverage.perSector) {
      expect(await page.getByTestId(`conveners-coverage-${s.sector}`).textContent()).toContain(`${nl(s.reached)} van ${nl(s.total)}`);
    }
    const verdict = (await page.getByTestId('conveners-coverage-verdict').textContent())!;
    expect(coverage.verdict).toBe('every-sector');
    expect(verdict).toMatch(/^Elke doelsector wordt bereikt, maar niet volledig; het minst: /);
    for (const s of coverage.weakest) expect(verdict).toContain(`(${nl(s.reached)} van ${nl(s.total)})`);

    // The introductions each can make: the engine's, convener by convener.
    const intros = convenerIntroductions(ref, { perConvener: 3 });
    const listed = page.getByTestId('convener-introduction');
    const fromPage = async () =>
      listed.evaluateAll((els) =>
        els.map((e) => ({
          convener: e.closest('[data-testid="convener-pick"]')!.getAttribute('data-id')!,
          a: e.getAttribute('data-source')!,
          b: e.getAttribute('data-target')!,
          number: e.querySelector('[data-testid="tie-number"] [aria-hidden]')?.textContent ?? null,
        })),
      );
    expect((await fromPage()).map(({ convener, a, b }) => [convener, a, b])).toEqual(intros.map((i) => [i.convener.id, i.a.id, i.b.id]));
    // Numbered once they are drawn on the map, with the same numbers as the map draws.
    expect((await fromPage()).every((i) => i.number === null)).toBe(true);
    await page.getByTestId('conveners-show-suggested').check();
    await expect.poll(() => page.url()).toContain('suggested=1');
    await expect.poll(async () => (await fromPage()).every((i) => i.number !== null)).toBe(true);
    const numbered = await fromPage();
    const onMap = () => suggestedOnMap(page);
    await expect.poll(async () => (await onMap()).length).toBeGreaterThan(0);
    const mapTies = await onMap();
    const key = (a: string, b: string) => pair(a, b);
    const mapByPair = new Map(mapTies.map((m) => [key(m.a, m.b), m.number]));
    // One number per tie on the map, and every listed introduction carries the number of its tie.
    expect(mapByPair.size).toBe(mapTies.length);
    expect(new Set(mapTies.map((m) => m.number)).size).toBe(mapTies.length);
    for (const i of numbered) expect(`${i.a}–${i.b}: ${i.number}`).toBe(`${i.a}–${i.b}: ${mapByPair.get(key(keyOf(i.a), keyOf(i.b)))}`);
    expect(new Set(numbered.map((i) => key(i.a, i.b))).size).toBe(mapTies.length);
    await page.screenshot({ path: `${SCREENSHOTS}/story-leadership-table-conveners.png` });

    // The first convener's introductions in what if: hypothetical ties and the deltas of compareScenario.
    const first = picks[0]!;
    // The actions under its introductions look like buttons (they once lost their border outside the change view).
    const adopt = page.getByTestId(`convener-adopt-${first.id}`);
    expect(await adopt.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    // Its accessible name starts with what it shows (WCAG 2.5.3; axe's label-content-name-mismatch is off by default).
    const shown = (await adopt.textContent())!.trim();
    expect(shown.length).toBeGreaterThan(0);
    expect((await adopt.getAttribute('aria-label'))!.startsWith(shown)).toBe(true);
    const mine = intros.filter((i) => i.convener.id === first.id);
    expect(mine.length).toBeGreaterThan(0);
    await adopt.click();
    await expect.poll(() => page.url()).toContain('change=whatif');
    await page.getByTestId('whatif-ready').waitFor({ state: 'attached', timeout: 120_000 });
    const rows = introductionScenarioRows(
      dataset,
      [],
      mine.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })),
    );
    const scenario = compareScenario(applyScenario(dataset, rows, { file: 'scenario' }).dataset, DEFAULT_FILTERS, { focal, k: 3 }).comparison;
    expect(scenario.tiesFormed.map((x) => pair(x.source, x.target)).sort()).toEqual(mine.map((i) => pair(i.a.id, i.b.id)).sort());
    expect(await listedTies(page, 'whatif-ties-formed')).toEqual(mine.map((i) => pair(i.a.id, i.b.id)).sort());
    await expectComparison(page, 'whatif', scenario);
    expect(await number(page, 'whatif-size-hypothetical', 'data-after')).toBe(scenario.after.hypotheticalTies!.only);
    await expect(page.getByTestId(`whatif-adopt-${first.id}`).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/story-leadership-table-whatif.png` });

    // On the worklist, from the conveners' tab; one of them made.
    await page.getByTestId('tab-conveners').click();
    await page.getByTestId(`convener-worklist-${first.id}`).click();
    await expect
      .poll(() => page.locator(`[data-testid="convener-introductions-item"][data-id="${first.id}"]`).getByTestId('convener-introductions-message').textContent())
      .toBe(`${mine.length} introducties toegevoegd.`);
    await page.getByTestId('tab-change').click();
    await page.getByTestId('change-mode-worklist').click();
    const worklist = page.getByTestId('worklist-row');
    await expect.poll(() => worklist.count(), { timeout: 30_000 }).toBe(mine.length);
    const onList = await worklist.evaluateAll((els) => els.map((e) => [e.getAttribute('data-a')!, e.getAttribute('data-b')!] as const));
    expect(onList.map(([a, b]) => pair(a, b)).sort()).toEqual(mine.map((i) => pair(i.a.id, i.b.id)).sort());
    const row = worklist.first();
    await row.getByTestId('worklist-status').selectOption('made');
    await expect.poll(() => row.getAttribute('data-status')).toBe('made');
    await expect(worklist.nth(1).getAttribute('data-status')).resolves.toBe('to_make');
    // Still suggestions, not ties in the data.
    await expect(row.getAttribute('data-outcome')).resolves.toBe('not_tied');

    // The meeting pack: one page per convener of the three, with their introductions and the municipality.
    await page.getByTestId('open-meeting-pack').click();
    const pack = page.getByTestId('meeting-pack');
    await pack.waitFor();
    await expect.poll(() => page.getByTestId('meeting-pack-page').evaluateAll((els) => els.map((e) => e.getAttribute('data-convener')))).toEqual(picks.map((p) => p.id));
    await expect(page.getByTestId('meeting-pack-introduction').count()).resolves.toBe(intros.length);
    await expect.poll(() => page.getByTestId('meeting-pack-focal').count(), { timeout: 90_000 }).toBe(picks.length);
    await page.screenshot({ path: `${SCREENSHOTS}/story-leadership-table.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => pack.isVisible()).toBe(false);
    expect(session.foreign).toEqual([]);
  }, 400_000);
});

describe('the researcher', () => {
  it('filters by theme and years, reproduces the view from its link, changes the tie rules, reads the Methods and exports the table', async () => {
    const page = session.page;
    const filters: Filters = { ...DEFAULT_FILTERS, themes: ['care_innovation'], years: [2006, 2019] };
    const counts = applyFilters(network, sectors, filters).counts;
    // The year range matters here: it leaves out the 2020 activities of the theme.
    expect(counts.activities).toBeLessThan(applyFilters(network, sectors, { ...DEFAULT_FILTERS, themes: ['care_innovation'] }).counts.activities);

    // A theme, then the years up to 2019 (the slider with the keyboard).
    await openApp(page);
    await page.locator('[data-testid="facet-theme"] summary').click();
    await page.getByTestId('filter-theme-care_innovation').check();
    await expect.poll(() => page.getByTestId('filter-counts').textContent()).toBe(expectedCounts({ themes: ['care_innovation'] }));
    await page.getByTestId('filter-year-to').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('filter-counts').textContent()).toBe(expectedCounts(filters));
    await expect.poll(() => tiesShown(page)).toBe(counts.ties);
    const url = page.url();
    expect(decodeURIComponent(url)).toContain('theme=care_innovation');
    expect(url).toContain('years=2006-2019');
    // The findings of the filtered network, as the engine gives them.
    await analysisReady(page);
    const findings = engineFindings(reference({ filters }), true);
    await expect.poll(() => shownFindings(page), { timeout: 60_000 }).toEqual(findings);

    // The link in a fresh browser (nothing stored): the same counts and the same findings.
    const context = await page.context().browser()!.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const fresh = await context.newPage();
      const foreign = watchForeignRequests(fresh);
      await openApp(fresh, '', url);
      await expect.poll(() => fresh.getByTestId('filter-counts').textContent()).toBe(expectedCounts(filters));
      await expect.poll(() => tiesShown(fresh)).toBe(counts.ties);
      await analysisReady(fresh);
      await expect.poll(() => shownFindings(fresh), { timeout: 60_000 }).toEqual(findings);
      expect(fresh.url()).toBe(url);

      // How ties are made: funds are no longer listings, so their participants tie to each other.
      const rules: ProjectionRules = { ...DEFAULT_PROJECTION_RULES, listingKinds: ['consultation'] };
      const reprojected = buildNetwork(dataset, rules);
      const after = applyFilters(reprojected, sectorCodes(reprojected), filters).counts;
      expect(after.ties).toBeGreaterThan(counts.ties);
      await fresh.getByTestId('tie-rules').locator('summary').click();
      await expect(fresh.getByTestId('rules-listing-fund').isChecked()).resolves.toBe(true);
      await fresh.getByTestId('rules-listing-fund').uncheck();
      await expect.poll(() => fresh.url()).toContain('listing=consultation');
      await expect.poll(() => tiesShown(fresh), { timeout: 90_000 }).toBe(after.ties);
      await expect.poll(() => fresh.getByTestId('filter-counts').textContent()).toBe(expectedCounts(filters));
      await expect(fresh.getByTestId('tie-rules-counts').textContent()).resolves.toContain(`${nl(summariseProjection(reprojected).ties)} banden`);
      await analysisReady(fresh);
      const reprojectedResult = analyseDataset(dataset, { focal, rules, filters }).result;
      await expect.poll(() => shownFindings(fresh), { timeout: 90_000 }).toEqual(engineFindings(reprojectedResult, true));

      // Methods, at how ties are made.
      await fresh.getByTestId('tie-rules').getByTestId('methods-link-ties').click();
      const dialog = fresh.getByTestId('methods-dialog');
      await dialog.waitFor();
      const section = dialog.locator('[data-section="ties"]');
      await expect.poll(() => section.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect(section.textContent()).resolves.toContain('Een lijst (standaard: consultaties en fondsen)');
      await expect(section.textContent()).resolves.toContain('Newman');
      await fresh.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      // The organisations table and its CSV: one row per organisation on the map.
      await fresh.getByTestId('tab-tables').click();
      const visibleIds = reprojected.organisations.flatMap((o, i) => (applyFilters(reprojected, sectorCodes(reprojected), filters).orgs[i] ? [o.id] : [])).sort();
      expect(visibleIds).toHaveLength(after.organisations);
      await expect.poll(() => fresh.getByTestId('table-organisations-count').textContent(), { timeout: 60_000 }).toBe(`${after.organisations} van ${after.organisations}`);
      await fresh.getByTestId('export-dropdown').locator('summary').click();
      const exportButton = fresh.getByTestId('export-csv-organisations');
      await expect.poll(() => exportButton.isEnabled(), { timeout: 60_000 }).toBe(true);
      const csv = await download(fresh, () => exportButton.click());
      expect(csv.name).toBe('bruggen-den-haag-organisations.csv');
      const table = csvRows(csv.path).data;
      expect(table).toHaveLength(after.organisations);
      expect(table.map((r) => r.organisation_id!).sort()).toEqual(visibleIds);
      // The degrees are those of the re-projected network.
      for (const r of table) expect(Number(r.degree)).toBe(reprojectedResult.organisations.find((o) => o.id === r.organisation_id)!.degree);
      await fresh.keyboard.press('Escape');
      await fresh.screenshot({ path: `${SCREENSHOTS}/story-researcher.png` });
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
    expect(session.foreign).toEqual([]);
  }, 400_000);
});
