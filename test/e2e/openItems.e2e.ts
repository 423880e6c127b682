import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

/** Seeds through the same API the UI uses: one member with an invoice of 80 and a credit note of 55, one with 100. */
function seed() {
  const ctx = s.server.ctx;
  const lotte = call(ctx, 'debtors.create', { name: 'Lotte de Wit' });
  const koen = call(ctx, 'debtors.create', { name: 'Koen Bakker' });
  const post = (debtorId: number, cents: number) =>
    call(ctx, 'invoices.post', { id: call(ctx, 'invoices.createDraft', { debtorId, invoiceDate: '2026-09-01', description: 'Contributie 2026-2027', lines: [{ description: 'Contributie', unitPrice: cents }] }).id });
  const inv = post(lotte.id, 8_000);
  call(ctx, 'invoices.credit', { invoiceId: inv.id, date: '2026-09-05', lines: [{ description: 'Correctie', unitPrice: 5_500 }] });
  post(koen.id, 10_000);
  return { lotte, koen };
}

/** Money is formatted with a no-break space after the euro sign. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

/** The grid's item rows (the header row holds column headers, no cells). */
function rows() {
  return s.page.getByRole('grid').getByRole('row').filter({ has: s.page.getByRole('gridcell') });
}

/** Confirms the money-action dialog with its button, after checking what it says. */
async function confirm(button: string, says: (string | RegExp)[]): Promise<string> {
  const dialog = s.page.getByRole('dialog');
  await dialog.waitFor();
  const text = plain(await dialog.textContent());
  for (const part of says) expect(text).toMatch(part);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

const count = (text: string) => s.page.getByText(text, { exact: true });

describe('open items', () => {
  it('merges an invoice with a credit note, splits an item into 3 instalments, and the card shows it', async () => {
    const { lotte } = seed();
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Openstaande posten' }).click();
    await count('3 posten').waitFor();
    await s.shot('30-openstaande-posten');
    expect(await rows().count()).toBe(3);

    await page.getByLabel('Selecteer 2026-0001').check();
    await page.getByLabel('Selecteer 2026-0002').check();
    // € 80 and € -55 do not net to zero: Vereffenen says why it cannot be used
    const settle = page.getByRole('button', { name: 'Vereffenen' });
    expect(await settle.getAttribute('aria-disabled')).toBe('true');
    const why = await settle.getAttribute('aria-describedby');
    expect(plain(await page.locator(`[id="${why}"]`).textContent())).toBe('De gekozen posten moeten samen € 0,00 zijn (nu € 25,00).');
    await settle.click({ force: true }); // looks disabled but stays focusable: a click must do nothing
    expect(await rows().count()).toBe(3);
    await page.getByRole('button', { name: 'Samenvoegen' }).click();
    await confirm('Samenvoegen', ['2 posten van Lotte de Wit, samen € 25,00, worden één post van € 25,00.', 'opsplitsen']);
    await page.locator('.mantine-Notification-root').getByText('2 posten samengevoegd tot één post van € 25,00.').waitFor();
    await count('2 posten').waitFor();
    const merged = rows().filter({ hasText: 'Lotte de Wit' });
    expect(plain(await merged.textContent())).toContain('€ 25,00');
    await s.shot('31-samengevoegd');

    await rows().filter({ hasText: 'Koen Bakker' }).click();
    await page.getByRole('button', { name: 'Opsplitsen' }).click();
    const split = page.getByRole('form', { name: 'Opsplitsen' });
    await split.getByLabel('Eerste vervaldatum').fill('1-10-2026');
    await split.getByText('Termijnen: € 33,34 · € 33,33 · € 33,33').waitFor();
    await s.shot('32-opsplitsen');
    await split.getByRole('button', { name: 'Opsplitsen in 3 termijnen' }).click();
    await confirm('Opsplitsen in 3 termijnen', ['€ 33,34, € 33,33, € 33,33', 'De eerste vervalt op 01-10-2026', 'samenvoegen']);
    await count('4 posten').waitFor();
    const parts = (await rows().filter({ hasText: 'Koen Bakker' }).allTextContents()).map(plain);
    expect(parts.map((p) => p.match(/€\s?[\d.,]+/g)?.[1])).toEqual(['€ 33,34', '€ 33,33', '€ 33,33']);
    expect(parts.every((p) => p.includes('Betalingsregeling'))).toBe(true);
    await s.shot('33-opgesplitst');

    // a row's own menu: write the last instalment off, after a warning that it cannot be undone
    await rows().filter({ hasText: 'Koen Bakker' }).last().getByRole('button', { name: /^Acties voor / }).click();
    await page.getByRole('menuitem', { name: 'Afboeken' }).click();
    const writeOff = page.getByRole('form', { name: 'Afboeken' });
    await writeOff.getByRole('button', { name: 'Afboeken' }).click();
    await writeOff.getByText('verplicht').waitFor();
    await writeOff.getByLabel('Reden').fill('Lid vertrokken naar het buitenland');
    await writeOff.getByRole('button', { name: 'Afboeken' }).click();
    await confirm('Afboeken', ['€ 33,33 van post', 'Koen Bakker', 'Dit kan niet ongedaan worden gemaakt.']);
    await count('3 posten').waitFor();
    await page.locator('.mantine-Notification-root').getByRole('link', { name: 'Bekijk de debiteur' }).first().waitFor();

    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${lotte.id}`);
    await page.getByRole('heading', { name: `${lotte.number} Lotte de Wit` }).waitFor();
    await count('1 post').waitFor();
    await rows().first().click();
    await page.getByRole('button', { name: 'Geschiedenis' }).click();
    await page.getByText('Samengevoegd uit 2026-0001, 2026-0002').waitFor();
    await s.shot('34-debiteurkaart-posten');
    expect(s.problems).toEqual([]);
  });
});

describe('the open-item grid', () => {
  it('fills its card, never clips a header or wraps a date, and ellipsizes a long name with the full name on hover', async () => {
    const ctx = s.server.ctx;
    const long = 'Johanna Wilhelmina Theodora van der Meulen-Bakker de Groot';
    const d = call(ctx, 'debtors.create', { name: long });
    call(ctx, 'invoices.post', { id: call(ctx, 'invoices.createDraft', { debtorId: d.id, invoiceDate: '2026-09-01', description: 'Contributie', lines: [{ description: 'Contributie', unitPrice: 12_345 }] }).id });
    const { page } = s;
    let nameWidth = 0;
    for (const size of [{ width: 1366, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.getByRole('navigation').getByRole('link', { name: 'Openstaande posten' }).click();
      await count('1 post').waitFor();
      const grid = page.getByRole('grid');
      await s.shot(`37-posten-${size.width}`);
      const layout = await grid.evaluate((g) => {
        const clipped = (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth + 1;
        const headers = [...g.querySelectorAll('[role=columnheader]')];
        const cells = [...g.querySelectorAll('[role=row] [role=gridcell]')];
        return {
          clippedHeaders: headers.filter((h) => clipped(h) || (h.firstElementChild && clipped(h.firstElementChild))).map((h) => h.textContent),
          rowWidth: g.querySelector('[role=row]:not([aria-rowindex="1"])')!.getBoundingClientRect().width,
          gridWidth: g.clientWidth,
          scrollsSideways: g.scrollWidth > g.clientWidth,
          cardWidth: g.parentElement!.getBoundingClientRect().width,
          // a date stays on one line (nowrap), so the only way to lose it is to clip it
          dates: cells.filter((c) => /^\d\d-\d\d-\d{4}$/.test(c.textContent ?? '')).map((c) => ({ text: c.textContent, clipped: clipped(c), lines: c.getClientRects().length })),
        };
      });
      expect(layout.clippedHeaders).toEqual([]);
      expect(layout.rowWidth).toBeGreaterThanOrEqual(layout.gridWidth - 1);
      expect(layout.scrollsSideways).toBe(false);
      expect(layout.gridWidth).toBeGreaterThan(layout.cardWidth - 20);
      expect(layout.dates).toEqual([
        { text: '01-09-2026', clipped: false, lines: 1 },
        { text: expect.stringMatching(/-2026$/), clipped: false, lines: 1 },
      ]);
      const name = rows().first().getByTitle(`${d.number} ${long}`);
      const shown = await name.evaluate((el) => {
        // runs in the page, which has getComputedStyle; this test's TypeScript (Node, no DOM lib) does not know it
        const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { textOverflow: string } }).getComputedStyle(el);
        return { cut: el.scrollWidth > el.clientWidth, ellipsis: style.textOverflow, width: el.clientWidth };
      });
      expect(shown.ellipsis).toBe('ellipsis');
      // cut short with an ellipsis at 1366; a wider window gives the name column the extra room
      if (size.width === 1366) expect(shown.cut).toBe(true);
      else expect(shown.width).toBeGreaterThan(nameWidth + 150);
      nameWidth = shown.width;
    }
    expect(s.problems).toEqual([]);
  });
});

describe('invoices on the debtor card', () => {
  it('makes a manual invoice with two lines, credits it, and settles the pair', async () => {
    const ctx = s.server.ctx;
    const d = call(ctx, 'debtors.create', { name: 'Noor Visser' });
    const { page } = s;
    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${d.id}`);
    await page.getByRole('heading', { name: `${d.number} Noor Visser` }).waitFor();
    await page.getByRole('button', { name: 'Factuur maken' }).click();
    const form = page.getByRole('form', { name: 'Factuur maken' });
    await form.getByLabel('Omschrijving').fill('Baanhuur september');
    await form.getByLabel('Factuurdatum').fill('30-09-2026');
    await form.getByRole('textbox', { name: 'Regel 1' }).fill('Baan 3, 4 uur');
    await form.getByLabel('Bedrag').first().fill('60,00');
    await form.getByRole('button', { name: 'Regel toevoegen' }).click();
    await form.getByRole('textbox', { name: 'Regel 2' }).fill('Ballen');
    await form.getByLabel('Bedrag').nth(1).fill('12,5x');
    await form.getByRole('button', { name: 'Factuur boeken' }).click();
    await form.getByText('Bedrag "12,5x": schrijf het als 1.234,56').waitFor();
    await form.getByLabel('Bedrag').nth(1).fill('12,50');
    await form.getByRole('button', { name: 'Factuur boeken' }).click();
    await page.getByRole('dialog').getByText('1 factuur van € 72,50 voor Noor Visser wordt geboekt').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Factuur boeken' }).click();
    const invoices = page.getByRole('table', { name: 'Facturen' });
    await invoices.getByText('2026-0001').waitFor();
    expect(plain(await invoices.locator('tbody tr').first().textContent())).toContain('€ 72,50');
    await s.shot('35-factuur-geboekt');
    const [download] = await Promise.all([page.waitForEvent('download'), invoices.getByRole('button', { name: 'PDF 2026-0001' }).click()]);
    expect(download.suggestedFilename()).toBe('factuur-2026-0001-1001.pdf');
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await invoices.getByRole('button', { name: 'Crediteren 2026-0001' }).click();
    await page.getByRole('form', { name: 'Factuur 2026-0001 crediteren' }).getByRole('button', { name: 'Creditnota boeken' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Creditnota boeken' }).click();
    await invoices.getByText('creditnota').waitFor();
    await count('2 posten').waitFor();
    await page.getByLabel('Selecteer 2026-0001').check();
    await page.getByLabel('Selecteer 2026-0002').check();
    await page.getByRole('button', { name: 'Vereffenen' }).click();
    await page.getByText('Geen openstaande posten').waitFor();
    expect(plain(await page.getByText(/^Saldo: /).textContent())).toContain('€ 0,00');
    await s.shot('36-gecrediteerd-vereffend');
    expect(s.problems).toEqual([]);
  });
});
