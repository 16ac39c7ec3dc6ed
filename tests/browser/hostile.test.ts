import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/data/import/pipeline';
import { buildNetwork } from '../../src/graph/network';
import { activitiesToList, buildIncidence, DEFAULT_PROJECTION_RULES, MAX_PROJECTED_PAIRS } from '../../src/graph/projection';
import { VIEWS } from '../../src/session/viewState';
import { makeXlsx } from '../unit/hostile/zip';
import { baseUrl, browserSession, openApp, probe } from './setup/browser';

/**
 * Nothing a file or a link can do blanks the app (issue 12), in the real browser on the production
 * build, through "Open data": ids and names that are JavaScript built-ins in every view and after
 * a sector correction, a 100,000-row file with progress and Cancel, and one activity of 3,000
 * participants (4.5 M ties) that the size guard stops before building. What the app must show is
 * computed in Node with the same import pipeline and network builder.
 */
const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1400, height: 900 });
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const dir = mkdtempSync(join(tmpdir(), 'bruggen-hostile-'));

const csv = (fields: string[], rows: string[][]) => Papa.unparse({ fields, data: rows }, { newline: '\n' }) + '\n';

/** The dataset and counts the app must show for these files (same pipeline, same builder). */
async function expected(paths: string[], rules = DEFAULT_PROJECTION_RULES) {
  const { outcome } = await importFiles(paths.map((p) => ({ name: p.split('/').pop()!, blob: new Blob([readFileSync(p)]) })));
  const network = buildNetwork(outcome.dataset, rules);
  const { dataset, report } = outcome;
  return {
    dataset,
    report,
    network,
    counts: `${nl(dataset.organisations.length)} organisaties · ${nl(dataset.activities.length)} activiteiten · ${nl(network.projection.ties.m)} verbindingen`,
  };
}

/** Opens the import dialog on the built-in map and chooses the files, as a user does. */
async function chooseFiles(page: Page, paths: string[]) {
  await page.getByTestId('open-data').click();
  await page.getByTestId('import-panel').waitFor();
  await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles(paths);
}

/** The map of the current dataset is drawn: the counts line says so and sigma has drawn its nodes. */
async function mapDrawn(page: Page, counts: string, organisations: number, timeout = 120_000) {
  await expect.poll(() => page.getByTestId('counts').textContent(), { timeout }).toBe(counts);
  await expect
    .poll(() => page.locator('[data-testid="graph-canvas"][data-camera]').getAttribute('data-order', { timeout: 1000 }).catch(() => null), { timeout })
    .toBe(String(organisations));
}

/** No error boundary anywhere and the workspace is there: the app did not blank. */
async function notBlank(page: Page) {
  expect(await page.getByTestId('error-boundary').count()).toBe(0);
  expect(await page.locator('main.explorer').count()).toBe(1);
}

/** Each view's own content (as in the axe-core test): the map, the bipartite canvas, the analysis, the tables. */
async function viewRenders(page: Page, view: string) {
  await page.getByTestId(`view-${view}`).waitFor({ timeout: 60_000 });
  const ready: Record<string, string> = { change: 'change-ready', sectors: 'sector-overview', bipartite: 'bipartite-canvas', tables: 'table-tab-organisations' };
  await page.getByTestId(ready[view] ?? 'analysis-ready').waitFor({ state: 'attached', timeout: 120_000 });
  if (view === 'network' || view === 'bridges' || view === 'conveners') await page.locator('[data-testid="graph-canvas"][data-camera] canvas').first().waitFor();
  await notBlank(page);
}

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype'] as const;

describe('ids and names that are JavaScript built-ins', () => {
  // Organisations, activities, titles, cities and the organisations file's descriptions are all
  // built-in names; activity i has organisations i, i+1 and i+2 (a ring of overlapping triangles).
  const participations = join(dir, 'prototype-participations.csv');
  const organisations = join(dir, 'prototype-organisations.csv');
  const sectors = ['tech', 'care', 'government', 'knowledge', 'network', 'tech'];
  writeFileSync(
    participations,
    csv(
      ['activity_id', 'activity_title', 'activity_kind', 'start_year', 'end_year', 'organisation_id', 'organisation', 'sector', 'city', 'role'],
      BUILT_INS.flatMap((a, i) =>
        [0, 1, 2].map((k) => {
          const o = BUILT_INS[(i + k) % BUILT_INS.length]!;
          return [a, a, 'project', String(2018 + (i % 3)), String(2021 + (i % 3)), o, o, sectors[(i + k) % BUILT_INS.length]!, BUILT_INS[(i + k + 1) % BUILT_INS.length]!, k === 0 ? 'lead' : 'partner'];
        }),
      ),
    ),
  );
  writeFileSync(organisations, csv(['organisation_id', 'name', 'description'], BUILT_INS.map((o) => [o, o, `__proto__ ${o}`])));

  it('imports, shows every view, keeps a sector correction of "constructor" after reload, and takes links with built-in ids', async () => {
    const page = session.page;
    const want = await expected([participations, organisations]);
    expect(want.dataset.organisations.map((o) => o.id).sort()).toEqual([...BUILT_INS].sort());
    expect(want.network.projection.ties.m).toBeGreaterThan(0);

    await openApp(page);
    await chooseFiles(page, [participations, organisations]);
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain(
      `${nl(want.report.rowsRead)} rijen gelezen: ${nl(want.report.rowsUsed)} gebruikt, ${nl(want.report.rowsMerged)} samengevoegd (dubbel), ${nl(want.report.rowsRejected)} afgewezen.`,
    );
    await page.getByTestId('import-confirm').click();
    await mapDrawn(page, want.counts, BUILT_INS.length);
    await notBlank(page);

    // Select "constructor" and correct its sector in the details panel.
    const constructor = want.network.projection.incidence.orgIndex.get('constructor')!;
    await page.goto(`${baseUrl()}?org=constructor`);
    await page.getByTestId('details-panel').waitFor({ timeout: 60_000 });
    await expect(page.locator('#details-title').textContent()).resolves.toContain('constructor');
    await expect(page.getByTestId('details-sector').textContent()).resolves.toContain('Technologie');
    await page.locator('.sector-correction summary').click();
    await page.getByTestId('sector-select').selectOption('care');
    await expect.poll(() => page.getByTestId('details-sector').textContent()).toContain('Zorg en welzijn');
    // The map took it (colour by sector: care is #D55E00).
    await expect.poll(async () => (await probe(page, [String(constructor)]))[String(constructor)]?.color).toBe('#D55E00');
    await notBlank(page);

    // Reload: the imported dataset and the correction are both back, and nothing blanks.
    await page.reload();
    await page.getByTestId('details-panel').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('details-sector').textContent()).resolves.toContain('Zorg en welzijn');
    await mapDrawn(page, want.counts, BUILT_INS.length);
    await notBlank(page);

    // Every view, with the corrected "constructor" selected.
    for (const view of VIEWS) {
      await page.goto(`${baseUrl()}?view=${view}&org=constructor`);
      await viewRenders(page, view);
      expect(await page.getByTestId('counts').textContent(), view).toBe(want.counts);
    }
    await page.goto(`${baseUrl()}?view=tables`);
    await viewRenders(page, 'tables');
    for (const name of BUILT_INS) await expect.poll(() => page.getByTestId('view-tables').textContent(), { timeout: 60_000 }).toContain(name);
    await page.screenshot({ path: `${ARTEFACTS}/hostile-prototype-tables.png` });

    // A link with built-in ids that exist: __proto__ selected, the map around constructor.
    const ego = new Set([constructor]);
    const { offsets, neighbours } = want.network.adjacency;
    for (let p = offsets[constructor]!; p < offsets[constructor + 1]!; p++) ego.add(neighbours[p]!);
    await page.goto(`${baseUrl()}?org=__proto__&ego=constructor:1`);
    await page.getByTestId('details-panel').waitFor({ timeout: 60_000 });
    await expect(page.locator('#details-title').textContent()).resolves.toContain('__proto__');
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(new RegExp(`^${ego.size} organisaties`));
    expect(await page.getByTestId('dropped-notice').count()).toBe(0);
    await notBlank(page);

    // A link with values this data does not have: dropped, and said so; the rest of the link works.
    // And values that are no value at all (k=abc, view=constructor): the same notice, the defaults used.
    await page.goto(`${baseUrl()}?org=hasOwnProperty&ego=isPrototypeOf:1&source=__proto__&city=valueOf2&listed=toLocaleString&k=abc&view=constructor&toString=x&k=3`);
    const notice = page.getByTestId('dropped-notice');
    await notice.waitFor({ timeout: 60_000 });
    const parameters = await notice.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-parameter')));
    // A parameter given twice uses its first value; an unknown one is named (they were dropped without a word).
    expect(parameters.sort()).toEqual(['city', 'ego', 'k', 'listed', 'repeated', 'source', 'unknown', 'view']);
    await expect(notice.textContent()).resolves.toContain('“isPrototypeOf”');
    await expect(notice.textContent()).resolves.toContain('aantal verbinders: “abc”');
    await expect(notice.textContent()).resolves.toContain('tweede keer genoemd (de eerste geldt): “k=3”');
    await expect(notice.textContent()).resolves.toContain('onbekende onderdelen: “toString=x”');
    await expect.poll(() => new URL(page.url()).searchParams.has('k')).toBe(false);
    expect(new URL(page.url()).searchParams.has('toString')).toBe(false);
    await expect(page.locator('#details-title').textContent()).resolves.toContain('hasOwnProperty');
    await mapDrawn(page, want.counts, BUILT_INS.length);
    await notBlank(page);
    await page.screenshot({ path: `${ARTEFACTS}/hostile-prototype-dropped.png` });
    expect(session.foreign).toEqual([]);
  }, 600_000);
});

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a 100,000-row file', () => {
  // 40,000 activities of two or three of 4,000 organisations, then 250 repeated rows (merged)
  // and 150 rows without an activity (rejected).
  const file = join(dir, 'participations-100k.csv');
  const ORGANISATIONS = 4000;
  const rows: string[][] = [];
  const rnd = random(12);
  for (let a = 0; rows.length < 100_000; a++) {
    const members = new Set<number>();
    while (members.size < 2 + (a % 2)) members.add(Math.floor(rnd() * ORGANISATIONS));
    [...members].forEach((o, k) =>
      rows.push([`A${a}`, `Activiteit ${a}`, 'project', `O${o}`, `Organisatie ${o}`, ['tech', 'care', 'government', 'knowledge'][o % 4]!, k === 0 ? 'lead' : 'partner', String(2015 + (a % 8))]),
    );
  }
  for (let i = 0; i < 250; i++) rows.push([...rows[i * 7]!]);
  for (let i = 0; i < 150; i++) rows.push(['', '', 'project', `O${i}`, `Organisatie ${i}`, 'tech', 'partner', '2020']);
  writeFileSync(file, csv(['activity_id', 'activity_title', 'activity_kind', 'organisation_id', 'organisation', 'sector', 'role', 'start_year'], rows));

  it('imports with progress and an exact report, draws the map, and a second import can be cancelled', async () => {
    const page = session.page;
    const want = await expected([file]);
    const { report } = want;
    expect(report.rowsRead).toBe(100_400);
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsMerged + report.rowsRejected);
    expect([report.rowsMerged, report.rowsRejected]).toEqual([250, 150]);
    const organisations = want.dataset.organisations.length;

    await openApp(page);
    // Record which progress bars the import panel shows and how far they got (a MutationObserver:
    // the reading step can be over before a poll would see it).
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      const record = () => {
        for (const id of ['import-progress', 'build-progress']) {
          const bar = document.querySelector<HTMLProgressElement>(`[data-testid="${id}"]`);
          if (bar) seen[id] = Math.max(seen[id] ?? 0, bar.value);
        }
        document.documentElement.dataset.seenProgress = JSON.stringify(seen);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await chooseFiles(page, [file]);
    await page.getByTestId('import-report').waitFor({ timeout: 180_000 });
    const seen = JSON.parse((await page.locator('html').getAttribute('data-seen-progress')) ?? '{}') as Record<string, number>;
    expect(seen['import-progress']).toBeGreaterThan(0);
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain(
      `${nl(report.rowsRead)} rijen gelezen: ${nl(report.rowsUsed)} gebruikt, ${nl(report.rowsMerged)} samengevoegd (dubbel), ${nl(report.rowsRejected)} afgewezen.`,
    );
    await page.getByTestId('import-confirm').click();
    await mapDrawn(page, want.counts, organisations, 300_000);
    await notBlank(page);
    await expect(page.getByTestId('import-summary-chip').textContent()).resolves.toContain(
      `${nl(report.rowsRead)} rijen gelezen, ${nl(report.rowsUsed)} gebruikt, ${nl(report.rowsMerged)} samengevoegd, ${nl(report.rowsRejected)} afgewezen`,
    );
    await page.screenshot({ path: `${ARTEFACTS}/hostile-100k.png`, timeout: 120_000 });

    // Again, and Cancel while the file is being read (as soon as the bar has moved): back to
    // choosing files, and the map keeps the dataset it had.
    await page.evaluate(() => {
      new MutationObserver((_records, observer) => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
        const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]');
        if (bar && cancel && bar.value > 0 && bar.value < 1) {
          observer.disconnect();
          document.documentElement.dataset.cancelledAt = String(bar.value);
          cancel.click();
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await chooseFiles(page, [file]);
    await expect.poll(() => page.getByTestId('import-panel').textContent(), { timeout: 180_000 }).toContain('Het lezen is geannuleerd.');
    expect(Number(await page.locator('html').getAttribute('data-cancelled-at'))).toBeGreaterThan(0);
    expect(await page.getByTestId('import-report').count()).toBe(0);
    await page.getByTestId('drop-zone').waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await mapDrawn(page, want.counts, organisations);
    await notBlank(page);
    expect(session.foreign).toEqual([]);
  }, 600_000);
});

describe('a name of 3,000 letters without a space', () => {
  it('wraps inside the details drawer and the analysis panels instead of running out of them', async () => {
    const page = session.page;
    const file = join(dir, 'lange-naam.csv');
    const name = `Stichting${'X'.repeat(3_000)}`;
    writeFileSync(file, csv(['activity_id', 'organisation', 'sector'], [['P1', name, 'care'], ['P1', 'Gemeente Den Haag', 'government'], ['P2', 'Gemeente Den Haag', 'government'], ['P2', 'TechCo BV', 'tech']]));
    await openApp(page);
    await chooseFiles(page, [file]);
    await page.getByTestId('import-confirm').click({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^3 organisaties/);
    const widths = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((e) => [Math.round(e.getBoundingClientRect().width), Math.round(e.parentElement!.getBoundingClientRect().width)]));
    // The details drawer: four lines of the name at most, inside the drawer.
    await page.getByTestId('search-input').fill('Stichting');
    await page.keyboard.press('Enter');
    const title = page.locator('#details-title');
    await title.waitFor({ timeout: 60_000 });
    const box = (await title.boundingBox())!;
    const drawer = (await page.getByTestId('details-panel').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(drawer.x + drawer.width);
    expect(box.height).toBeLessThan(5 * 1.2 * 16 * 1.5);
    expect(await title.getAttribute('title')).toBe(name);
    // The convener's introductions name it as a link that wraps within its list.
    await page.getByTestId('tab-conveners').click();
    await expect.poll(() => widths('.ana-link'), { timeout: 60_000 }).not.toEqual([]);
    for (const [width, parent] of await widths('.ana-link')) expect(width).toBeLessThanOrEqual(parent!);
    await notBlank(page);
  }, 120_000);
});

describe('a link as long as a server takes', () => {
  it('names the first values it cannot use, shortened, and counts the rest', async () => {
    const page = session.page;
    // Node's HTTP server (vite preview) takes 16 KB of request headers; nginx takes 8 KB by default.
    const sources = Array.from({ length: 1_000 }, (_, i) => `bron${i}`).join(',');
    await page.goto(`${baseUrl()}?source=${sources}&city=${'x'.repeat(4_000)}`);
    const notice = page.getByTestId('dropped-notice');
    await notice.waitFor({ timeout: 60_000 });
    const source = await notice.locator('li[data-parameter="source"]').textContent();
    expect(source).toBe(`bron: ${Array.from({ length: 10 }, (_, i) => `“bron${i}”`).join(', ')} en nog 990`);
    const city = await notice.locator('li[data-parameter="city"]').textContent();
    expect(city).toBe(`plaats: “${'x'.repeat(80)}…”`);
    expect((await notice.textContent())!.length).toBeLessThan(1000);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await notBlank(page);
  }, 120_000);
});

describe('a workbook with one value in the last cell Excel has', () => {
  // 1.6 KB that made read-excel-file build a grid of 17 billion cells: the tab ran out of memory.
  it('is refused by name in the import dialog, and the map keeps its data', async () => {
    const page = session.page;
    const file = join(dir, 'verste-cel.xlsx');
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const rows = [
      `<row r="1">${cell('A1', 'activity_id')}${cell('B1', 'organisation')}</row>`,
      `<row r="2">${cell('A2', 'P1')}${cell('B2', 'Org A')}</row>`,
      `<row r="1048576">${cell('XFD1048576', 'ver weg')}</row>`,
    ].join('');
    writeFileSync(file, makeXlsx([], new TextEncoder().encode(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`)));
    await openApp(page);
    const counts = await page.getByTestId('counts').textContent();
    await chooseFiles(page, [file]);
    const errors = page.getByTestId('import-error-list');
    await expect.poll(() => errors.textContent(), { timeout: 60_000 }).toContain('Het blad "Blad1" van "verste-cel.xlsx" loopt tot rij 1.048.576 en kolom 16.384, allebei in cel XFD1048576:');
    expect(await errors.textContent()).toContain('sla het dan op als CSV');
    await notBlank(page);
    await page.screenshot({ path: `${ARTEFACTS}/hostile-far-cell.png` });
    await page.getByRole('button', { name: 'Sluiten' }).click();
    expect(await page.getByTestId('counts').textContent()).toBe(counts);
    await notBlank(page);
  }, 120_000);
});

describe('one activity with 3,000 participants', () => {
  // "giant": 3,000 organisations, G0 its lead (4,498,500 ties); 200 activities of three of them.
  const file = join(dir, 'giant-activity.csv');
  const rows: string[][] = [];
  for (let i = 0; i < 3000; i++) rows.push(['giant', 'Een heel grote activiteit', 'project', `G${i}`, `Deelnemer ${i}`, i === 0 ? 'lead' : 'partner']);
  for (let a = 0; a < 200; a++) {
    for (let j = 0; j < 3; j++) {
      const o = (a * 7 + j * 13) % 3000;
      rows.push([`s${a}`, `Klein ${a}`, 'project', `G${o}`, `Deelnemer ${o}`, j === 0 ? 'lead' : 'partner']);
    }
  }
  writeFileSync(file, csv(['activity_id', 'activity_title', 'activity_kind', 'organisation_id', 'organisation', 'role'], rows));

  it('warns before building, offers to treat it as a listing, then shows the network the engine computes', async () => {
    const page = session.page;
    const { dataset } = (await importFiles([{ name: 'giant-activity.csv', blob: new Blob([readFileSync(file)]) }])).outcome;
    // The guard's numbers, from the same functions the analysis worker uses.
    const incidence = buildIncidence(dataset, DEFAULT_PROJECTION_RULES);
    const pairs = (3000 * 2999) / 2 + 200 * 3;
    expect(pairs).toBeGreaterThan(MAX_PROJECTED_PAIRS);
    const offered = activitiesToList(incidence, MAX_PROJECTED_PAIRS);
    expect(offered.map((a) => a.id)).toEqual(['giant']);
    const rules = { ...DEFAULT_PROJECTION_RULES, listingActivities: ['giant'] };
    const want = await expected([file], rules);

    await openApp(page);
    await chooseFiles(page, [file]);
    await page.getByTestId('import-confirm').click({ timeout: 120_000 });
    const warning = page.getByTestId('too-large');
    await warning.waitFor({ timeout: 120_000 });
    await expect(warning.textContent()).resolves.toContain(`${nl(pairs)} banden via activiteiten`);
    const items = await warning.locator('li').allTextContents();
    expect(items).toEqual([`giant: ${nl(3000)} deelnemers, ${nl((3000 * 2999) / 2)} banden`]);
    // Nothing was built: no map, no workspace behind the warning.
    expect(await page.getByTestId('graph-canvas').count()).toBe(0);
    await page.screenshot({ path: `${ARTEFACTS}/hostile-too-large.png` });

    await page.getByTestId('too-large-listings').click();
    await mapDrawn(page, want.counts, 3000, 300_000);
    await expect.poll(() => page.getByTestId('too-large').count()).toBe(0);
    await notBlank(page);
    expect(new URL(page.url()).searchParams.get('listed')).toBe('giant');
    await page.screenshot({ path: `${ARTEFACTS}/hostile-listing.png` });
    expect(session.foreign).toEqual([]);
  }, 600_000);

  it('an activity of leads only: no listing offer that cannot help, but which activity and what to change', async () => {
    // Before, the screen offered "treat these 0 activities as listings", and the button did nothing.
    const page = session.page;
    const leads = join(dir, 'all-leads.csv');
    const leadRows = Array.from({ length: 2600 }, (_, i) => ['everyone', 'Iedereen penvoerder', 'project', `L${i}`, `Leider ${i}`, 'coordinator']);
    writeFileSync(leads, csv(['activity_id', 'activity_title', 'activity_kind', 'organisation_id', 'organisation', 'role'], leadRows));
    await openApp(page);
    await chooseFiles(page, [leads]);
    await page.getByTestId('import-confirm').click({ timeout: 120_000 });
    const warning = page.getByTestId('too-large');
    await warning.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('too-large-listings').count()).toBe(0);
    const roles = page.getByTestId('too-large-roles');
    await expect(roles.textContent()).resolves.toContain(`everyone: ${nl(2600)} deelnemers, van wie ${nl(2600)} penvoerder of coördinator, ${nl((2600 * 2599) / 2)} banden`);
    await expect(roles.textContent()).resolves.toContain('importeer het bestand opnieuw');
    // Not blank: the explanation is what the page shows, with nothing built behind it.
    expect(await warning.isVisible()).toBe(true);
    expect(await page.getByTestId('graph-canvas').count()).toBe(0);
    await page.screenshot({ path: `${ARTEFACTS}/hostile-too-large-leads.png` });
    expect(session.foreign).toEqual([]);
  }, 600_000);
});

describe('a server without the built-in data file', () => {
  it('says in the reader’s language which file is missing and what to do, instead of a parser error', async () => {
    const page = session.page;
    // A static host or a dev server answers a missing file with its index page: HTML, status 200.
    await page.route('**/data/den-haag.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html></html>' }));
    try {
      await page.goto(baseUrl());
      const alert = page.getByTestId('builtin-missing');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('De ingebouwde gegevens (data/den-haag.json) ontbreken');
      expect(await alert.textContent()).toContain('npm run data');
      expect(await alert.textContent()).not.toMatch(/JSON at position|Unexpected token|Failed to execute/);
      await page.route('**/data/den-haag.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.reload();
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('(antwoord 404)');
      // The way out is there: opening one's own data.
      await expect(page.getByTestId('open-data').isVisible()).resolves.toBe(true);
    } finally {
      await page.unrouteAll();
    }
  });
});
