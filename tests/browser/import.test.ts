import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/data/import/pipeline';
import type { ColumnMapping } from '../../src/data/import/recognise';
import { buildNetwork } from '../../src/graph/network';
import { browserSession, openApp } from './setup/browser';

/**
 * "Open data" end to end: the header button opens the import panel in a dialog; a file whose
 * columns Bruggen does not recognise goes through the mapping step; the report is shown; the map
 * switches to the imported network. Nothing is sent to any other origin.
 */
const ARTEFACTS = 'test-results/screenshots';
/** The real CORDIS H2020 health files, in the repository (CC BY 4.0, see data/cordis-h2020/PROVENANCE.md). */
const CORDIS = 'data/cordis-h2020';
const FIXTURES = 'tests/fixtures/import';
const CP1252 = `${FIXTURES}/deelnemers-cp1252.csv`;

const session = browserSession({ width: 1400, height: 900 });

/** Drops files on the panel's drop zone the way a browser does (a DataTransfer with Files). */
async function drop(files: { name: string; path: string }[]) {
  const payload = files.map((f) => ({ name: f.name, bytes: [...readFileSync(f.path)] }));
  const dataTransfer = await session.page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) dt.items.add(new File([new Uint8Array(item.bytes)], item.name));
    return dt;
  }, payload);
  await session.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

async function openImport() {
  await openApp(session.page);
  await session.page.getByTestId('open-data').click();
  await session.page.getByTestId('import-panel').waitFor();
}

describe('opening your own data', () => {
  it('maps a dropped ;-separated Windows-1252 file, shows the report and then the network', async () => {
    // What the map must show, from the same pipeline in Node.
    const mapping: ColumnMapping = {
      role: 'participations',
      columns: ['activity_id', 'activity_title', 'organisation', 'organisation_type', 'city'],
      constants: {},
    };
    const expected = (await importFiles([{ name: 'deelnemers-cp1252.csv', blob: new Blob([readFileSync(CP1252)]) }], { mappings: new Map([['t0', mapping]]) })).outcome;
    const ties = buildNetwork(expected.dataset).projection.ties.m;

    await openImport();
    await drop([{ name: 'deelnemers-cp1252.csv', path: CP1252 }]);
    const step = session.page.getByTestId('mapping-step');
    await step.waitFor();
    await expect(step.textContent()).resolves.toContain('codering windows-1252');
    await expect(step.textContent()).resolves.toContain('Robotica Zoë B.V.');
    await expect(session.page.getByTestId('mapping-continue').isDisabled()).resolves.toBe(true);
    await session.page.selectOption('select[data-column="Trajectcode"]', 'activity_id');
    await session.page.selectOption('select[data-column="Trajectnaam"]', 'activity_title');
    await session.page.selectOption('select[data-column="Betrokkene"]', 'organisation');
    await session.page.selectOption('select[data-column="Soort betrokkene"]', 'organisation_type');
    await session.page.screenshot({ path: `${ARTEFACTS}/import-mapping.png` });
    await session.page.getByTestId('mapping-continue').click();

    await session.page.getByTestId('import-report').waitFor();
    await expect(session.page.getByTestId('import-summary').textContent()).resolves.toContain('15 rijen gelezen: 14 gebruikt, 0 samengevoegd (dubbel), 1 afgewezen.');
    const rejected = session.page.locator('[data-testid="import-problems"] [data-code="missing-activity-id"]');
    await expect(rejected.textContent()).resolves.toContain('rij 16 · Trajectcode');
    await expect(session.page.getByTestId('duplicates').textContent()).resolves.toContain('De Haagse Hogeschool = Haagse Hogeschool');
    await session.page.screenshot({ path: `${ARTEFACTS}/import-report.png` });
    await session.page.getByTestId('import-confirm').click();

    await session.page.waitForFunction(
      (n) => document.querySelector('[data-testid="counts"]')?.textContent?.startsWith(`${n} organisaties`) && document.querySelector('[data-testid="graph-canvas"][data-camera]'),
      expected.dataset.organisations.length,
      { timeout: 30_000 },
    );
    await expect(session.page.getByTestId('counts').textContent()).resolves.toContain(
      `${expected.dataset.organisations.length} organisaties · ${expected.dataset.activities.length} activiteiten · ${ties} verbindingen`,
    );
    await session.page.screenshot({ path: `${ARTEFACTS}/import-network.png` });
    expect(session.foreign).toEqual([]);
  });

  it("keeps an import's complete report with it: downloadable once opened, and again after a reload from the browser's copy", async () => {
    // 250 organisations whose sectors are inferred: more notes of one kind than the page is sent
    // one by one, so the complete report travels as CSV bytes (copies go to the shelf's worker).
    const rows = Array.from({ length: 250 }, (_x, i) => `A${Math.floor(i / 2)},Organisatie ${i}`);
    await openImport();
    await session.page
      .getByTestId('import-panel')
      .locator('input[type=file]')
      .setInputFiles({ name: 'veel.csv', mimeType: 'text/csv', buffer: Buffer.from(`activity_id,organisation\n${rows.join('\n')}\n`) });
    await session.page.getByTestId('import-confirm').click({ timeout: 60_000 });
    const opened = () => session.page.waitForFunction(() => document.querySelector('[data-testid="counts"]')?.textContent?.startsWith('250 organisaties'), null, { timeout: 60_000 });
    await opened();
    const inferredLines = async () => {
      const [file] = await Promise.all([session.page.waitForEvent('download'), session.page.getByTestId('download-report').click()]);
      const text = readFileSync((await file.path())!, 'utf8');
      return text.split('\n').filter((line) => line.includes('sector-inferred')).length;
    };
    expect(await inferredLines()).toBe(250);
    await session.page.reload();
    await opened();
    expect(await inferredLines()).toBe(250);
    expect(session.foreign).toEqual([]);
  });

  it('says precisely what is wrong with a broken file, and with an empty one', async () => {
    await openImport();
    await drop([{ name: 'broken.csv', path: `${FIXTURES}/broken.csv` }]);
    const error = session.page.getByTestId('import-error');
    await error.waitFor();
    // Worded in the interface's language from the problem's code and parameters.
    await expect(error.locator('[data-code="binary-file"]').textContent()).resolves.toContain('"broken.csv" is geen tekstbestand');
    await session.page.screenshot({ path: `${ARTEFACTS}/import-error.png` });
    await session.page.getByTestId('import-panel').locator('input[type=file]').setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect(session.page.getByTestId('import-error').locator('[data-code="empty-file"]').textContent()).resolves.toContain('Het bestand is leeg (0 bytes)');
    expect(session.foreign).toEqual([]);
  });
  it('tells two files with the same name apart in its report (the browser gives names, not folders)', async () => {
    await openImport();
    const file = (text: string) => ({ name: 'deelnemers.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await session.page
      .getByTestId('import-panel')
      .locator('input[type=file]')
      .setInputFiles([file('activity_id,organisation\nA,Zorg BV\n'), file('activity_id,organisation\nB,Tech BV\nB,Zorg BV\n,Leeg BV\n')]);
    await session.page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    const rows = await session.page.getByTestId('import-files').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td, th')?.textContent));
    expect(rows).toEqual(['deelnemers.csv', 'deelnemers.csv (2)']);
    await expect(session.page.locator('[data-testid="import-problems"] [data-code="missing-activity-id"]').textContent()).resolves.toContain('deelnemers.csv (2)');
  });

  it('says so when the copy this browser kept of an import is damaged, and opens the built-in data (it showed a raw error on every reload)', async () => {
    await openImport();
    const rows = 'activity_id,organisation\nA,Zorg BV\nA,Tech BV\n';
    await session.page.getByTestId('import-panel').locator('input[type=file]').setInputFiles({ name: 'klein.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
    await session.page.getByTestId('import-confirm').click();
    await expect.poll(() => session.page.getByTestId('counts').textContent(), { timeout: 60_000 }).toMatch(/^2 organisaties/);
    // Damage the stored report, as another version or a hand-edited database might.
    await expect.poll(() => session.page.evaluate(() => localStorage.getItem('bruggen.activeDataset')), { timeout: 30_000 }).not.toBeNull();
    await session.page.evaluate(async () => {
      const key = localStorage.getItem('bruggen.activeDataset')!;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('bruggen');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve) => {
        const store = db.transaction('datasets', 'readwrite').objectStore('datasets');
        const get = store.get(key);
        get.onsuccess = () => {
          store.put({ ...get.result, report: null }).onsuccess = () => resolve();
        };
      });
      db.close();
    });
    await session.page.reload();
    const notice = session.page.getByTestId('shelf-damaged');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('De opgeslagen kopie van “klein.csv” in deze browser is beschadigd.');
    await expect.poll(() => session.page.getByTestId('counts').textContent(), { timeout: 60_000 }).toMatch(/^229 organisaties/);
    await session.page.screenshot({ path: `${ARTEFACTS}/shelf-damaged.png` });
    await session.page.getByTestId('shelf-damaged-dismiss').click();
    expect(await notice.count()).toBe(0);
    // Taken off the shelf: the next reload is quiet.
    await session.page.reload();
    await expect.poll(() => session.page.getByTestId('counts').textContent(), { timeout: 60_000 }).toMatch(/^229 organisaties/);
    expect(await notice.count()).toBe(0);
    // A dataset to reopen that this browser no longer keeps is said too (it opened the built-in data without a word).
    await session.page.evaluate(() => localStorage.setItem('bruggen.activeDataset', 'weg.csv#123'));
    await session.page.reload();
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('“weg.csv”, de gegevens die de vorige keer open stonden, worden niet meer bewaard in deze browser.');
    expect(await session.page.evaluate(() => localStorage.getItem('bruggen.activeDataset'))).toBeNull();
    expect(session.foreign).toEqual([]);
  });

  it('imports the real CORDIS SC1 files in the browser with the same counts as the converter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cordis-browser-'));
    const summaryFile = join(dir, 'summary.json');
    const projects = join(CORDIS, 'sc1_nl_projects.csv');
    const participations = join(CORDIS, 'sc1_nl_participations.csv');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/convert-cordis.ts', projects, participations, '-o', join(dir, 'out.csv'), '--json', summaryFile], { stdio: 'pipe' });
    const converted = JSON.parse(readFileSync(summaryFile, 'utf8')) as { rowsRead: number; rowsUsed: number; rowsMerged: number; rowsRejected: number; organisations: number; activities: number };

    await openImport();
    await session.page.getByTestId('import-panel').locator('input[type=file]').setInputFiles([projects, participations]);
    await session.page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    const summary = await session.page.getByTestId('import-summary').textContent();
    const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    expect(summary).toContain(`${nl(converted.rowsRead)} rijen gelezen: ${nl(converted.rowsUsed)} gebruikt, ${nl(converted.rowsMerged)} samengevoegd (dubbel), ${nl(converted.rowsRejected)} afgewezen.`);
    await session.page.getByTestId('import-confirm').click();
    await expect
      .poll(() => session.page.getByTestId('counts').textContent(), { timeout: 60_000 })
      .toContain(`${nl(converted.organisations)} organisaties · ${nl(converted.activities)} activiteiten`);
    expect(session.foreign).toEqual([]);
  }, 180_000);
});
