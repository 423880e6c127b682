import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli';
import { bundledCli } from '../helpers/bundledCli';
import { bundled } from '../helpers/processBundles';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, tempDir } from '../helpers/ledger';

/**
 * Everyday mistakes on the command line, as a treasurer makes them. Each one must be answered
 * with ONE line on stderr naming the field or file and the rule (Dutch by default, English with
 * --lang en), never a Node stack trace, exit 2 for refused input and 1 for wrong usage.
 */
const dir = tempDir('penning-cli-mistakes-');
const db = path.join(dir, 'club.sqlite');
let cli: ReturnType<typeof bundledCli>;
const run = (env: NodeJS.ProcessEnv, ...args: string[]): CliResult => cli.run(env, ...args);
let itemId = 0;

beforeAll(() => {
  cli = bundledCli();
  const t = openInitializedLedger();
  const debtor = member(t, { name: 'Jan de Vries', mandate: { reference: 'ZW-0001' } });
  itemId = invoice(t, debtor, 15_000);
  t.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  t.ledger.close();
  fs.copyFileSync(t.file, db);
  fs.rmSync(t.dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'map.csv'));
  fs.writeFileSync(path.join(dir, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Lidnummer\tNaam\r\n9001\tPiet\r\n', 'utf16le')]));
}, 60_000);
afterAll(() => {
  cli.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Mistake = [args: string[], exit: 1 | 2, line: RegExp];

const mistakes: Mistake[] = [
  // dates
  [['split', '{item}', '--parts', '3', '--first-due', 'notadate'], 2, /--first-due "notadate": datum moet JJJJ-MM-DD zijn/],
  [['split', '{item}', '--due', 'morgen,2026-01-01'], 2, /parts\.0\.dueDate: datum moet JJJJ-MM-DD zijn/],
  [['collect', '--date', '31-12-2026', '--dry-run'], 2, /collectionDate: datum moet JJJJ-MM-DD zijn/],
  [['fee-run', 'create', '--description', 'x', '--amount', '10', '--date', '2026-13-45'], 2, /invoiceDate: datum moet JJJJ-MM-DD zijn/],
  [['refund', '--date', 'gisteren', '--out', path.join(dir, 'r.xml')], 2, /(executionDate: datum moet JJJJ-MM-DD zijn|terug te betalen|tegoed)/i],
  // split bounds, checked before anything is built
  [['split', '{item}', '--parts', '100000', '--first-due', '2026-01-01'], 2, /--parts "100000": een post splits je in 2 tot en met 120 delen/],
  [['split', '{item}', '--parts', '-3', '--first-due', '2026-01-01'], 2, /--parts "-3"/],
  [['split', '{item}', '--parts', '3', '--first-due', '2026-01-01', '--every', 'x'], 2, /--every "x": aantal maanden/],
  [['split', 'notanid', '--parts', '3', '--first-due', '2026-01-01'], 1, /postnummer moet een positief geheel getal zijn, niet "notanid"/],
  [['split', '999999', '--parts', '3', '--first-due', '2026-01-01'], 2, /999999|bestaat niet/],
  // unknown options, commands, missing arguments
  [['--bogus', 'status'], 1, /onbekende optie --bogus/],
  [['frobnicate'], 1, /onbekend commando: frobnicate/],
  [['--lang', 'de', 'status'], 1, /--lang is nl of en/],
  [['status', '--db'], 1, /--db heeft een waarde nodig/],
  [['merge', '{item}'], 1, /merge heeft twee of meer postnummers nodig/],
  [['debtor'], 1, /debtor heeft een lidnummer nodig/],
  [['call'], 1, /call heeft een functienaam nodig/],
  [['import-members'], 1, /import-members heeft een CSV-bestand nodig/],
  [['invoice-pdf', '1'], 1, /invoice-pdf heeft een factuurnummer en --out/],
  [['collect'], 1, /collect heeft --out <bestand\.xml> nodig/],
  [['refund'], 1, /refund heeft --out/],
  [['batch', 'show'], 1, /batch heeft een nummer of kenmerk nodig/],
  [['batch', 'frob'], 1, /onbekend batch-commando "frob"/],
  [['fee-run', 'frob'], 1, /onbekend fee-run-commando "frob"/],
  [['fee-run', 'show', 'abc'], 1, /run-nummer moet een positief geheel getal zijn/],
  [['invoice', 'show'], 1, /factuurnummer ontbreekt/],
  [['collect', '--exclude', 'abc', '--dry-run'], 1, /--exclude postnummer moet een positief geheel getal zijn/],
  // amounts
  [['fee-run', 'create', '--description', 'x', '--amount', 'abc'], 2, /Bedrag "abc": schrijf het als 1\.234,56/],
  [['split', '{item}', '--amounts', '1;x', '--due', '2026-01-01,2026-02-01'], 2, /Bedrag "x"/],
  [['invoice', 'credit', '1', '--amount', '-5'], 2, /lines\.0\.unitPrice: moet minstens 0 zijn/],
  // unknown members, items, batches, invoices, banks
  [['debtor', '999999'], 2, /Geen debiteur met nummer 999999/],
  [['items', '--debtor', 'nobody'], 2, /Geen debiteur met nummer nobody/],
  [['items', '--status', 'weird'], 2, /status: kies uit/],
  [['batch', 'show', '99'], 2, /Batch 99 bestaat niet/],
  [['batch', 'show', 'INC-1'], 2, /Geen batch INC-1/],
  [['invoice', 'show', '99999'], 2, /Factuur 99999 bestaat niet/],
  [['refund', '--out', path.join(dir, 'r.xml'), '--debtors', '99999'], 2, /Geen debiteur met nummer 99999/],
  [['collect', '--bank', 'NL00', '--dry-run'], 2, /Bankrekening NL00 staat niet bij de bankrekeningen/],
  [['collect', '--scheme', 'XYZ', '--dry-run'], 2, /scheme: kies uit: CORE, B2B/],
  [['call', 'nope'], 2, /Onbekende functie: nope/],
  [['call', 'ledger.status', '{'], 2, /Ongeldige JSON/],
  // files
  [['import-members', path.join(dir, 'bestaat-niet.csv')], 2, /bestand .*bestaat-niet\.csv: bestaat niet/],
  [['import-members', path.join(dir, 'map.csv')], 2, /bestand .*map\.csv: is een map, geen bestand/],
  [['import-members', '/dev/null/x.csv'], 2, /bestand \/dev\/null\/x\.csv: bestaat niet/],
];

describe('everyday CLI mistakes', () => {
  it.each(mistakes)('penning %j: one line, no stack trace, the right exit code', (template, exit, line) => {
    const args = template.map((a) => a.replace('{item}', String(itemId)));
    const r = run({}, '--db', db, ...args);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    expect(r.code, r.stderr).toBe(exit);
  });

  it('answers in English with --lang en, also for usage mistakes', () => {
    const refused = run({}, '--db', db, '--lang', 'en', 'split', String(itemId), '--parts', '3', '--first-due', 'notadate');
    expect(refused.stderr).toBe('Error: --first-due "notadate": date must be YYYY-MM-DD\n');
    expect(refused.code).toBe(2);
    const usage = run({}, '--db', db, '--lang', 'en', 'frobnicate');
    expect(usage.stderr).toBe('Usage: unknown command: frobnicate (see "penning help")\n');
    expect(usage.code).toBe(1);
  });

  it('leaves stdout empty on a refusal; PENNING_DEBUG=1 adds the error as data', () => {
    const r = run({}, '--db', db, 'debtor', '999999');
    expect(r.stdout).toBe('');
    const debug = run({ PENNING_DEBUG: '1' }, '--db', db, 'debtor', '999999');
    expect(JSON.parse(debug.stderr.split('\n')[1]!)).toMatchObject({ error: { code: 'not_found', field: 'debtor' } });
  });

  it('turns an unexpected failure into one line (the stack only with PENNING_DEBUG=1)', () => {
    // no migrations where they should be: an internal failure deep in opening the ledger
    const env = { PENNING_MIGRATIONS: path.join(dir, 'map.csv') };
    const plain = run(env, '--db', db, 'status');
    expect(plain.stderr).toMatch(/^Fout: interne fout: [^\n]+\n$/);
    expect(plain.code).toBe(1);
    const debug = run({ ...env, PENNING_DEBUG: '1' }, '--db', db, 'status');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('stays quiet when its output is piped into a reader that has already stopped (penning help | head -c 0)', () => {
    // head -c 0 exits before node has started, so every write meets a closed pipe
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bundled('cli')}" help | head -c 0`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });

  it('keeps a file error while opening the ledger to one line naming the file', () => {
    const r = run({}, '--db', path.join(dir, 'utf16.csv', 'x', 'l.sqlite'), 'status');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
  });

  it('reads a member list in UTF-16 (Excel "Unicode-tekst") as the names it holds', () => {
    const r = run({}, '--db', db, 'import-members', path.join(dir, 'utf16.csv'), '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.created).toBe(1);
    expect(r.json.encoding).toBe('utf-16le');
    expect(r.json.sample[0]).toMatchObject({ number: '9001', name: 'Piet' });
  });
});
