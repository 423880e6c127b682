import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/api/contract';
import { call } from '../../electron/api';
import { StatementReadError } from '../../electron/statements/model';
import { readBankFile } from '../../electron/statements/read';
import { openSession, type Session } from './harness';
import { dropFiles } from './pages/dropFiles';

/**
 * Issue 11 in the UI: a camt.053 written from a saved batch of the demo club (its batch credit by
 * PmtInfId, one return with its reason code, one member's transfer Penning cannot place) is
 * dropped on Bankafschriften, previewed, imported after the confirmation; the batch shows as
 * credited, the storno with its reason in Dutch, and the transfer is matched by hand.
 */
const root = path.resolve(__dirname, '../..');
const AXE = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s?.close();
});

const euros = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface CamtEntry {
  amount: number;
  date: string;
  ref: string;
  code: [string, string, string];
  batch?: { messageId: string; paymentInfoId: string; count: number };
  tx?: { endToEndId?: string; mandateId?: string | null; name: string; iban: string; text?: string; returnCode?: string };
}

/** A camt.053.001.02 as a Dutch bank writes it (ING's layout): balances, one Ntry per booking. */
function camt053(o: { iban: string; id: string; from: string; to: string; opening: number; entries: CamtEntry[] }): string {
  const closing = o.opening + o.entries.reduce((sum, e) => sum + e.amount, 0);
  const bal = (code: string, amount: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${euros(Math.abs(amount))}</Amt><CdtDbtInd>${amount < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const ntry = (e: CamtEntry) => {
    const party = e.tx
      ? `<RltdPties><Dbtr><Nm>${esc(e.tx.name)}</Nm></Dbtr><DbtrAcct><Id><IBAN>${e.tx.iban}</IBAN></Id></DbtrAcct></RltdPties>`
      : '';
    const refs = e.tx?.endToEndId ? `<Refs><EndToEndId>${e.tx.endToEndId}</EndToEndId>${e.tx.mandateId ? `<MndtId>${e.tx.mandateId}</MndtId>` : ''}</Refs>` : '';
    const tx = e.tx
      ? `<TxDtls>${refs}<AmtDtls><TxAmt><Amt Ccy="EUR">${euros(Math.abs(e.amount))}</Amt></TxAmt></AmtDtls>${party}${e.tx.text ? `<RmtInf><Ustrd>${esc(e.tx.text)}</Ustrd></RmtInf>` : ''}${e.tx.returnCode ? `<RtrInf><Rsn><Cd>${e.tx.returnCode}</Cd></Rsn></RtrInf>` : ''}</TxDtls>`
      : '';
    const batch = e.batch ? `<Btch><MsgId>${e.batch.messageId}</MsgId><PmtInfId>${e.batch.paymentInfoId}</PmtInfId><NbOfTxs>${e.batch.count}</NbOfTxs></Btch>` : '';
    return `<Ntry><Amt Ccy="EUR">${euros(Math.abs(e.amount))}</Amt><CdtDbtInd>${e.amount < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>${e.tx?.returnCode ? '<RvslInd>true</RvslInd>' : ''}<Sts>BOOK</Sts><BookgDt><Dt>${e.date}</Dt></BookgDt><ValDt><Dt>${e.date}</Dt></ValDt><AcctSvcrRef>${e.ref}</AcctSvcrRef><BkTxCd><Domn><Cd>${e.code[0]}</Cd><Fmly><Cd>${e.code[1]}</Cd><SubFmlyCd>${e.code[2]}</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>${batch}${tx}</NtryDtls></Ntry>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${o.id}-MSG</MsgId><CreDtTm>${o.to}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${o.id}</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>${o.to}T06:00:00</CreDtTm><FrToDt><FrDtTm>${o.from}T00:00:00</FrDtTm><ToDtTm>${o.to}T23:59:59</ToDtTm></FrToDt>
<Acct><Id><IBAN>${o.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', o.opening, o.from)}${bal('CLBD', closing, o.to)}
${o.entries.map(ntry).join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
}

/** The XML reader lives on branch stmt-xml; until the lead merges it, reading a camt says so. */
const XML_READER_MERGED = (() => {
  try {
    readBankFile(Buffer.from(camt053({ iban: 'NL91ABNA0417164300', id: 'PROBE', from: '2026-11-02', to: '2026-11-02', opening: 0, entries: [] })));
    return true;
  } catch (e) {
    return !(e instanceof StatementReadError && /nog niet gelezen/.test(e.nl));
  }
})();

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // through the DevTools protocol, which the page's CSP (script-src 'self') does not govern; the CSP stays in force for the app
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(root, 'test', 'e2e', 'screenshots', `${name}.png`), fullPage: true });
}

async function demoClub(): Promise<void> {
  call(s.server.ctx, 'setup.demo', {});
  await s.page.reload();
  await s.page.getByRole('navigation').getByRole('link', { name: 'Bankafschriften' }).waitFor();
}

describe('Bankafschriften', () => {
  it('the contract has the statements methods the screen calls', () => {
    // loud, not skipped: after the merge the screen needs every one of these
    for (const m of ['statements.preview', 'statements.import', 'statements.list', 'statements.entries', 'statements.suggestions', 'statements.match', 'statements.inTransit', 'statements.returns', 'statements.settings.save'] as const) expect(METHODS).toContain(m);
  });

  it('says what to do next, and refuses a file that is no bank statement by its name', async () => {
    const { page } = s;
    await demoClub();
    await page.getByRole('navigation').getByRole('link', { name: 'Bankafschriften' }).click();
    await page.getByRole('heading', { name: 'Nog geen afschriften', level: 2 }).waitFor();
    await page.getByText('Download een camt.053 of MT940 bij je bank en sleep het hierheen.').waitFor();
    await page.getByRole('button', { name: 'Kies bestanden' }).waitFor();
    // a file dropped beside the zone is not opened by the browser in place of Penning, nor read
    expect(await dropFiles(page, [{ name: 'naast.xml', text: '<x/>' }], 'h1')).toBe(true);
    expect(await dropFiles(page, [{ name: 'boodschappen.txt', text: 'melk, brood, kaas\n' }])).toBe(true);
    const card = page.getByRole('region', { name: 'boodschappen.txt' });
    await card.getByRole('alert').filter({ hasText: 'boodschappen.txt is niet ingelezen' }).waitFor();
    expect(plain(await card.getByRole('alert').textContent())).toContain('Dit is geen bankafschrift dat Penning kent (camt.052/053/054, pain.002 of MT940)');
    expect(call(s.server.ctx, 'statements.list', {})).toEqual([]);
    expect(await page.getByRole('region', { name: 'naast.xml' }).count()).toBe(0);

    // the other tabs are empty and say why
    await page.getByRole('tab', { name: 'Incasso onderweg' }).click();
    await page.getByRole('heading', { name: 'Niets onderweg' }).waitFor();
    await page.getByRole('tab', { name: "Storno's" }).click();
    await page.getByRole('heading', { name: "Geen storno's" }).waitFor();
    expect(await seriousViolations(page, 'bankafschriften-leeg')).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it('keeps the storno policy under Instellingen, refusing a limit of 0 at its field', async () => {
    const { page } = s;
    await demoClub();
    await page.goto(`${s.server.url.split('?')[0]}#/instellingen/storno`);
    const form = page.getByRole('form', { name: "Storno's" });
    await form.getByLabel('MD06: terugboeking door de betaler').waitFor();
    expect(await form.getByLabel('AM04: onvoldoende saldo').inputValue()).toBe('represent');
    await form.getByLabel('Van de incasso af na zoveel weigeringen').fill('0');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.mantine-InputWrapper-error').first().waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.name')).toBe('refusalLimit');
    expect(call(s.server.ctx, 'statements.settings.get', {}).refusalLimit).not.toBe(0);

    await form.getByLabel('Van de incasso af na zoveel weigeringen').fill('3');
    await form.getByLabel('Stornokosten').fill('7,50');
    await form.getByLabel('MS03: reden niet opgegeven door de bank').selectOption('dun');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Stornobeleid opgeslagen.').waitFor();
    const saved = call(s.server.ctx, 'statements.settings.get', {});
    expect(saved).toMatchObject({ refusalLimit: 3, fee: 750 });
    expect(saved.actions.MS03).toBe('dun');
    await shot(page, 'stmt-instellingen-stornos-nl');
    expect(s.problems).toEqual([]);
  });

  // Runs once the lead has merged the camt reader (branch stmt-xml); until then the reader is a
  // placeholder that refuses every XML file, and this story cannot be told.
  describe.runIf(XML_READER_MERGED)('a camt.053 from the demo club\u2019s own batch (needs the XML reader)', () => {
    it('imports by drop, shows the credited batch and the storno with its reason, and matches a transfer by hand', async () => {
      const { page } = s;
      await demoClub();
      const ctx = s.server.ctx;
      const settings = call(ctx, 'settings.get', {});
      const account = settings.bankAccounts[0]!;
      const calendar = call(ctx, 'collections.calendar', {});
      const batch = call(ctx, 'collections.create', { collectionDate: calendar.earliestDate });
      const { transactions } = call(ctx, 'batches.get', { id: batch.id, limit: 5000, offset: 0 });
      const file = call(ctx, 'batches.file', { id: batch.id, fileNo: 1 });
      const paymentInfoId = /<PmtInfId>([^<]+)<\/PmtInfId>/.exec(file.xml)![1]!;
      const total = transactions.reduce((sum, x) => sum + x.amount, 0);
      const returned = transactions[3]!;
      // a member on transfer pays from a family account Penning does not know, without the invoice number
      const payer = call(ctx, 'debtors.list', { limit: 1000 }).debtors.find((d) => d.paymentMethod === 'transfer' && d.balance > 0)!;
      const payerItem = call(ctx, 'items.list', { debtorId: payer.id, status: 'open', limit: 50 }).items[0]!;
      const surname = payer.name.split(' ').at(-1)!;
      const bankBalance = call(ctx, 'accounts.list', {}).find((a) => a.id === account.ledgerAccountId)!.balance;
      const day = calendar.earliestDate;
      const xml = camt053({
        iban: account.iban,
        id: 'STMT-2026-001',
        from: day,
        to: day,
        opening: bankBalance,
        entries: [
          { amount: total, date: day, ref: 'BANKREF-1', code: ['PMNT', 'IDDT', 'ESDD'], batch: { messageId: file.messageId, paymentInfoId, count: transactions.length } },
          { amount: -returned.amount, date: day, ref: 'BANKREF-2', code: ['PMNT', 'IDDT', 'UPDD'], tx: { endToEndId: returned.endToEndId, mandateId: returned.mandateReference, name: returned.name, iban: returned.iban, returnCode: 'AM04' } },
          { amount: payerItem.balance, date: day, ref: 'BANKREF-3', code: ['PMNT', 'RCDT', 'ESCT'], tx: { name: `Fam. ${surname}`, iban: 'NL39RABO0300065264', text: 'contributie kinderen' } },
        ],
      });
      const foreign = camt053({ iban: 'NL02RABO0123456789', id: 'OTHER-1', from: day, to: day, opening: 0, entries: [] });

      await page.getByRole('navigation').getByRole('link', { name: 'Bankafschriften' }).click();
      await page.getByRole('heading', { name: 'Nog geen afschriften', level: 2 }).waitFor();
      await dropFiles(page, [
        { name: 'ING-afschrift.xml', text: xml },
        { name: 'spaarrekening.xml', text: foreign },
      ]);
      const card = page.getByRole('region', { name: 'ING-afschrift.xml' });
      const importButton = card.getByRole('button', { name: '3 regels inlezen' });
      await importButton.waitFor();
      expect(plain(await card.getByRole('table').textContent())).toContain('klopt');
      // the other account's file says why it cannot be imported, under its own name
      const other = page.getByRole('region', { name: 'spaarrekening.xml' });
      const refused = other.getByRole('button', { name: /inlezen/ });
      await refused.waitFor();
      expect(await refused.getAttribute('aria-disabled')).toBe('true');
      expect(plain(await page.locator(`[id="${await refused.getAttribute('aria-describedby')}"]`).textContent())).toContain('Rekening NL02 RABO 0123 4567 89 is niet van de vereniging');
      await other.getByText(/Rekening NL02 RABO 0123 4567 89 is niet van de vereniging/).first().waitFor();
      await shot(page, 'stmt-01-voorbeeld-nl');

      await importButton.click();
      const dialog = page.getByRole('dialog');
      expect(plain(await dialog.textContent())).toMatch(/Penning boekt 1 afschrift met 3 regels: € [\d.,]+ bij en € [\d.,]+ af/);
      await dialog.getByRole('button', { name: 'Inlezen en boeken' }).click();
      await page.getByText(/ING-afschrift\.xml ingelezen: 3 regels, 2 gekoppeld, 1 nog te koppelen, 0 al eerder ingelezen/).waitFor();
      const list = page.getByRole('table', { name: 'Ingelezen afschriften' });
      await list.waitFor();
      await shot(page, 'stmt-02-afschriften-nl');

      await page.getByRole('link', { name: 'Bekijk het afschrift' }).click();
      const entries = page.getByRole('table', { name: 'Bankregels' });
      await entries.getByText('incasso bijgeschreven', { exact: true }).waitFor();
      await entries.getByText('storno AM04', { exact: true }).waitFor();
      await entries.getByText('onvoldoende saldo', { exact: true }).waitFor();
      await entries.getByText('niet gekoppeld', { exact: true }).waitFor();
      expect(await seriousViolations(page, 'afschrift')).toEqual([]);
      await shot(page, 'stmt-03-afschrift-nl');

      // the Overzicht's to-do list leads to the entry that waits
      await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
      await page.getByRole('link', { name: /1 bankregel te koppelen/ }).waitFor();
      await shot(page, 'stmt-00-overzicht-nl');
      await page.getByRole('link', { name: /1 bankregel te koppelen/ }).click();
      await page.waitForURL(/#\/bankafschriften\/regels\?filter=unmatched$/);
      await page.getByRole('region', { name: 'Bankregels' }).getByText('1 regel', { exact: true }).waitFor();
      expect(await page.getByRole('radio', { name: 'Niet gekoppeld' }).isChecked()).toBe(true);
      expect(await entries.locator('tbody tr').count()).toBe(1);
      await shot(page, 'stmt-03b-te-koppelen-nl');

      // the transfer, by hand: the member is among the suggestions, her item ticked, Koppelen
      await entries.getByRole('button', { name: new RegExp(`^Koppelen: .*Fam\\. ${surname}`) }).click();
      const drawer = page.getByRole('dialog', { name: 'Bankregel' });
      const suggestion = drawer.getByRole('region', { name: 'Voorstellen' });
      await suggestion.getByRole('checkbox', { name: new RegExp(payerItem.document) }).first().check();
      await drawer.getByText(/Gekozen €\s[\d.,]+ van €\s[\d.,]+/).waitFor();
      await shot(page, 'stmt-04-koppelen-nl');
      await drawer.getByRole('button', { name: 'Koppelen', exact: true }).click();
      await page.getByRole('dialog', { name: 'Betaling koppelen' }).getByRole('button', { name: 'Koppelen' }).click();
      await page.getByText(`Gekoppeld aan ${payer.name}.`).waitFor();
      await drawer.getByText('met de hand gekoppeld', { exact: true }).waitFor();
      const balanceOfItem = () => call(ctx, 'items.list', { debtorId: payer.id, status: 'all', limit: 50 }).items.find((i) => i.id === payerItem.id)!.balance;
      expect(balanceOfItem()).toBe(0);

      // undone with a reason (the wrong member, say), and matched again
      await drawer.getByLabel('Waarom ontkoppelen?').fill('verkeerd lid gekozen');
      await drawer.getByRole('button', { name: 'Ontkoppelen' }).click();
      const undoDialog = page.getByRole('dialog', { name: 'Ontkoppelen' });
      expect(plain(await undoDialog.textContent())).toMatch(/De boeking van € [\d.,]+ wordt tegengeboekt; de posten staan weer open/);
      await undoDialog.getByRole('button', { name: 'Ontkoppelen' }).click();
      await page.getByText('Ontkoppeld: de regel wacht weer op een koppeling.').waitFor();
      await drawer.getByText('niet gekoppeld', { exact: true }).waitFor();
      expect(balanceOfItem()).toBe(payerItem.balance);
      await suggestion.getByRole('checkbox', { name: new RegExp(payerItem.document) }).first().check();
      await drawer.getByRole('button', { name: 'Koppelen', exact: true }).click();
      await page.getByRole('dialog', { name: 'Betaling koppelen' }).getByRole('button', { name: 'Koppelen' }).click();
      await drawer.getByText('met de hand gekoppeld', { exact: true }).waitFor();
      expect(balanceOfItem()).toBe(0);
      await page.keyboard.press('Escape');

      // the storno list and Incasso onderweg explain what happened
      await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/stornos`);
      const returns = page.getByRole('table', { name: "Storno's" });
      await returns.getByText('onvoldoende saldo', { exact: true }).waitFor();
      await returns.getByText('volgende incasso opnieuw aanbieden', { exact: true }).waitFor();
      await shot(page, 'stmt-05-stornos-nl');
      await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/onderweg?batch=${batch.id}`);
      await page.getByRole('table', { name: 'Incasso onderweg' }).getByText(batch.reference).waitFor();
      await shot(page, 'stmt-06-onderweg-nl');
      expect(await seriousViolations(page, 'onderweg')).toEqual([]);

      // English, the same screens
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften`);
      await page.getByRole('table', { name: 'Imported statements' }).waitFor();
      await shot(page, 'stmt-02-afschriften-en');
      await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/regels`);
      await page.getByRole('table', { name: 'Bank entries' }).getByText('return AM04', { exact: true }).waitFor();
      await shot(page, 'stmt-03-regels-en');
      await page.goto(`${s.server.url.split('?')[0]}#/bankafschriften/stornos`);
      await page.getByRole('table', { name: 'Returns' }).getByText('insufficient funds', { exact: true }).waitFor();
      await shot(page, 'stmt-05-stornos-en');
      expect(await seriousViolations(page, 'stornos-en')).toEqual([]);
      expect(s.problems).toEqual([]);
    }, 180_000);
  });
});
