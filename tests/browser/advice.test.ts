import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import enVocabulary from '../../src/i18n/locales/en/vocabulary.json';
import nlVocabulary from '../../src/i18n/locales/nl/vocabulary.json';
import { analysisReady, browserSession, openApp } from './setup/browser';
import { reference } from './setup/denHaag';
import { convenerIntroductions } from '../../src/worklist/introductions';

/**
 * The advice as the user reads it: how ties are made (and changing it), the missing bridges against
 * chance, conveners with what they rest on and how robust they are, the Methods text, the focal
 * municipality in any organisation's details, the data's words in the UI language, bulk sector
 * corrections, and imported data that survives a reload.
 */
const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1440, height: 900 });
const page = () => session.page;
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

describe('how ties are made', () => {
  it('explains the rules with the figures of this dataset, and re-projects when a kind stops being a listing', async () => {
    await openApp(page());
    await analysisReady(page());
    const panel = page().getByTestId('tie-rules');
    await panel.locator('summary').click();
    const counts = page().getByTestId('tie-rules-counts');
    await expect.poll(() => counts.textContent()).toContain(`${nl(reference().meta.ties)} banden`);
    // Consultations are listings by default; their ties all go to the hub.
    await expect(page().getByTestId('rules-listing-consultation').isChecked()).resolves.toBe(true);
    // Each kind's figures in words, and nothing wider than the filter column (a table of three
    // columns was cut off there).
    await expect(page().getByTestId('rules-ties-consultation').textContent()).resolves.toMatch(/^\d+ activiteiten · \d+ banden, \d+ alleen hierdoor$/);
    const [scrollWidth, clientWidth] = await page().evaluate(() => {
      const column = document.getElementById('filters-column')!;
      return [column.scrollWidth, column.clientWidth];
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const before = Number((await page().getByTestId('counts').textContent())!.match(/([\d.]+) verbindingen/)![1]!.replace(/\./g, ''));
    const map = page().getByTestId('graph-canvas');
    const rendererBefore = await map.getAttribute('data-renderer');
    const canvasesOfOneInstance = await map.locator('canvas').count();
    await page().getByTestId('rules-listing-consultation').uncheck();
    // As cliques, the consultations tie every pair of participants: many more ties, and the URL says so.
    await expect
      .poll(async () => Number((await page().getByTestId('counts').textContent())!.match(/([\d.]+) verbindingen/)![1]!.replace(/\./g, '')), { timeout: 60_000 })
      .toBeGreaterThan(before);
    expect(new URL(page().url()).searchParams.get('listing')).not.toContain('consultation');
    // A new sigma instance draws the rebuilt graph; the one it replaced stayed on screen only until then.
    await expect.poll(() => map.getAttribute('data-renderer'), { timeout: 60_000 }).not.toBe(rendererBefore);
    await expect.poll(() => map.locator('canvas').count()).toBe(canvasesOfOneInstance);
    await page().goBack();
    await expect
      .poll(async () => Number((await page().getByTestId('counts').textContent())!.match(/([\d.]+) verbindingen/)![1]!.replace(/\./g, '')), { timeout: 60_000 })
      .toBe(before);
  }, 240_000);
});

describe('missing bridges against chance', () => {
  it('says per target pair how many ties there are and what chance would give', async () => {
    await openApp(page(), '?view=bridges');
    await analysisReady(page());
    for (const p of reference().mixing.targetPairs) {
      const item = page().getByTestId(`target-pair-${p.a}-${p.b}`);
      await expect(item.getAttribute('data-missing')).resolves.toBe(String(p.missing));
      if (p.low !== undefined && p.high !== undefined) {
        // Percentiles of counts are shown as whole numbers.
        const [low, high] = [Math.round(p.low), Math.round(p.high)];
        const interval = low === high ? nl(low) : `${nl(low)}–${nl(high)}`;
        await expect(item.textContent()).resolves.toContain(`bij toeval ${interval}`);
      }
    }
    // The E–I table carries the same null.
    await expect(page().getByTestId('ei-table').textContent()).resolves.toContain('Bij toeval');
    await expect(page().getByTestId('modularity').textContent()).resolves.toMatch(/Modulariteit \d,\d\d \(resolutie 1\)/);
  });
});

describe('conveners you can defend', () => {
  it('shows coverage per sector, what each pick rests on, its robustness and its introductions', async () => {
    await openApp(page(), '?view=conveners');
    await analysisReady(page());
    const ref = reference().conveners;
    const picks = page().getByTestId('convener-pick');
    await expect(picks.count()).resolves.toBe(ref.picks.length);
    for (const s of ref.coverage) {
      await expect(page().getByTestId(`conveners-coverage-${s.sector}`).textContent()).resolves.toContain(`${nl(s.reached)} van ${nl(s.total)}`);
    }
    // "All reached" only when every target organisation is.
    const verdict = await page().getByTestId('conveners-coverage-verdict').textContent();
    if (ref.coverage.some((s) => s.reached < s.total)) expect(verdict).not.toContain('Alle organisaties');
    // Robustness arrives with its own stage; every pick gets a grade.
    await expect.poll(() => page().locator('[data-testid="convener-robustness"][data-level="pending"]').count(), { timeout: 60_000 }).toBe(0);
    for (const level of await page().getByTestId('convener-robustness').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))) {
      expect(['firm', 'fair', 'weak']).toContain(level);
    }
    // The committee's ties come from consultation lists: the card says so.
    const committee = page().locator('[data-testid="convener-pick"][data-id="commissie-werken-in-de-zorg"]');
    if (await committee.count()) {
      await expect(committee.getByTestId('convener-basis').textContent()).resolves.toMatch(/bestaan alleen door lijsten \(consultatie/);
      await expect(committee.getByTestId('convener-robustness').textContent()).resolves.toMatch(/lijsten/);
    }
    await expect(page().getByTestId('convener-introduction').count()).resolves.toBeGreaterThan(0);
    await page().screenshot({ path: `${ARTEFACTS}/conveners-advice.png` });
  });
});

describe('numbered introductions', () => {
  it('gives one number per introduction, the same wherever two conveners offer the same one', async () => {
    await openApp(page(), '?view=conveners&suggested=1&k=5');
    await analysisReady(page());
    const intros = convenerIntroductions(reference({ k: 5 }));
    const pairKey = (a: string, b: string) => [a, b].sort().join('|');
    const distinct = [...new Set(intros.map((i) => pairKey(i.a.id, i.b.id)))];
    const items = page().getByTestId('convener-introduction');
    await expect.poll(() => items.count()).toBe(intros.length);
    const shown = await items.evaluateAll((els) =>
      els.map((e) => ({ a: e.getAttribute('data-source')!, b: e.getAttribute('data-target')!, n: Number(e.querySelector('[data-testid="tie-number"] [aria-hidden]')?.textContent) })),
    );
    const numberOf = new Map<string, Set<number>>();
    for (const s of shown) numberOf.set(pairKey(s.a, s.b), (numberOf.get(pairKey(s.a, s.b)) ?? new Set()).add(s.n));
    // Each pair one number; the numbers are 1…N in the order the pairs first appear.
    expect([...numberOf.values()].every((set) => set.size === 1)).toBe(true);
    expect(distinct.map((k) => [...numberOf.get(k)!][0])).toEqual(distinct.map((_k, i) => i + 1));
  });
});

describe('methods', () => {
  it('opens at the section of the figure, keeps focus inside, and closes with Esc', async () => {
    await openApp(page(), '?view=bridges');
    await analysisReady(page());
    const link = page().getByTestId('methods-link-mixing');
    await link.click();
    const dialog = page().getByTestId('methods-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('[data-section="mixing"]').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(dialog.locator('[data-section="mixing"]').textContent()).resolves.toContain('Strona');
    for (const s of ['ties', 'clusters', 'conveners', 'robustness', 'focal', 'brokerage', 'betweenness', 'constraint', 'suggestions']) {
      await expect(dialog.locator(`[data-section="${s}"] dd`).count()).resolves.toBe(3);
    }
    await page().keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });
});

describe('the focal municipality in any organisation’s details', () => {
  it('says how many steps an organisation is from Gemeente Den Haag, and through whom', async () => {
    const row = reference().organisations.find((r) => r.focalDistance === 2)!;
    await openApp(page(), `?org=${encodeURIComponent(row.id)}`);
    const focal = page().getByTestId('details-focal');
    await expect.poll(() => focal.textContent()).toMatch(/^2 stappen van Gemeente Den Haag, via /);
    await expect(focal.getAttribute('data-steps')).resolves.toBe('2');
  });
});

/** Text of the cells of some columns of the activities table (the rows the window draws). */
async function activityCells(columns: string[]): Promise<string[]> {
  await page().getByTestId('table-tab-activities').click();
  const table = page().getByTestId('table-activities');
  await table.waitFor();
  return table.evaluate((el, cols) => {
    const heads = [...el.querySelectorAll('thead th')].map((th) => th.getAttribute('data-column'));
    const wanted = cols.map((c) => heads.indexOf(c));
    return [...el.querySelectorAll('tbody tr')].flatMap((tr) => wanted.map((i) => tr.children[i]?.textContent ?? ''));
  }, columns);
}

describe('the data in the UI language', () => {
  type Table = Record<string, Record<string, string>>;
  const [nlWords, enWords] = [nlVocabulary as Table, enVocabulary as Table];
  /** Labels that differ between the languages (so one language's label is foreign in the other). */
  const foreign = (mine: Table, other: Table) =>
    ['source', 'kind', 'role', 'theme', 'list'].flatMap((kind) =>
      Object.keys(other[kind] ?? {}).flatMap((id) => {
        const theirs = other[kind]![id]!;
        const ours = mine[kind]?.[id];
        return ours !== undefined && ours !== theirs && !Object.values(mine[kind]!).includes(theirs) ? [theirs] : [];
      }),
    );

  for (const lang of ['nl', 'en'] as const) {
    it(`shows no ${lang === 'nl' ? 'English' : 'Dutch'} data label in the ${lang === 'nl' ? 'Dutch' : 'English'} UI: filters, details, tables`, async () => {
      await page().addInitScript((l) => localStorage.setItem('bruggen.language', l), lang);
      const alien = lang === 'nl' ? foreign(nlWords, enWords) : foreign(enWords, nlWords);
      const ids = ['source', 'kind', 'role', 'theme'].flatMap((k) => Object.keys(nlWords[k] ?? {})).filter((id) => id.includes('_'));
      const check = (texts: string[], where: string) => {
        for (const text of texts) {
          for (const word of alien) expect(text === word || text.startsWith(`${word} (`) || text.includes(`: ${word}`), `${where}: "${text}" is the other language's "${word}"`).toBe(false);
          for (const id of ids) expect(text.includes(id), `${where}: raw id "${id}" in "${text}"`).toBe(false);
        }
      };
      // Filters: every facet value, all groups opened.
      await openApp(page());
      await page().locator('.filters details.facet:not([open]) > summary').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
      for (const more of await page().locator('.filters .facet button.link').all()) await more.click();
      check(await page().locator('.filters .facet-label').allTextContents(), 'filters');
      // Details of organisations with roles: the activity lines (source · kind · years · role).
      for (const id of ['de-haagse-hogeschool', 'gemeente-den-haag', 'commissie-werken-in-de-zorg']) {
        await openApp(page(), `?org=${id}`);
        const lines = page().getByTestId('details-activities').locator('.muted');
        await expect.poll(() => lines.count(), { timeout: 30_000 }).toBeGreaterThan(0);
        check((await lines.allTextContents()).flatMap((l) => l.split(' · ')), `details of ${id}`);
      }
      // Tables: kind, source and theme of the activities.
      await page().getByTestId('tab-tables').click();
      check(await activityCells(['kind', 'source', 'theme']), 'activities table');
      expect(session.foreign).toEqual([]);
    });
  }
});

describe('sector corrections in bulk', () => {
  it('previews whom a rule changes, applies it to the map and the findings, and clears it', async () => {
    await openApp(page());
    await analysisReady(page());
    await page().evaluate(() => localStorage.clear());
    const panel = page().getByTestId('sector-rule');
    await panel.locator('summary').click();
    await page().getByTestId('sector-rule-text').fill('ziekenhuis');
    await page().getByTestId('sector-rule-sector').selectOption('other');
    const preview = page().getByTestId('sector-rule-preview');
    await expect.poll(() => preview.textContent()).toMatch(/^Verandert \d+ organisaties?: /);
    const changed = Number((await preview.textContent())!.match(/Verandert (\d+)/)![1]);
    const careBefore = await page().getByTestId('filter-sector-care').locator('xpath=..').textContent();
    await page().getByTestId('sector-rule-apply').click();
    await expect.poll(() => preview.textContent()).toMatch(/nu Overig/);
    const count = (text: string | null) => Number(text!.match(/\((\d+)\)/)![1]);
    await expect.poll(async () => count(await page().getByTestId('filter-sector-care').locator('xpath=..').textContent())).toBe(count(careBefore) - changed);
    await page().getByTestId('sector-rule-clear').click();
    await expect.poll(async () => count(await page().getByTestId('filter-sector-care').locator('xpath=..').textContent())).toBe(count(careBefore));
  });
});

describe('imported data survives a reload', () => {
  it('reopens the imported dataset after a reload, lists it, and forgets it when deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-shelf-'));
    const file = join(dir, 'mijn-netwerk.csv');
    const rows = [['activity_id', 'activity_title', 'organisation_id', 'organisation', 'sector']];
    for (let a = 0; a < 4; a++) for (let o = 0; o < 3; o++) rows.push([`p${a}`, `Project ${a}`, `org${a + o}`, `Organisatie ${a + o}`, ['tech', 'care', 'government'][o]!]);
    writeFileSync(file, rows.map((r) => r.join(',')).join('\n'));

    await openApp(page());
    await page().getByTestId('open-data').click();
    await page().getByTestId('import-panel').locator('input[type=file]').setInputFiles(file);
    await page().getByTestId('import-report').waitFor({ timeout: 60_000 });
    await page().getByTestId('import-confirm').click();
    const counts = page().getByTestId('counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('6 organisaties · 4 activiteiten');
    await expect.poll(() => page().getByTestId('dataset-source').textContent()).toContain('mijn-netwerk.csv');

    await page().reload();
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('6 organisaties · 4 activiteiten');
    await page().getByTestId('open-data').click();
    const item = page().getByTestId('recent-dataset');
    await expect.poll(() => item.count()).toBe(1);
    await expect(item.textContent()).resolves.toContain('mijn-netwerk.csv');
    await page().getByTestId('recent-delete').click();
    await expect.poll(() => item.count()).toBe(0);

    await page().reload();
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain(`${nl(reference().meta.organisations)} organisaties`);
    expect(session.foreign).toEqual([]);
  }, 180_000);
});
