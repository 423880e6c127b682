import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { refundReturned, simulatedBank, transfer } from '../helpers/bankSimulator';
import { stornoStory } from '../helpers/bankSimulator/story';
import type { TestLedger } from '../helpers/ledger';
import { type Session, withClub } from './harness';

/**
 * Issue 11's "done when" in browser mode: the bank simulator writes what the bank sends back for a
 * club's own saved collection and refund run (the batch credit, 12 returns with five reason codes,
 * transfers of which three partial and one overpaid, two refunds leaving; then one refund the
 * member's bank sends back and a payment Penning cannot place). The treasurer drops the files on
 * Bankafschriften, reads the explanations, matches the last payment by hand, and the next
 * collection proposal re-presents the AM04 item and leaves the MD06 item for dunning.
 */
let s: Session;
withClub((session) => {
  s = session;
});

const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.text], f.name, { type: 'application/octet-stream' }));
    const target = document.querySelector('[data-testid="statement-drop"]');
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
}

async function importDropped(page: Page, name: string, entries: number): Promise<string> {
  const card = page.getByRole('region', { name });
  await card.getByRole('button', { name: `${entries} regels inlezen` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inlezen en boeken' }).click();
  const note = page.getByText(new RegExp(`^${name.replace(/\./g, '\\.')} ingelezen`));
  await note.waitFor();
  return plain(await note.textContent());
}

describe('the storno loop in the browser', () => {
  it('imports the bank\u2019s files, explains every match, takes a manual match, and the next proposal re-presents AM04 but not MD06', async () => {
    const { page } = s;
    const ctx = s.server.ctx;
    const story = stornoStory({ ctx, ledger: { db: ctx.db } } as unknown as TestLedger, { directDebits: 20, transfers: 20 });
    const bank = simulatedBank(story.account);
    const last = story.files.camt053.statements.at(-1)!;
    // a day later: one refund comes back (account closed), and a partial payer pays the rest from an account Penning does not know
    const partial = story.expected.transfers.find((x) => x.remaining > 0)!;
    const laterDay = '2026-12-15';
    const later = bank.statement({
      date: laterDay,
      opening: last.closing,
      entries: [
        refundReturned(story.refundBatch.transactions[0]!, 'AC04'),
        transfer({ from: { name: 'Fam. Onbekend', iban: 'NL71RABO5901576359' }, amount: partial.remaining, text: 'restant contributie', bookingDate: laterDay }),
      ],
    }, { fileName: 'ING-2026-12-15.xml' });
    const storyEntries = story.files.camt053.statements.reduce((n, x) => n + x.entries, 0);

    await page.getByRole('navigation').getByRole('link', { name: 'Bankafschriften' }).click();
    await page.getByRole('heading', { name: 'Nog geen afschriften', level: 2 }).waitFor();
    await dropFiles(page, [
      { name: 'ING-2026-11.xml', text: story.files.camt053.xml! },
      { name: later.fileName, text: later.xml! },
    ]);
    await page.getByRole('region', { name: later.fileName }).getByRole('button', { name: '2 regels inlezen' }).waitFor();
    await s.shot('70-storno-twee-bestanden');
    const first = await importDropped(page, 'ING-2026-11.xml', storyEntries);
    const waiting = call(ctx, 'statements.entries', { filter: 'unmatched' }).entries.map((e) => `${e.amount} ${e.explanation.nl}`);
    expect(first, waiting.join(' | ')).toContain(`${storyEntries} regels, ${storyEntries - story.expected.matched.unmatched} gekoppeld, ${story.expected.matched.unmatched} nog te koppelen`);
    const second = await importDropped(page, later.fileName, 2);
    expect(second).toContain('2 regels, 1 gekoppeld, 1 nog te koppelen');
    await page.getByRole('table', { name: 'Ingelezen afschriften' }).waitFor();
    await s.shot('71-storno-afschriften');

    // every match says why: returns with the reason in Dutch, partial and overpaid transfers, refunds out and back
    await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/regels`);
    const entries = page.getByRole('table', { name: 'Bankregels' });
    await entries.waitFor();
    await page.getByRole('region', { name: 'Bankregels' }).getByText(/\d+ regels/).first().waitFor();
    const text = plain(await entries.textContent());
    for (const expected of ['onvoldoende saldo (AM04)', 'terugboeking door de betaler (MD06)', 'reden niet opgegeven door de bank (MS03)', 'rekening opgeheven (AC04)', 'deels betaald', 'te veel betaald', 'Terugbetaling TRB-', 'teruggekomen van de bank van de ontvanger']) {
      expect(text, expected).toContain(expected);
    }
    await entries.getByText('terugbetaling retour AC04', { exact: true }).waitFor();
    await s.shot('72-storno-regels-uitleg');

    // the payment Penning could not place, matched by hand to the partial payer's item
    await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/regels?filter=unmatched`);
    await entries.getByRole('button', { name: /^Koppelen: .*Fam\. Onbekend/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Bankregel' });
    await drawer.getByRole('region', { name: 'Voorstellen' }).getByRole('checkbox', { name: new RegExp(partial.document) }).first().check();
    await s.shot('73-storno-met-de-hand');
    await drawer.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await page.getByRole('dialog', { name: 'Betaling koppelen' }).getByRole('button', { name: 'Koppelen' }).click();
    await drawer.getByText('met de hand gekoppeld', { exact: true }).waitFor();
    expect(call(ctx, 'items.list', { debtorId: partial.debtorId, status: 'all', limit: 10 }).items.find((i) => i.id === partial.itemId)!.balance).toBe(0);
    await page.keyboard.press('Escape');

    // the storno list: what Penning did per reason code
    await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/stornos`);
    const returns = page.getByRole('table', { name: "Storno's" });
    await returns.getByText('volgende incasso opnieuw aanbieden', { exact: true }).first().waitFor();
    await s.shot('74-storno-lijst');

    // the next collection: the AM04 item re-presented, the MD06 item not (it waits for dunning)
    const am04 = story.expected.returns.find((r) => r.reason === 'AM04')!;
    const md06 = story.expected.returns.find((r) => r.reason === 'MD06')!;
    const name = (debtorId: number) => call(ctx, 'debtors.get', { id: debtorId }).name;
    await page.getByRole('navigation').getByRole('link', { name: 'Incasso' }).click();
    await page.getByRole('button', { name: 'Nieuwe incasso' }).click();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    const proposed = page.getByRole('table', { name: "Voorgestelde incasso's" });
    await proposed.waitFor();
    const am04Row = proposed.getByRole('row').filter({ hasText: name(am04.debtorId) });
    await am04Row.getByText('opnieuw aangeboden').waitFor();
    expect(await proposed.getByRole('row').filter({ hasText: name(md06.debtorId) }).count()).toBe(0);
    const whyNot = page.getByRole('region', { name: 'Niet voorgesteld' });
    await whyNot.getByRole('button', { name: /teruggeboekt/ }).first().click();
    await whyNot.getByRole('row').filter({ hasText: name(md06.debtorId) }).first().waitFor();
    expect(plain(await whyNot.getByRole('row').filter({ hasText: name(md06.debtorId) }).first().textContent())).toMatch(/MD06/);
    await s.shot('75-storno-volgende-incasso');
    expect(s.problems).toEqual([]);
  }, 300_000);
});
