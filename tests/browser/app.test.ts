import { describe, expect, it } from 'vitest';
import { analysisReady, browserSession, camera, nonBackgroundShare, openApp, probe, settledCamera } from './setup/browser';
import { bundle, keyOf, nameOf, partnersOf } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1400, height: 850 });

async function panelPartners(): Promise<string[]> {
  return session.page.locator('[data-testid="details-panel"] .partner-group li button:not([data-testid="partner-tie"])').allTextContents();
}

describe('the built-in Den Haag map', () => {
  it('draws the network on the canvas with the sector colours', async () => {
    await openApp(session.page);
    const canvas = session.page.locator('[data-testid="graph-canvas"]');
    const shot = await canvas.screenshot({ path: `${ARTEFACTS}/network.png` });
    const { share, distinctColours } = nonBackgroundShare(shot);
    expect(share).toBeGreaterThan(0.01);
    expect(distinctColours).toBeGreaterThan(8);
    await expect(session.page.getByTestId('counts').textContent()).resolves.toContain(`${bundle.dataset.organisations.length} organisaties`);
    const legend = await session.page.locator('.legend li').allTextContents();
    expect(legend.join(' ')).toContain('Zorg en welzijn');
    expect(session.foreign).toEqual([]);
  });

  it('finds "Gemeente Den Haag" by search, lists exactly its partners, and moves the camera to it', async () => {
    await openApp(session.page);
    const input = session.page.getByTestId('search-input');
    // A broad query says how many it does not show, instead of silently stopping at eight.
    await input.fill('zorg');
    await expect(session.page.getByTestId('search-more').textContent()).resolves.toMatch(/^8 van de \d+ getoond/);
    // Two-line suggestions ("ook: …") make the list taller than its box: the note stays in sight at its foot.
    await input.fill('care');
    await session.page.getByTestId('search-more').waitFor();
    const list = (await session.page.locator('.search-results').boundingBox())!;
    const note = (await session.page.getByTestId('search-more').boundingBox())!;
    expect(await session.page.locator('.search-results').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(note.y + note.height).toBeLessThanOrEqual(list.y + list.height + 1);
    await input.fill('gemeente den h');
    const options = session.page.getByRole('option');
    await expect(options.first().textContent()).resolves.toContain('Gemeente Den Haag');
    expect(await session.page.getByTestId('search-more').count()).toBe(0);
    await input.press('Enter');
    const panel = session.page.getByTestId('details-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe('Gemeente Den Haag');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Overheid');

    const shown = (await panelPartners()).sort();
    expect(shown).toEqual(partnersOf('gemeente-den-haag').map(nameOf).sort());
    // Stated in the factbook: the LUMC-Campus partners and SecuRadar with Rijswijk…
    expect(shown).toEqual(expect.arrayContaining(['Gemeente Rijswijk', nameOf('lumc'), nameOf('hagaziekenhuis'), nameOf('haaglanden-medisch-centrum')]));
    // …the municipality is not a Medical Delta partner, and RVO funds, it does not collaborate.
    expect(shown).not.toContain(nameOf('medical-delta'));
    expect(shown).not.toContain(nameOf('rvo'));
    await expect(session.page.getByTestId('details-activities').textContent()).resolves.toContain('SecuRadar');

    // The camera moved to the node: once the animation ends it is drawn near the centre of the
    // part of the canvas the details drawer leaves free (the drawer covers the right).
    const box = (await session.page.getByTestId('graph-canvas').boundingBox())!;
    const drawer = (await session.page.getByTestId('details-drawer').boundingBox())!;
    const freeCentre = (drawer.x - box.x) / 2;
    const offCentre = async () => {
      const node = (await probe(session.page, [keyOf('gemeente-den-haag')]))[keyOf('gemeente-den-haag')]!;
      return Math.max(Math.abs(node.x - freeCentre), Math.abs(node.y - box.height / 2));
    };
    await expect.poll(offCentre, { timeout: 10_000 }).toBeLessThan(40);
    expect((await camera(session.page)).ratio).toBeLessThan(1);
    await session.page.screenshot({ path: `${ARTEFACTS}/gemeente-den-haag.png` });
    expect(session.foreign).toEqual([]);
  });

  it('opens the details over the map when a node is clicked, keeps the analysis beside it, and closes them', async () => {
    await openApp(session.page);
    const key = keyOf('de-haagse-hogeschool');
    const point = (await probe(session.page, [key]))[key]!;
    const box = (await session.page.getByTestId('graph-canvas').boundingBox())!;
    await session.page.mouse.move(box.x + point.x, box.y + point.y);
    await session.page.mouse.click(box.x + point.x, box.y + point.y);
    const panel = session.page.getByTestId('details-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe(nameOf('de-haagse-hogeschool'));
    expect((await panelPartners()).length).toBe(partnersOf('de-haagse-hogeschool').length);
    // The analysis panel beside the map stays.
    await expect(session.page.locator('.intro > h2').textContent()).resolves.toBe('Over deze kaart');
    await session.page.getByRole('button', { name: 'Sluiten' }).click();
    await expect(panel.count()).resolves.toBe(0);
  });

  it('switches to English and remembers the choice', async () => {
    await openApp(session.page);
    await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await session.page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(session.page.locator('.tagline').textContent()).resolves.toContain('Where are the bridges missing');
    await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(session.page.getByTestId('counts').textContent()).resolves.toContain('organisations');
    const input = session.page.getByTestId('search-input');
    await input.fill('Gemeente Den Haag');
    await input.press('Enter');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Government');
    await expect(session.page.locator('#partners-title').textContent()).resolves.toMatch(/^Partners \(\d+\)$/);
    await session.page.screenshot({ path: `${ARTEFACTS}/english.png` });
    await session.page.reload();
    await session.page.waitForSelector('[data-testid="graph-canvas"] canvas');
    await expect(session.page.locator('.tagline').textContent()).resolves.toContain('Where are the bridges missing');
    expect(session.foreign).toEqual([]);
  });

  it('reads a corrections file as the importer reads files, and keeps its message short', async () => {
    await openApp(session.page, '?org=bobergo');
    await session.page.locator('.sector-correction summary').click();
    const input = session.page.getByTestId('corrections-import');
    const message = session.page.getByTestId('corrections-message');
    await input.setInputFiles({ name: 'correcties.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.7\n') });
    await expect.poll(() => message.textContent()).toBe('"correcties.csv" is een pdf-document, geen tabel. Oplossing: Exporteer de tabel zelf uit de bron als CSV of Excel.');
    // 200,000 ids this dataset does not have: the first remarks (the same one once) and a count, not 20 MB of text.
    await input.setInputFiles({ name: 'veel.csv', mimeType: 'text/csv', buffer: Buffer.from(`organisation_id,sector\n${'onbekend,care\n'.repeat(200_000)}`) });
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toBe('0 correcties ingelezen. Geen organisatie "onbekend" in deze gegevens; de correctie is niet gebruikt. …en nog 199.997 opmerkingen.');
    expect((await message.textContent())!.length).toBeLessThan(1000);
    expect(await message.textContent()).toMatch(/^0 correcties ingelezen\. /);
    // Over 5 MB: refused by its size, before it is read.
    await input.setInputFiles({ name: 'alles.csv', mimeType: 'text/csv', buffer: Buffer.from(`organisation_id,sector\n${'bobergo,care\n'.repeat(420_000)}`) });
    await expect.poll(() => message.textContent()).toMatch(/^"alles\.csv" is 5,\d MB; een werklijst, wat-als- of correctiebestand mag hoogstens 5 MB zijn\. Er is niets gelezen\./);
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Technologie');
  });

  it("corrects an organisation's sector as an overlay: same map, same camera, remembered after reload", async () => {
    await openApp(session.page, '?org=bobergo');
    await analysisReady(session.page);
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Technologie');
    const canvas = session.page.getByTestId('graph-canvas');
    const renderer = await canvas.getAttribute('data-renderer');
    // Move the camera somewhere of our own first.
    await session.page.getByRole('button', { name: 'Inzoomen' }).click();
    const before = await settledCamera(session.page);
    await session.page.locator('.sector-correction summary').click();
    await session.page.getByTestId('sector-select').selectOption('care');
    await expect.poll(() => session.page.getByTestId('details-sector').textContent()).toContain('Zorg en welzijn');
    const colour = async () => (await probe(session.page, [keyOf('bobergo')]))[keyOf('bobergo')]!.color;
    await expect.poll(colour).toBe('#D55E00');
    // The sigma instance and the camera stayed.
    expect(await canvas.getAttribute('data-renderer')).toBe(renderer);
    expect(await camera(session.page)).toEqual(before);
    await analysisReady(session.page);
    await session.page.reload();
    await session.page.getByTestId('details-panel').waitFor();
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Zorg en welzijn');
    expect(session.foreign).toEqual([]);
  });

  it('says when stored corrections could not be read (kept aside) or the latest could not be stored', async () => {
    // Both were silent: damaged corrections were ignored and then overwritten, a full storage lost
    // the correction at the next reload.
    await openApp(session.page, '?org=bobergo');
    await session.page.locator('.sector-correction summary').click();
    await session.page.getByTestId('sector-select').selectOption('care');
    const storedKey = () => session.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('bruggen.sectorCorrections.')) ?? '');
    await expect.poll(storedKey).not.toBe('');
    // One is one (it said "1 sectorcorrecties"; a key of its own showed the raw key).
    await expect.poll(() => session.page.locator('.sector-correction').textContent()).toContain('1 sectorcorrectie in deze dataset');
    const stored = await storedKey();
    const datasetKey = stored.slice('bruggen.sectorCorrections.'.length);
    await session.page.evaluate((k) => localStorage.setItem(k, '{"bobergo":"care","tu-delft":"ca'), stored);
    await session.page.reload();
    const damaged = session.page.getByTestId('corrections-damaged');
    await expect.poll(() => damaged.textContent()).toContain('konden niet worden gelezen');
    expect(await session.page.evaluate((k) => localStorage.getItem(`bruggen.sectorCorrectionsDamaged.${k}`), datasetKey)).toBe('{"bobergo":"care","tu-delft":"ca');
    await session.page.getByTestId('corrections-damaged-dismiss').click();
    await expect.poll(() => damaged.count()).toBe(0);
    // One entry with no known sector among good ones is counted.
    await session.page.evaluate((k) => localStorage.setItem(k, '{"bobergo":"care","tu-delft":"alien"}'), stored);
    await session.page.reload();
    await expect.poll(() => damaged.textContent()).toContain('1 bewaarde sectorcorrectie voor deze gegevens kon niet worden gelezen');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Zorg en welzijn');
    // A full storage: the correction applies, and the page says it will not outlive it.
    await session.page.evaluate(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('bruggen.sectorCorrections.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        set.call(this, key, value);
      };
    });
    await session.page.locator('.sector-correction summary').click();
    await session.page.getByTestId('sector-select').selectOption('government');
    await expect.poll(() => session.page.getByTestId('details-sector').textContent()).toContain('Overheid');
    await expect.poll(() => session.page.getByTestId('corrections-not-saved').textContent()).toContain('kon de laatste sectorcorrectie niet bewaren');
    await session.page.screenshot({ path: `${ARTEFACTS}/corrections-storage.png` });
    await session.page.evaluate((k) => localStorage.removeItem(k), stored);
  });
});
