import path from 'node:path';
import type { Output } from '../../shared/api/contract';
import { type Args, idArgument, UsageError } from './args';
import { type Caller, print, readInputFile, say } from './io';

/**
 * import-statement / statements / statement / match: the bank's answer read back, through the same
 * API as the window. The import prints exactly the JSON object (nothing more), so scripts
 * and tests can rely on its keys.
 */

function reading(r: Output<'statements.preview'>) {
  return {
    format: r.format,
    statements: r.statements.map((s) => ({ account: s.account, currency: s.currency, id: s.id, from: s.from, to: s.to, opening: s.opening, closing: s.closing, entries: s.entries, credits: s.credits, debits: s.debits, balanceOk: s.balanceOk })),
    entries: r.entries,
    sums: r.sums,
  };
}

export async function importStatementCommand(c: Caller, args: Args): Promise<void> {
  const file = args.positional[1];
  if (!file) throw new UsageError('import-statement heeft een bankbestand nodig (camt.053/054, pain.002 of MT940)', 'import-statement needs a bank file (camt.053/054, pain.002 or MT940)');
  const input = { content: readInputFile(file, c.lang).toString('base64'), fileName: path.basename(file) };
  if (args.flags.has('--dry-run')) {
    const r = await c.call('statements.preview', input);
    say(c.lang === 'nl' ? `${r.entries} regels gelezen (proefrun: er is niets geboekt)` : `${r.entries} entries read (dry run: nothing booked)`);
    return print(reading(r));
  }
  const r = await c.call('statements.import', input);
  for (const d of r.skippedDays) say(d.explanation[c.lang]);
  const unbalanced = r.statements.filter((s) => s.balanceOk === false);
  for (const s of unbalanced) say(c.lang === 'nl' ? `Let op: afschrift ${s.id} van ${s.account} sluit niet: beginsaldo plus regels is niet het eindsaldo` : `Warning: statement ${s.id} of ${s.account} does not add up: opening balance plus entries is not the closing balance`);
  print({ ...reading(r), matched: r.matched, unmatched: r.unmatched, skipped: r.skipped });
}

export async function statementsCommand(c: Caller, args: Args): Promise<void> {
  const sub = args.positional[1];
  if (sub !== 'list') throw new UsageError('gebruik: statements list', 'usage: statements list');
  print(await c.call('statements.list', {}));
}

export async function statementCommand(c: Caller, args: Args): Promise<void> {
  if (args.positional[1] !== 'show') throw new UsageError('gebruik: statement show <afschrift>', 'usage: statement show <statement>');
  const id = idArgument(args.positional[2], { nl: 'afschriftnummer', en: 'statement id' });
  print(await c.call('statements.get', { id }));
}

export async function matchCommand(c: Caller, args: Args): Promise<void> {
  const entryId = idArgument(args.positional[1], { nl: 'afschriftregel', en: 'statement entry' });
  const items = args.positional.slice(2);
  if (items.length === 0) throw new UsageError('match heeft een afschriftregel en minstens één post nodig', 'match needs a statement entry and at least one item');
  const itemIds = items.map((i) => idArgument(i, { nl: 'postnummer', en: 'item id' }));
  const r = await c.call('statements.match', { entryId, itemIds });
  say(r.explanation[c.lang]);
  print(r);
}
