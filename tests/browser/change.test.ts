/**
 * The change view on the built-in Den Haag data: every number the page shows is checked against
 * the engine run here on the same data (compareViews, compareScenario — what the command line's
 * --compare and --assume print), plus what if, adopting introductions, the worklist and the
 * meeting pack.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bridgeTracker } from '../../src/analysis/bridgeTracker';
import { compareScenario, compareViews, type Comparison } from '../../src/analysis/compare';
import { newActivityRows } from '../../src/change/scenarioRows';
import { applyScenario } from '../../src/data/scenario';
import { datasetKey } from '../../src/data/sectorCorrections';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../src/filters/filters';
import { convenerIntroductions } from '../../src/worklist/introductions';
import { suggestedIntroductions } from '../../src/worklist/worklist';
import { baseUrl, browserSession } from './setup/browser';
import { bundle, network, reference, sectors } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
const DOWNLOADS = 'test-results/downloads';
const session = browserSession({ width: 1440, height: 900 }, { acceptDownloads: true });
beforeAll(() => mkdirSync(DOWNLOADS, { recursive: true }));

const dataset = bundle.dataset;
const focal = dataset.focal ?? null;
const years = (a: number, b: number): Filters => ({ ...DEFAULT_FILTERS, years: [a, b] });
const compared = new Map<string, Comparison>();
function comparisonOf(before: Filters, after: Filters): Comparison {
  const key = JSON.stringify([before, after]);
  if (!compared.has(key)) compared.set(key, compareViews(dataset, before, after, { focal, network }).comparison);
  return compared.get(key)!;
}

/** A list of 250 shows 100 rows, and its "show more" button (saying so) adds 100 at a time until all are there. */
async function showsHundredThenMore(row: string, moreButton: string, label: string) {
  await expect.poll(() => session.page.getByTestId(row).count()).toBe(100);
  const more = session.page.getByTestId(moreButton);
  expect(await more.textContent()).toBe(label);
  await more.click();
  await more.click();
  await expect.poll(() => session.page.getByTestId(row).count()).toBe(250);
  expect(await more.count()).toBe(0);
}

async function open(query: string) {
  await session.page.goto(`${baseUrl()}${query}`);
  await session.page.getByTestId('change-view').waitFor({ timeout: 30_000 });
}

const attr = (testId: string, name: string) => session.page.getByTestId(testId).getAttribute(name);
const number = async (testId: string, name: string) => Number(await attr(testId, name));

/** Every number of the comparison sections against the engine's comparison. */
async function expectSections(prefix: string, c: Comparison) {
  for (const item of ['organisations', 'activities', 'ties', 'components', 'isolates'] as const) {
    await expect.poll(() => number(`${prefix}-size-${item}`, 'data-before')).toBe(c.before[item]);
    expect(await number(`${prefix}-size-${item}`, 'data-after')).toBe(c.after[item]);
  }
  for (const p of c.before.targetPairs) {
    const q = c.after.targetPairs.find((x) => x.a === p.a && x.b === p.b)!;
    const row = `${prefix}-pair-${p.a}-${p.b}`;
    expect(await number(row, 'data-before')).toBe(p.ties);
    expect(await number(row, 'data-after')).toBe(q.ties);
    expect(await attr(row, 'data-missing-before')).toBe(String(p.missing));
    expect(await attr(row, 'data-missing-after')).toBe(String(q.missing));
  }
  const f = c.after.focal ?? c.before.focal;
  if (f) {
    for (const d of f.distances) {
      const get = (side: Comparison['before']) => side.focal?.distances.find((x) => x.sector === d.sector)?.distance ?? null;
      expect(await attr(`${prefix}-focal-${d.sector}`, 'data-before')).toBe(String(get(c.before) ?? ''));
      expect(await attr(`${prefix}-focal-${d.sector}`, 'data-after')).toBe(String(get(c.after) ?? ''));
    }
  }
  expect(await number(`${prefix}-clusters-count`, 'data-before')).toBe(c.before.clustersLacking.length);
  expect(await number(`${prefix}-clusters-count`, 'data-after')).toBe(c.after.clustersLacking.length);
  expect(await number(`${prefix}-conveners-reach`, 'data-before')).toBe(c.before.conveners.reachedTotal);
  expect(await number(`${prefix}-conveners-reach`, 'data-after')).toBe(c.after.conveners.reachedTotal);
  expect(Number(await session.page.getByTestId(`${prefix}-ties-formed`).locator('ul').getAttribute('data-count'))).toBe(c.tiesFormed.length);
}

async function download(click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([session.page.waitForEvent('download'), click()]);
  const d = file as Download;
  const path = `${DOWNLOADS}/${d.suggestedFilename()}`;
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

describe('what changed', () => {
  it('compares the last two periods of the data: the numbers of compareViews, the map, the tracker, the exports', async () => {
    await open('?view=change');
    await session.page.getByTestId('change-ready').waitFor({ state: 'attached', timeout: 90_000 });
    // The tab of the view, and the periods the data suggests.
    await expect(session.page.getByTestId('tab-change').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(session.page.getByTestId('change-before-to').inputValue()).resolves.toBe('2019');
    await expect(session.page.getByTestId('change-after-to').inputValue()).resolves.toBe('2020');
    const c = comparisonOf(years(2006, 2019), years(2006, 2020));
    expect(c.after.ties).toBe(373);
    await expectSections('change', c);
    // The map draws exactly the ties formed and lost.
    expect(await number('change-map-figure', 'data-formed')).toBe(c.tiesFormed.length);
    expect(await number('change-map-figure', 'data-lost')).toBe(c.tiesLost.length);
    await session.page.getByTestId('change-map').locator('canvas').first().waitFor();
    // The tracker: one point per pair and year, with the engine's counts.
    const tracker = bridgeTracker(network, sectors, { targets: ['tech', 'care', 'government'], visibility: applyFilters(network, sectors, DEFAULT_FILTERS) });
    expect(tracker.rows.length).toBeGreaterThan(0);
    await expect(session.page.getByTestId('tracker-point').count()).resolves.toBe(tracker.rows.length);
    const care = tracker.rows.find((r) => r.a === 'care' && r.b === 'government' && r.year === 2020)!;
    await expect(session.page.locator(`[data-testid="tracker-series"][data-pair="care-government"] [data-year="2020"]`).getAttribute('data-ties')).resolves.toBe(String(care.ties));
    await session.page.getByTestId('tracker-toggle-table').click();
    await expect(session.page.getByTestId('tracker-table').locator('tbody tr').count()).resolves.toBe(tracker.lastYear! - tracker.firstYear! + 1);
    await session.page.screenshot({ path: `${ARTEFACTS}/change.png` });

    const csv = await download(() => session.page.getByTestId('change-export-csv').click());
    expect(csv.name).toBe('bruggen-den-haag-change.csv');
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv.path, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.filter((r) => r.section === 'tie_formed')).toHaveLength(c.tiesFormed.length);
    const json = await download(() => session.page.getByTestId('change-export-json').click());
    const doc = JSON.parse(readFileSync(json.path, 'utf8')) as { comparison: Comparison & { filters: unknown } };
    expect(doc.comparison.filters).toEqual({ before: 'years=2006-2019', after: 'years=2006-2020' });
    expect(doc.comparison.tiesFormed).toEqual(c.tiesFormed);
    expect(session.foreign).toEqual([]);
  });

  it('another period, chosen with the keyboard: the URL says so and the numbers follow', async () => {
    await open('?view=change');
    await session.page.getByTestId('change-ready').waitFor({ state: 'attached', timeout: 90_000 });
    await session.page.getByTestId('change-before-from').selectOption('2016');
    await session.page.getByTestId('change-before-to').selectOption('2016');
    await expect.poll(() => session.page.url()).toContain('before=2016-2016');
    await session.page.getByTestId('change-ready').waitFor({ state: 'attached', timeout: 90_000 });
    await expectSections('change', comparisonOf(years(2016, 2016), years(2006, 2020)));
    // The parts of the view are tabs: arrows move between them.
    await session.page.getByTestId('change-mode-compare').focus();
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => session.page.url()).toContain('change=whatif');
    await expect.poll(() => session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('change-mode-whatif');
  });
});

describe('what if', () => {
  it('a hypothetical activity joining two organisations: the deltas of compareScenario, hypothetical ties marked', async () => {
    await open('?view=change&change=whatif');
    await session.page.getByTestId('whatif-title').fill('Living lab Thuis met technologie');
    const input = session.page.getByTestId('whatif-orgs-input');
    for (const name of ['Gemeente Den Haag', 'SenseGlove']) {
      await input.fill(name);
      await session.page.getByTestId('whatif-orgs-option').first().click();
    }
    await expect(session.page.getByTestId('whatif-orgs-chip').count()).resolves.toBe(2);
    await session.page.getByTestId('whatif-add').click();
    await session.page.getByTestId('whatif-ready').waitFor({ state: 'attached', timeout: 90_000 });

    const rows = newActivityRows(dataset, [], {
      title: 'Living lab Thuis met technologie',
      kind: 'living_lab',
      organisations: [
        { id: 'gemeente-den-haag', name: 'Gemeente Den Haag' },
        { id: 'senseglove', name: 'SenseGlove' },
      ],
    });
    const { comparison: c } = compareScenario(applyScenario(dataset, rows, { file: 'scenario' }).dataset, DEFAULT_FILTERS, { focal });
    expect(c.tiesFormed).toEqual([{ source: 'gemeente-den-haag', target: 'senseglove', hypothetical: true }]);
    await expectSections('whatif', c);
    // Technology–government gains the tie.
    const tg = c.after.targetPairs.find((p) => p.a === 'tech' && p.b === 'government')!;
    expect(tg.ties).toBe(c.before.targetPairs.find((p) => p.a === 'tech' && p.b === 'government')!.ties + 1);
    // Marked as hypothetical in the list, the size table, the map and its legend.
    const item = session.page.getByTestId('whatif-ties-formed-item').first();
    await expect(item.getAttribute('data-hypothetical')).resolves.toBe('true');
    await expect(item.getByTestId('hypothetical-mark').textContent()).resolves.toBe('hypothetisch');
    expect(await number('whatif-size-hypothetical', 'data-after')).toBe(1);
    expect(await number('whatif-map-figure', 'data-hypothetical')).toBe(1);
    await expect(session.page.getByTestId('whatif-map-legend-hypothetical').textContent()).resolves.toContain('1 hypothetische band');
    await session.page.screenshot({ path: `${ARTEFACTS}/what-if.png` });

    // The data's export leaves the scenario out unless asked, and then marks it.
    const plain = await download(() => session.page.getByTestId('whatif-export-data').click());
    const real = Papa.parse<Record<string, string>>(readFileSync(plain.path, 'utf8'), { header: true, skipEmptyLines: true });
    expect(real.data).toHaveLength(dataset.participations.length);
    expect(real.meta.fields).not.toContain('hypothetical');
    await session.page.getByTestId('whatif-export-include').check();
    const mixed = await download(() => session.page.getByTestId('whatif-export-data').click());
    const all = Papa.parse<Record<string, string>>(readFileSync(mixed.path, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(all.filter((r) => r.hypothetical === 'yes').map((r) => r.organisation_id)).toEqual(['gemeente-den-haag', 'senseglove']);
    const scenario = await download(() => session.page.getByTestId('whatif-export-scenario').click());
    expect(readFileSync(scenario.path, 'utf8')).toContain('Living lab Thuis met technologie');

    // Kept over a reload (stored locally for this dataset).
    await session.page.reload();
    await session.page.getByTestId('whatif-ready').waitFor({ state: 'attached', timeout: 90_000 });
    await expect(session.page.getByTestId('whatif-activity').count()).resolves.toBe(1);
    expect(session.foreign).toEqual([]);
  });

  it('adopts a convener’s introductions from the conveners panel: each becomes a hypothetical tie', async () => {
    await session.page.goto(`${baseUrl()}?view=conveners`);
    await session.page.getByTestId('convener-introductions').first().waitFor({ timeout: 60_000 });
    const intros = convenerIntroductions(reference(), { perConvener: 3 });
    const first = reference().conveners.picks.find((p) => intros.some((i) => i.convener.id === p.id))!;
    const mine = intros.filter((i) => i.convener.id === first.id);
    await session.page.getByTestId(`convener-adopt-${first.id}`).click();
    await expect.poll(() => session.page.url()).toContain('change=whatif');
    await session.page.getByTestId('whatif-ready').waitFor({ state: 'attached', timeout: 90_000 });
    const items = session.page.getByTestId('whatif-ties-formed-item');
    await expect.poll(() => items.count()).toBe(mine.length);
    const pairs = await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-source'), e.getAttribute('data-target'), e.getAttribute('data-hypothetical')].join('|')));
    expect(pairs.sort()).toEqual(mine.map((i) => [i.a.id < i.b.id ? i.a.id : i.b.id, i.a.id < i.b.id ? i.b.id : i.a.id, 'true'].join('|')).sort());
    // In what if, the same convener's introductions are marked as adopted.
    await expect(session.page.getByTestId(`whatif-adopt-${first.id}`).isDisabled()).resolves.toBe(true);
    // A chosen convener without introductions is named as such, not left out without a word.
    const without = reference().conveners.picks.filter((p) => !intros.some((i) => i.convener.id === p.id));
    expect(without.length).toBeGreaterThan(0);
    const note = (await session.page.getByTestId('whatif-adopt-without').textContent())!;
    for (const p of without) expect(note).toContain(`${p.rank}. ${p.label}`);
    // On a tablet, long titles wrap: the "· Introductie" after each stays on its title's last line.
    const size = session.page.viewportSize();
    await session.page.setViewportSize({ width: 768, height: 1024 });
    const kindOnOwnLine = await session.page.getByTestId('whatif-activity').evaluateAll((items) =>
      items.flatMap((li) => {
        const title = li.querySelector('.whatif-activity-name strong')?.firstChild;
        const kind = li.querySelector('.whatif-activity-name .change-muted')?.firstChild;
        if (!title?.textContent || !kind?.textContent) return [`${li.textContent}: no title or kind`];
        const top = (node: Node, at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().top;
        };
        const dot = kind.textContent.indexOf('·');
        return Math.abs(top(title, title.textContent.length - 1) - top(kind, dot)) > 2 ? [li.textContent] : [];
      }),
    );
    if (size) await session.page.setViewportSize(size);
    expect(kindOnOwnLine).toEqual([]);
  });
});

describe('the worklist of introductions', () => {
  it('adds the suggested introductions, keeps a status edit over a reload, and exports them as CSV', async () => {
    await open('?view=change&change=worklist');
    const add = session.page.getByTestId('worklist-add-suggested');
    await expect.poll(() => add.isEnabled(), { timeout: 60_000 }).toBe(true);
    await add.click();
    const expected = suggestedIntroductions(reference(), { date: '2000-01-01' });
    const rows = session.page.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBe(expected.length);
    await expect(session.page.getByTestId('worklist-summary').getAttribute('data-count')).resolves.toBe(String(expected.length));
    const row = rows.first();
    await row.getByTestId('worklist-status').selectOption('made');
    await row.getByTestId('worklist-owner').fill('Anna de Vries');
    await row.getByTestId('worklist-owner').press('Tab');
    await expect.poll(() => row.getAttribute('data-status')).toBe('made');

    await session.page.reload();
    await session.page.getByTestId('worklist-table').waitFor({ timeout: 30_000 });
    const again = session.page.getByTestId('worklist-row').first();
    await expect(again.getByTestId('worklist-status').inputValue()).resolves.toBe('made');
    await expect(again.getByTestId('worklist-owner').inputValue()).resolves.toBe('Anna de Vries');
    // Matched against the open data: suggested ties are not ties (yet).
    await expect(again.getAttribute('data-outcome')).resolves.toBe('not_tied');
    await session.page.screenshot({ path: `${ARTEFACTS}/worklist.png` });
    // Each row's remove button is one line: its word does not break in the narrow last column.
    const lines = await session.page.getByTestId('worklist-remove').evaluateAll((buttons) =>
      buttons.map((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((n) => n !== 1)).toEqual([]);

    const csv = await download(() => session.page.getByTestId('worklist-export').click());
    expect(csv.name).toBe('bruggen-den-haag-worklist.csv');
    const data = Papa.parse<Record<string, string>>(readFileSync(csv.path, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(data).toHaveLength(expected.length);
    expect(data[0]).toMatchObject({ organisation_a_id: expected[0]!.a.id, organisation_b_id: expected[0]!.b.id, status: 'made', owner: 'Anna de Vries' });
  });
});

describe('a wrong file for the worklist', () => {
  it('is refused with its reason (an image, a workbook), and a Windows-1252 file is read and said to be', async () => {
    await open('?view=change&change=worklist');
    const input = session.page.getByTestId('worklist-import');
    const message = session.page.getByTestId('worklist-message');
    await input.setInputFiles({ name: 'werklijst.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await expect.poll(() => message.textContent()).toBe('"werklijst.csv" is een afbeelding, geen tabel. Oplossing: Exporteer de tabel zelf uit de bron als CSV of Excel.');
    await input.setInputFiles({ name: 'werklijst.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    await expect.poll(() => message.textContent()).toContain('"werklijst.xlsx" is een Excel-werkmap; hier is een CSV-bestand nodig.');
    // Over 5 MB: refused by its size, before it is read (a valid worklist, so only the size refuses it).
    const huge = Buffer.from(`organisation_a,organisation_b\n${'Zorg Thuis,Sensor BV\n'.repeat(260_000)}`);
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    await input.setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: huge });
    await expect.poll(() => message.textContent()).toMatch(/^"groot\.csv" is 5,2 MB; een werklijst, wat-als- of correctiebestand mag hoogstens 5 MB zijn\. Er is niets gelezen\. Oplossing: /);
    expect(await session.page.getByTestId('worklist-row').count()).toBe(0);
    // Windows-1252 (é as 0xE9), and a header without the columns a worklist needs: nothing used, and why.
    await input.setInputFiles({ name: 'oud.csv', mimeType: 'text/csv', buffer: Buffer.from('naam,rol\nCaf\xe9 Z,x\n', 'latin1') });
    await expect.poll(() => message.textContent()).toContain('als Windows-1252');
    expect(await message.textContent()).toContain('organisation_a');
    expect(await session.page.getByTestId('worklist-row').count()).toBe(0);
    await message.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/worklist-wrong-file.png` });

    // Introductions named only by names are three introductions, not one; read again, they are
    // held already and the message says so; removing one removes that one.
    const names = Buffer.from('organisation_a,organisation_b\nZorg Thuis,Sensor BV\nZorg Thuis,Gemeente Delft\nSensor BV,Gemeente Delft\n');
    await input.setInputFiles({ name: 'namen.csv', mimeType: 'text/csv', buffer: names });
    await expect.poll(() => session.page.getByTestId('worklist-row').count()).toBe(3);
    await input.setInputFiles({ name: 'namen.csv', mimeType: 'text/csv', buffer: names });
    await expect.poll(() => message.textContent()).toContain('3 daarvan stonden al op de werklijst en houden hun status.');
    expect(await session.page.getByTestId('worklist-row').count()).toBe(3);
    await session.page.getByTestId('worklist-remove').nth(1).click();
    await expect.poll(() => session.page.getByTestId('worklist-row').count()).toBe(2);
  });

  it('keeps keyboard focus in the worklist after adding or removing an introduction', async () => {
    // Focus fell to <body> both times: the add button is disabled after adding, the remove button goes with its row.
    await open('?view=change&change=worklist');
    const page = session.page;
    await page.evaluate(() => localStorage.removeItem('bruggen.worklist'));
    await open('?view=change&change=worklist');
    await page.getByTestId('worklist-manual').locator('summary').click();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    /** Picks organisation A and B by keyboard: type, arrow down, Enter. */
    const pickPair = async (a: string, b: string) => {
      for (const [picker, name] of [['worklist-a', a], ['worklist-b', b]] as const) {
        await page.getByTestId(`${picker}-input`).focus();
        await page.keyboard.type(name);
        await page.getByTestId(`${picker}-option`).first().waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.getByTestId(`${picker}-chip`).waitFor();
      }
    };
    await pickPair('Haga', 'Delft');
    await page.getByTestId('worklist-add-manual').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('worklist-row').count()).toBe(1);
    await expect.poll(focused).toBe('worklist-a-input');
    // A second pair, then remove the first row by keyboard: focus goes to the remaining row's button.
    await pickPair('TNO', 'Atos');
    await page.getByTestId('worklist-add-manual').click();
    await expect.poll(() => page.getByTestId('worklist-row').count()).toBe(2);
    await page.getByTestId('worklist-remove').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('worklist-row').count()).toBe(1);
    expect(await focused()).toBe('worklist-remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('worklist-row').count()).toBe(0);
    expect(await focused()).toBe('worklist-summary');
  });

  it('lists the rows it rejected or read otherwise, with row, column and why', async () => {
    // The counts said "1 rejected" and an unknown status became "to make" without a word.
    await open('?view=change&change=worklist');
    const text = 'organisation_a,organisation_b,status\nZorg Thuis,Zorg Thuis,\nHuisarts Oost,Sensor BV,misschien\nHuisarts Oost,Sensor BV,\n';
    await session.page.getByTestId('worklist-import').setInputFiles({ name: 'eigen.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect.poll(() => session.page.getByTestId('worklist-message').textContent()).toContain('3 rijen gelezen, 1 gebruikt, 1 samengevoegd, 1 afgewezen');
    const items = session.page.getByTestId('worklist-problems').locator('li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.evaluateAll((li) => li.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-row')]))).toEqual([
      ['same-organisation', '2'],
      ['unknown-status', '3'],
    ]);
    expect(await items.nth(0).textContent()).toMatch(/^Rij 2, kolom organisation_b: /);
    expect(await items.nth(1).textContent()).toMatch(/^Rij 3, kolom status: .*misschien/);
    await session.page.getByTestId('worklist-problems').scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/worklist-problems.png` });
  });
});

describe('a pasted comparison link too long for the address bar', () => {
  it('is refused with its length and what to do, and the view keeps its comparison', async () => {
    // 250 KB was applied, and then the page could not be reloaded (the server refused the request line).
    await open('?view=change');
    await session.page.getByTestId('change-kind-link').check();
    const cities = Array.from({ length: 2000 }, (_, i) => `S${i}`).join(',');
    await session.page.getByTestId('change-against-input').fill(`sector=care&city=${cities}`);
    await session.page.getByTestId('change-against-apply').click();
    await expect.poll(() => session.page.getByTestId('change-against-refused').textContent()).toMatch(/^Deze link is [\d.]+ tekens lang in de adresbalk; tot 8\.000 is te herladen en te delen, dus is hij niet toegepast\./);
    expect(session.page.url()).not.toContain('against=');
    // A link of ordinary length is applied.
    await session.page.getByTestId('change-against-input').fill('source=SIA');
    await session.page.getByTestId('change-against-apply').click();
    await expect.poll(() => session.page.url()).toContain('against=');
    expect(await session.page.getByTestId('change-against-refused').count()).toBe(0);
  });
});

describe('a comparison link with many unknown values', () => {
  it('names the first ten it drops and counts the rest, as the main notice does', async () => {
    const values = Array.from({ length: 300 }, (_, i) => `bron-${i}`).join(',');
    await open(`?view=change&against=${encodeURIComponent(`source=${values}`)}`);
    const dropped = session.page.getByTestId('change-dropped');
    await expect.poll(() => dropped.textContent()).toContain('“bron-9” en nog 290');
    expect(await dropped.textContent()).not.toContain('bron-10”');
  });

  it('says which parts of the link it could not read: a bad value, a repeat, an unknown parameter', async () => {
    await open(`?view=change&against=${encodeURIComponent('min=0x2&years=2020-2019&years=2006-2020&sectr=care')}`);
    const unread = session.page.getByTestId('change-unread');
    await expect.poll(() => unread.textContent()).toBe('Niet of anders gelezen uit de link (onleesbaar, dubbel, onbekend, of jaren omgedraaid): min=“0x2”; “years=2006-2020”; “years=2020-2019”; “sectr=care”.');
    await expect.poll(() => session.page.getByTestId('change-views').textContent()).toContain('2019');
    expect(await session.page.getByTestId('change-dropped').count()).toBe(0);
  });
});

describe('periods given the wrong way round', () => {
  it('reads a reversed range earliest year first and says so; warns when the period after lies before the period before', async () => {
    await open('?view=change&change=compare&before=2016-2018&after=2010-2008');
    const notice = session.page.getByTestId('dropped-notice');
    await expect.poll(() => notice.textContent()).toContain('omgedraaid gelezen (het vroegste jaar eerst): “after=2010-2008”');
    await expect(session.page.getByTestId('change-after-from').inputValue()).resolves.toBe('2008');
    await expect(session.page.getByTestId('change-after-to').inputValue()).resolves.toBe('2010');
    await expect.poll(() => session.page.getByTestId('change-periods-reversed').textContent()).toBe(
      'De periode erna (2008–2010) ligt vóór de periode ervoor (2016–2018): wat hieronder ‘erbij’ heet, viel in de tijd weg, en andersom. Wissel de perioden om om te zien wat er sindsdien veranderde.',
    );
    // Periods in order: no warning.
    await session.page.getByTestId('change-after-to').selectOption('2020');
    await session.page.getByTestId('change-after-from').selectOption('2019');
    await expect.poll(() => session.page.getByTestId('change-periods-reversed').count()).toBe(0);
  });
});

describe('a damaged stored worklist', () => {
  it('is said, offered for download and kept aside, instead of shown as an empty worklist that the next change overwrites', async () => {
    const stored = JSON.stringify([
      { a: { id: 'bobergo', name: 'Bobergo', sector: 'tech' }, b: { id: 'sophia-stichting', name: 'Sophia', sector: 'care' }, status: 'made', note: 'Koffie gedronken' },
    ]);
    await session.page.goto(baseUrl());
    await session.page.evaluate((text) => localStorage.setItem('bruggen.worklist', text), stored.slice(0, -3));
    await open('?view=change&change=worklist');
    const notice = session.page.getByTestId('worklist-damaged');
    await expect.poll(() => notice.textContent()).toContain('kon niet worden gelezen');
    const download = session.page.waitForEvent('download');
    await session.page.getByTestId('worklist-damaged-download').click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(stored.slice(0, -3));
    expect(await session.page.evaluate(() => localStorage.getItem('bruggen.worklist.damaged'))).toBe(stored.slice(0, -3));
    await notice.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/worklist-damaged.png` });
    await session.page.getByTestId('worklist-damaged-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);
    await session.page.evaluate(() => {
      localStorage.removeItem('bruggen.worklist');
      localStorage.removeItem('bruggen.worklist.damaged');
    });
  });
});

describe('a damaged stored what-if scenario', () => {
  it('is said with what was lost and kept aside for download, instead of dropped without a word', async () => {
    const key = datasetKey(bundle.dataset);
    const rows = JSON.stringify([{ activity_id: 'plan', organisation_id: 'bobergo' }, { organisation: 'geen activiteit' }, { activity_id: 'plan', organisation_id: 'sophia-stichting' }]);
    await session.page.goto(baseUrl());
    await session.page.evaluate(([k, text]) => localStorage.setItem(`bruggen.scenario.${k}`, text!), [key, rows]);
    await open('?view=change&change=whatif');
    const notice = session.page.getByTestId('whatif-damaged');
    await expect.poll(() => notice.textContent()).toContain('1 regel van het opgeslagen what-if-scenario kon niet worden gelezen');
    // The readable rows are the scenario: one activity joining two organisations.
    await expect.poll(() => session.page.getByTestId('whatif-activity').count()).toBe(1);
    expect(await session.page.evaluate((k) => localStorage.getItem(`bruggen.scenarioDamaged.${k}`), key)).toBe(rows);
    const download = session.page.waitForEvent('download');
    await session.page.getByTestId('whatif-damaged-download').click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(rows);
    await notice.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/whatif-damaged.png` });
    await session.page.getByTestId('whatif-damaged-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);
    await session.page.getByTestId('whatif-clear').click();
    await session.page.evaluate((k) => localStorage.removeItem(`bruggen.scenarioDamaged.${k}`), key);
  });
});

describe('a worklist the browser refuses to store (storage full)', () => {
  it('says it lasts for this session only, instead of losing it without a word on the next reload', async () => {
    await open('?view=change&change=worklist');
    await session.page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'bruggen.worklist') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    const rows = Buffer.from('organisation_a,organisation_b\nZorg Thuis,Sensor BV\n');
    await session.page.getByTestId('worklist-import').setInputFiles({ name: 'vol.csv', mimeType: 'text/csv', buffer: rows });
    const notice = session.page.getByTestId('worklist-not-saved');
    await expect.poll(() => notice.textContent()).toContain('kon niet in deze browser worden bewaard');
    expect(await session.page.getByTestId('worklist-row').count()).toBe(1);
    await notice.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/worklist-not-saved.png` });
    // A page load restores the real storage; the worklist was never stored.
    await open('?view=change&change=worklist');
    expect(await session.page.getByTestId('worklist-row').count()).toBe(0);
  });
});

describe('a what-if scenario file of many activities', () => {
  it('lists the first hundred activities and more on request, not thousands at once (5,000 held the page for 9 s)', async () => {
    await open('?view=change&change=whatif');
    const clear = session.page.getByTestId('whatif-clear');
    if (await clear.count()) await clear.click();
    const rows = ['activity_id,activity_title,organisation_id,organisation', ...Array.from({ length: 250 }, (_, i) => [`plan-${i},Plan ${i},new-a-${i},Nieuw A ${i}`, `plan-${i},Plan ${i},new-b-${i},Nieuw B ${i}`]).flat()];
    await session.page.getByTestId('whatif-import').setInputFiles({ name: 'plannen.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await showsHundredThenMore('whatif-activity', 'whatif-more', 'Toon nog 100 activiteiten (van 250)');
    // 500 new organisations are not each highlighted and labelled: every highlight is a shadowed box
    // on a 2D canvas, and 15,000 held the software GPU, and so the tab, for minutes.
    const figure = session.page.locator('[data-new-labelled]');
    await expect.poll(() => figure.getAttribute('data-hypothetical')).toBe('250');
    expect(await figure.getAttribute('data-new-labelled')).toBe('0');
    await session.page.getByTestId('whatif-clear').click();
  });
});

describe("a what-if scenario file's problems", () => {
  it('are listed in Dutch by the activity and organisation of their row, with the column, the first five, with how many more and what to do', async () => {
    await open('?view=change&change=whatif');
    const clear = session.page.getByTestId('whatif-clear');
    if (await clear.count()) await clear.click();
    const rows = ['activity_id,organisation_id,organisation,sector,start_year,confidence', ',bobergo,,,,', 'plan-1,niemand,,,,', 'plan-1,,!!!,,,', 'plan-2,,Nieuwe Partij,zorgachtig,0x7E4,misschien', 'plan-2,,Nieuwe Partij,,,'];
    await session.page.getByTestId('whatif-import').setInputFiles({ name: 'plannen.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    const report = session.page.getByTestId('whatif-import-report');
    await report.waitFor({ timeout: 60_000 });
    const items = await report.locator('li').allTextContents();
    expect(items.slice(0, 5)).toEqual([
      // The scenario's rows have no file of their own (stored, added to from the form and files):
      // a row number would point nowhere.
      'Bij een toevoeging van BOBErgo B.V. zonder activiteit, kolom activity_id: Deze rij heeft geen activity_id, dus zegt ze niet bij welke activiteit de organisatie zou aansluiten.',
      'Bij “plan-1” (niemand), kolom organisation_id: Organisatie-id "niemand" staat niet in de gegevens en deze rij geeft geen naam voor een nieuwe organisatie.',
      'Bij “plan-1” (!!!), kolom organisation: "!!!" bevat geen letters of cijfers, dus wijst het geen organisatie aan.',
      'Bij “plan-2” (Nieuwe Partij), kolom sector: "zorgachtig" is geen van de sectoren; de sector is in plaats daarvan uit de naam afgeleid.',
      'Bij “plan-2” (Nieuwe Partij), kolom start_year: "0x7E4" is geen jaartal; de waarde is niet gebruikt, de rij wel.',
    ]);
    expect(await session.page.getByTestId('whatif-problems-fix').textContent()).toContain('(“Weghalen”)');
    // The sixth (the confidence) is counted; the duplicate row is information, not listed.
    expect(await session.page.getByTestId('whatif-problems-more').textContent()).toBe('en nog 1 probleem');
    await session.page.getByTestId('whatif-clear').click();
  });
});

describe('a what-if file over 5 MB', () => {
  it('is refused by its size with what to do instead, and the scenario keeps its rows', async () => {
    await open('?view=change&change=whatif');
    const clear = session.page.getByTestId('whatif-clear');
    if (await clear.count()) await clear.click();
    const input = session.page.getByTestId('whatif-import');
    await input.setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from('activity_id,organisation_id,organisation\nplan-1,new-a,Nieuw A\nplan-1,new-b,Nieuw B\n') });
    await expect.poll(() => session.page.getByTestId('whatif-activity').count()).toBe(1);
    // Two new organisations are few: each is highlighted and labelled on the map.
    await expect.poll(() => session.page.locator('[data-new-labelled]').getAttribute('data-new-labelled')).toBe('2');
    const rows = Array.from({ length: 120_000 }, (_, i) => `plan-${i},new-${i},Nieuwe organisatie ${i}`);
    const huge = Buffer.from(['activity_id,organisation_id,organisation', ...rows].join('\n'));
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    await input.setInputFiles({ name: 'alles.csv', mimeType: 'text/csv', buffer: huge });
    const message = session.page.getByTestId('whatif-message');
    await expect.poll(() => message.textContent()).toMatch(/^"alles\.csv" is 5,\d MB; een werklijst, wat-als- of correctiebestand mag hoogstens 5 MB zijn\. Er is niets gelezen\. Oplossing: .*"Gegevens openen"/);
    expect(await session.page.getByTestId('whatif-activity').count()).toBe(1);
    await message.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/whatif-file-too-large.png` });
    await session.page.getByTestId('whatif-clear').click();
  });
});

describe('a what-if too large to build', () => {
  it('names its activity and what to change in the what-if, in Dutch, instead of an English error', async () => {
    await open('?view=change&change=whatif');
    const clear = session.page.getByTestId('whatif-clear');
    if (await clear.count()) await clear.click();
    const rows = ['activity_id,organisation_id,organisation,role', ...Array.from({ length: 3000 }, (_, i) => `whatif-big,new-${i},Nieuwe organisatie ${i},partner`)];
    await session.page.getByTestId('whatif-import').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    const notice = session.page.getByTestId('whatif-too-large');
    await notice.waitFor({ timeout: 60_000 });
    const text = (await notice.textContent())!;
    expect(text).toContain('meer dan de 3.000.000 die veilig te bouwen zijn');
    expect(text).toContain('whatif-big: 3.000 deelnemers, 4.498.500 banden');
    expect(text).toContain('Haal die activiteit uit het scenario (Weghalen)');
    expect(await session.page.getByTestId('whatif-error').count()).toBe(0);
    // The scenario names thirty of its 3,000 organisations, not all of them.
    expect(await session.page.getByTestId('whatif-activity').textContent()).toContain('Nieuwe organisatie 29 en nog 2.970');
    await notice.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: `${ARTEFACTS}/whatif-too-large.png` });
    // The fix it names: removing the activity leaves nothing to compare, and no notice.
    await session.page.getByTestId('whatif-remove-whatif-big').click();
    await expect.poll(() => notice.count()).toBe(0);
  });
});

describe('a long worklist', () => {
  it('shows the first hundred introductions and more on request, not thousands of forms at once', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ a: { id: `a${i}`, name: `Org A${i}`, sector: 'tech' }, b: { id: 'bobergo', name: 'Bobergo', sector: 'tech' } }));
    await session.page.goto(baseUrl());
    await session.page.evaluate((text) => localStorage.setItem('bruggen.worklist', text), JSON.stringify(many));
    await open('?view=change&change=worklist');
    await expect.poll(() => attr('worklist-summary', 'data-count')).toBe('250');
    await showsHundredThenMore('worklist-row', 'worklist-more', 'Toon nog 100 introducties (van 250)');
    await session.page.evaluate(() => localStorage.removeItem('bruggen.worklist'));
  });

  it('shows control and direction characters in stored names as escapes, not acting on the text', async () => {
    // A right-to-left override in a stored name reversed the rest of the row; a NUL showed as nothing.
    const stored = [{ a: { id: 'x', name: 'Haga\u0000Zieken\u202Ehuis', sector: 'care' }, b: { id: 'bobergo', name: 'TU\u202Etfled', sector: 'tech' } }];
    await session.page.goto(baseUrl());
    await session.page.evaluate((text) => localStorage.setItem('bruggen.worklist', text), JSON.stringify(stored));
    await open('?view=change&change=worklist');
    const pair = session.page.getByTestId('worklist-row').locator('th');
    await expect.poll(() => pair.textContent()).toContain('Haga\\u0000Zieken\\u202ehuis');
    expect(await pair.textContent()).toContain('TU\\u202etfled');
    expect(await pair.textContent()).not.toContain('\u0000');
    expect(await pair.textContent()).not.toContain('\u202e');
    await session.page.evaluate(() => localStorage.removeItem('bruggen.worklist'));
  });
});

describe('the meeting pack', () => {
  it('renders one page per convener, with the focal organisation now and with the introductions, and prints one page each', async () => {
    await open('?view=change&change=worklist');
    const button = session.page.getByTestId('open-meeting-pack');
    await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
    await button.click();
    const pack = session.page.getByTestId('meeting-pack');
    await pack.waitFor();
    const picks = reference().conveners.picks;
    await expect(session.page.getByTestId('meeting-pack-page').count()).resolves.toBe(picks.length);
    const ids = await session.page.getByTestId('meeting-pack-page').evaluateAll((els) => els.map((e) => e.getAttribute('data-convener')));
    expect(ids).toEqual(picks.map((p) => p.id));
    await expect.poll(() => session.page.getByTestId('meeting-pack-focal').count(), { timeout: 90_000 }).toBe(picks.length);
    const intros = convenerIntroductions(reference(), { perConvener: 3 });
    await expect(session.page.getByTestId('meeting-pack-introduction').count()).resolves.toBe(intros.length);
    // What each choice rests on, as under the picks in the conveners list: the printed pack left out
    // that convener 1's ties are nearly all listings, and how firm each choice is.
    const packPages = session.page.getByTestId('meeting-pack-page');
    await expect.poll(() => packPages.getByTestId('convener-robustness').evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))), { timeout: 90_000 }).not.toContain('pending');
    expect(await packPages.getByTestId('convener-robustness').count()).toBe(picks.length);
    const first = packPages.first();
    expect(await first.getByTestId('convener-basis').textContent()).toMatch(/^\d+ van haar \d+ banden bestaan alleen door lijsten/);
    expect(await first.getByTestId('convener-robustness').textContent()).toMatch(/Gekozen in .* steekproeven\..*lijsten/);
    await session.page.screenshot({ path: `${ARTEFACTS}/meeting-pack.png` });
    await session.page.emulateMedia({ media: 'print' });
    const pdf = await session.page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(picks.length);
    await session.page.emulateMedia({ media: 'screen' });
    // Esc closes it (a modal dialog), focus back on the button.
    await session.page.keyboard.press('Escape');
    await expect.poll(() => pack.isVisible()).toBe(false);
    await expect.poll(() => session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-meeting-pack');
  });
});
