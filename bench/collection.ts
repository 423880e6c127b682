import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { openLedger } from '../db/open';
import { subLedgerMismatches } from '../db/checks';
import { call } from '../electron/api';
import { saveBatchToDisk } from '../electron/collections/fileOutput';
import { planCollection } from '../electron/collections/plan';
import { saveCollection } from '../electron/collections/save';
import { createContext } from '../electron/context';
import { createDebtor } from '../electron/debtors/debtors';
import { createFeeRun, postFeeRun } from '../electron/invoices/feeRuns';
import { saveMandate } from '../electron/mandates/mandates';
import { type DirectDebit, type Pain008File, writePain008 } from '../electron/sepa/pain008';
import { centsToDecimal } from '../shared/money';
import { makeIban } from '../shared/iban';

/**
 * Issue 4's figures: a collection run of 100 000 debits. Each measurement runs in its own child
 * process (same ledger file, copied) so its peak memory (maxRSS) is its own:
 *  - run: select + book + write the pain.008 file, in one transaction (what `penning collect` does);
 *  - our writer alone, a bare template-string writer, and sepa.js, on the same 100 000 debits.
 */
const N = 100_000;
const FIXED_NOW = new Date('2026-11-24T10:00:00');
const self = __filename;

export interface BenchRow {
  name: string;
  n: number;
  ms: number;
  rate?: string;
}

/** `n` members, each with a mandate and a posted fee invoice: the ledger a collection run of `n` debits starts from. */
export function setupLedger(file: string, n = N): void {
  const ledger = openLedger(file);
  const ctx = createContext(ledger, () => FIXED_NOW);
  call(ctx, 'setup.initialize', { organisation: { name: 'Bench Club' }, creditorId: 'NL51ZZZ405365330000', bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164300' }] });
  ledger.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const d = createDebtor(ctx, {
        number: String(10_000 + i),
        name: `Lid ${i} van der Berg-Çelik & Zn.`, country: 'NL', language: 'nl', kind: 'person', paymentMethod: 'direct_debit',
        iban: makeIban('NL', `INGB${String(1_000_000 + i).padStart(10, '0')}`), collect: true, consolidate: false,
      });
      saveMandate(ctx, { debtorId: d.id, reference: `ZWA-${100_000 + i}`, signedOn: '2024-03-15', type: 'recurring', scheme: 'CORE' });
    }
    postFeeRun(ctx, createFeeRun(ctx, { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', dueDate: '2026-10-01', amount: 15_000, selection: { mode: 'all' } }));
  })();
  ledger.close();
}

/** The same debits as plain data, for the writers compared side by side. */
function debitsOf(file: string): Pain008File {
  const ledger = openLedger(file);
  const ctx = createContext(ledger, () => FIXED_NOW);
  const plan = planCollection(ctx, { scheme: 'CORE', perDueDate: false, includeNotDue: false, excludeItemIds: [] });
  ledger.close();
  const debits: DirectDebit[] = plan.debits.map((d, i) => ({
    endToEndId: `INC-2026-0001-${String(i + 1).padStart(6, '0')}`, amount: d.amount, mandateId: d.mandateReference, signedOn: d.signedOn,
    name: d.name, iban: d.iban, bic: d.bic, remittance: d.remittance,
  }));
  return {
    version: '001.02', messageId: 'INC-2026-0001-1-20261124100000', createdStamp: '2026-11-24T10:00:00', initiatingParty: plan.header.initiatingParty,
    creditor: { name: plan.header.creditorName, iban: plan.header.iban, bic: plan.header.bic, creditorId: plan.header.creditorId },
    groups: [{ paymentInfoId: 'INC-2026-0001-1-RCUR-20261126', scheme: 'CORE', sequenceType: 'RCUR', date: plan.debits[0]!.date, debits }],
  };
}

/** The practical limit: one template literal per debit, joined, nothing else. */
function templateWriter(f: Pain008File): string {
  const g = { ...f.groups[0]!, debits: f.groups[0]!.debits as DirectDebit[] };
  const total = centsToDecimal(g.debits.reduce((s, d) => s + d.amount, 0));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><CstmrDrctDbtInitn><GrpHdr><MsgId>${f.messageId}</MsgId><CreDtTm>${f.createdStamp}</CreDtTm><NbOfTxs>${g.debits.length}</NbOfTxs><CtrlSum>${total}</CtrlSum><InitgPty><Nm>${f.initiatingParty}</Nm></InitgPty></GrpHdr>\n` +
    `<PmtInf><PmtInfId>${g.paymentInfoId}</PmtInfId><PmtMtd>DD</PmtMtd><NbOfTxs>${g.debits.length}</NbOfTxs><CtrlSum>${total}</CtrlSum><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>RCUR</SeqTp></PmtTpInf><ReqdColltnDt>${g.date}</ReqdColltnDt><Cdtr><Nm>${f.creditor.name}</Nm></Cdtr><CdtrAcct><Id><IBAN>${f.creditor.iban}</IBAN></Id></CdtrAcct><CdtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></CdtrAgt><ChrgBr>SLEV</ChrgBr><CdtrSchmeId><Id><PrvtId><Othr><Id>${f.creditor.creditorId}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>\n` +
    g.debits
      .map(
        (d) =>
          `<DrctDbtTxInf><PmtId><EndToEndId>${d.endToEndId}</EndToEndId></PmtId><InstdAmt Ccy="EUR">${centsToDecimal(d.amount)}</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>${d.mandateId}</MndtId><DtOfSgntr>${d.signedOn}</DtOfSgntr></MndtRltdInf></DrctDbtTx><DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt><Dbtr><Nm>${d.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${d.iban}</IBAN></Id></DbtrAcct><RmtInf><Ustrd>${d.remittance}</Ustrd></RmtInf></DrctDbtTxInf>\n`,
      )
      .join('') +
    '</PmtInf>\n</CstmrDrctDbtInitn></Document>\n'
  );
}

function sepaJs(f: Pain008File): string {
  const SEPA = createRequire(self)('sepa') as any;
  const g = { ...f.groups[0]!, debits: f.groups[0]!.debits as DirectDebit[] };
  const doc = new SEPA.Document('pain.008.001.02');
  doc.grpHdr.id = f.messageId;
  doc.grpHdr.created = FIXED_NOW;
  doc.grpHdr.initiatorName = f.initiatingParty;
  const info = doc.createPaymentInfo();
  info.collectionDate = new Date(`${g.date}T00:00:00`);
  info.creditorIBAN = f.creditor.iban;
  info.creditorName = f.creditor.name;
  info.creditorId = f.creditor.creditorId;
  info.sequenceType = 'RCUR';
  doc.addPaymentInfo(info);
  for (const d of g.debits) {
    const tx = info.createTransaction();
    tx.debtorName = d.name;
    tx.debtorIBAN = d.iban;
    tx.mandateId = d.mandateId;
    tx.mandateSignatureDate = new Date(`${d.signedOn}T00:00:00`);
    tx.amount = d.amount / 100;
    tx.remittanceInfo = d.remittance;
    tx.end2endId = d.endToEndId;
    info.addTransaction(tx);
  }
  return doc.toString();
}

/** One measurement in this process; prints {ms, maxRssMB, detail}. */
function child(mode: string, file: string): void {
  const out = `${file}.${mode}.xml`;
  let detail: Record<string, unknown> = {};
  const t0 = performance.now();
  if (mode === 'run') {
    const ledger = openLedger(file);
    const ctx = createContext(ledger, () => FIXED_NOW);
    const { result } = saveBatchToDisk(ctx, out, (sink) => saveCollection(ctx, { scheme: 'CORE', perDueDate: false, includeNotDue: false, excludeItemIds: [] }, sink), (r) => r.batchId);
    const booked = (ledger.db.prepare("SELECT SUM(l.debit) AS s FROM journal_lines l JOIN account_roles r ON r.account_id = l.account_id AND r.role = 'collectionInTransit'").get() as { s: number }).s;
    detail = { debits: result.plan.debits.length, controlSum: result.plan.debits.reduce((s, d) => s + d.amount, 0), booked, mismatches: subLedgerMismatches(ledger.db).length };
    ledger.close();
  } else {
    const f = debitsOf(file);
    const writers: Record<string, () => string> = {
      ours: () => {
        const parts: string[] = [];
        writePain008(f, (c) => parts.push(c));
        return parts.join('');
      },
      template: () => templateWriter(f),
      sepajs: () => sepaJs(f),
    };
    // Penning and the bare template run interleaved in one process (median of 5 after a warm-up),
    // so garbage collection and process state weigh on both alike; sepa.js runs alone for its memory
    const names = mode === 'writers' ? ['ours', 'template'] : ['sepajs'];
    const times: Record<string, number[]> = {};
    let bytes = 0;
    for (let round = 0; round < (mode === 'writers' ? 6 : 3); round++) {
      for (const name of names) {
        // collect the previous round's 50 MB string first, so no writer pays for another's garbage
        (globalThis as { gc?: () => void }).gc?.();
        const t1 = performance.now();
        const xml = writers[name]!();
        if (round > 0) (times[name] ??= []).push(performance.now() - t1);
        bytes = xml.length;
        if (round === 0 && name === names[0]) fs.writeFileSync(out, xml);
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    detail = { bytes, ...Object.fromEntries(names.map((n) => [`${n}Ms`, median(times[n]!)])) };
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...detail }));
}

function runChild(mode: string, file: string): { ms: number; maxRssMB: number; oursMs?: number; templateMs?: number; sepajsMs?: number; bytes?: number; debits?: number; controlSum?: number; booked?: number; mismatches?: number } {
  const copy = `${file}.${mode}.sqlite`;
  fs.copyFileSync(file, copy);
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [self, '--child', mode, copy], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, NODE_OPTIONS: '--expose-gc' } });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `penning collect` from the build (out/), when there is one: the product's own figure, without tsx. */
function builtCli(file: string): { ms: number; maxRssMB: number } | null {
  if (!fs.existsSync(path.join(__dirname, '..', 'out', 'main', 'cli.js'))) return null;
  const copy = `${file}.cli.sqlite`;
  fs.copyFileSync(file, copy);
  const r = spawnSync(process.execPath, [path.join(__dirname, 'measureCli.cjs'), '--db', copy, 'collect', '--out', `${copy}.xml`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`penning collect failed: ${r.stderr}`);
  const transactions = (JSON.parse(r.stdout) as { transactions: number }).transactions;
  if (transactions !== N) throw new Error(`penning collect made ${transactions} debits`);
  return JSON.parse(/MEASURE (.*)/.exec(r.stderr)![1]!) as { ms: number; maxRssMB: number };
}

export function benchCollection(dir: string): BenchRow[] {
  const file = path.join(dir, 'collection-100k.sqlite');
  const t0 = performance.now();
  setupLedger(file);
  const setupMs = performance.now() - t0;
  const run = runChild('run', file);
  if (run.debits !== N || run.controlSum !== run.booked || run.mismatches !== 0) throw new Error(`collection bench is wrong: ${JSON.stringify(run)}`);
  const cli = builtCli(file);
  const writers = runChild('writers', file);
  const sepajs = runChild('sepajs', file);
  const mb = (x: number) => `${Math.round(x)} MB peak`;
  return [
    { name: `collection: set up 100 000 members with mandates and posted fee invoices (not part of the run)`, n: N, ms: setupMs },
    { name: `collection run: select + book + write pain.008, one transaction (process ${mb(run.maxRssMB)}, under tsx)`, n: N, ms: run.ms, rate: `${Math.round((N / run.ms) * 1000).toLocaleString('en')} debits/s` },
    ...(cli ? [{ name: `the same run as a user runs it: built \`penning collect --out\` (process ${mb(cli.maxRssMB)}, start-up included)`, n: N, ms: cli.ms, rate: `${Math.round((N / cli.ms) * 1000).toLocaleString('en')} debits/s` }] : []),
    { name: `pain.008 writer alone: Penning (${(writers.bytes! / 1e6).toFixed(1)} MB of XML)`, n: N, ms: writers.oursMs!, rate: `${(writers.oursMs! / writers.templateMs!).toFixed(2)}x template` },
    { name: 'pain.008 writer alone: bare template strings, same XML', n: N, ms: writers.templateMs!, rate: '1.00x template' },
    { name: `pain.008 writer alone: sepa.js 3.0.0 (process ${mb(sepajs.maxRssMB)})`, n: N, ms: sepajs.sepajsMs!, rate: `Penning ${(sepajs.sepajsMs! / writers.oursMs!).toFixed(1)}x faster` },
  ];
}

if (process.argv[2] === '--child') child(process.argv[3]!, process.argv[4]!);
