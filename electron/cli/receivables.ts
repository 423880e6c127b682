import { MAX_SPLIT_PARTS } from '../../shared/api/contract';
import { validationError } from '../../shared/api/errors';
import { addMonths, isIsoDate } from '../../shared/dates';
import { parseEuro } from '../../shared/money';
import { type Args, idArgument, listOption, UsageError } from './args';
import { type Caller, print, report, say } from './io';

/**
 * The treasurer's receivables steps as commands: fee runs, invoice block and credit, open items,
 * split and merge, and the debtor card. Members are named by their member number, as on paper.
 */

function euro(c: Caller, field: string, text: string | undefined): number {
  const parsed = parseEuro(text ?? '');
  if (!parsed.ok) report(validationError(field, parsed.rule, parsed.nl, parsed.en).data, c.lang);
  return parsed.value;
}

export async function debtorIdByNumber(c: Caller, number: string): Promise<number> {
  const found = await c.call('debtors.list', { search: number, limit: 50, offset: 0 });
  const debtor = found.debtors.find((d) => d.number === number);
  if (!debtor) report({ code: 'not_found', field: 'debtor', message: { nl: `Geen debiteur met nummer ${number}`, en: `No debtor with number ${number}` } }, c.lang);
  return debtor.id;
}

export async function feeRunCommand(c: Caller, args: Args): Promise<void> {
  const [, sub, id] = args.positional;
  const o = args.options;
  switch (sub) {
    case 'list':
      return print(await c.call('feeRuns.list', {}));
    case 'show':
      return print(await c.call('feeRuns.get', { id: idArgument(id, { nl: 'run-nummer', en: 'fee run id' }) }));
    case 'create': {
      const selection = o.has('--group')
        ? { mode: 'tag' as const, tags: listOption(o.get('--group'), /,/) }
        : o.has('--status')
          ? { mode: 'status' as const, statusIds: await statusIds(c, listOption(o.get('--status'), /,/)) }
          : o.has('--debtors')
            ? { mode: 'selected' as const, debtorIds: await Promise.all(listOption(o.get('--debtors'), /[,\s]+/).map((n) => debtorIdByNumber(c, n))) }
            : { mode: 'all' as const };
      const run = await c.call('feeRuns.create', {
        description: o.get('--description') ?? '',
        amount: euro(c, 'amount', o.get('--amount')),
        amountFromCard: args.flags.has('--from-card'),
        invoiceDate: o.get('--date') ?? c.ctx.today(),
        dueDate: o.get('--due'),
        selection,
      });
      say(`Fee run ${run.id}: ${run.counts.drafts} drafts to review, then: penning fee-run post ${run.id}`);
      return print(run);
    }
    case 'block':
    case 'unblock': {
      const runId = idArgument(id, { nl: 'run-nummer', en: 'fee run id' });
      const member = args.positional[3];
      if (!member) throw new UsageError(`fee-run ${sub} heeft een run-nummer en een lidnummer nodig`, `fee-run ${sub} needs a fee run id and a member number`);
      const run = await c.call('feeRuns.get', { id: runId });
      const draft = run.invoices.find((i) => i.debtorNumber === member && i.status === 'draft');
      if (!draft) report({ code: 'not_found', field: 'debtor', message: { nl: `Geen concept voor lid ${member} in run ${runId}`, en: `No draft for member ${member} in run ${runId}` } }, c.lang);
      return print(await c.call('invoices.setBlocked', { id: draft.id, blocked: sub === 'block' }));
    }
    case 'post': {
      const result = await c.call('feeRuns.post', { id: idArgument(id, { nl: 'run-nummer', en: 'fee run id' }) });
      say(`${result.posted} invoices posted, ${result.skippedBlocked} blocked drafts skipped`);
      return print({ posted: result.posted, skippedBlocked: result.skippedBlocked, counts: result.run.counts });
    }
    default:
      throw new UsageError(`onbekend fee-run-commando "${sub ?? ''}": fee-run list | show <id> | create ... | block <id> <lid> | unblock <id> <lid> | post <id>`, `unknown fee-run command "${sub ?? ''}": fee-run list | show <id> | create ... | block <id> <member> | unblock <id> <member> | post <id>`);
  }
}

async function statusIds(c: Caller, names: string[]): Promise<number[]> {
  const statuses = await c.call('debtorStatuses.list', {});
  return names.map((name) => {
    const s = statuses.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) report(validationError('status', 'unknown', `Onbekende status "${name}"`, `Unknown status "${name}"`).data, c.lang);
    return s.id;
  });
}

export async function invoiceCommand(c: Caller, args: Args): Promise<void> {
  const [, sub, id] = args.positional;
  const invoiceId = idArgument(id, { nl: 'factuurnummer', en: 'invoice id' });
  switch (sub) {
    case 'show':
      return print(await c.call('invoices.get', { id: invoiceId }));
    case 'block':
    case 'unblock':
      return print(await c.call('invoices.setBlocked', { id: invoiceId, blocked: sub === 'block' }));
    case 'post':
      return print(await c.call('invoices.post', { id: invoiceId }));
    case 'credit': {
      const amount = args.options.get('--amount');
      const description = args.options.get('--description');
      const note = await c.call('invoices.credit', {
        invoiceId,
        description,
        date: args.options.get('--date'),
        // a partial credit is one line for the given amount; without --amount the whole invoice is credited
        lines: amount === undefined ? undefined : [{ description: description ?? 'Creditering', quantity: 1000, unitPrice: euro(c, 'amount', amount) }],
      });
      say(`Credit note ${note.number ?? note.id} posted`);
      return print(note);
    }
    default:
      throw new UsageError(`onbekend invoice-commando "${sub ?? ''}": invoice show|post|block|unblock|credit <id>`, `unknown invoice command "${sub ?? ''}": invoice show|post|block|unblock|credit <id>`);
  }
}

export async function itemsCommand(c: Caller, args: Args): Promise<void> {
  const member = args.options.get('--debtor');
  const status = (args.options.get('--status') ?? 'open') as 'open' | 'blocked' | 'arrangement' | 'closed' | 'all';
  const result = await c.call('items.list', {
    debtorId: member ? await debtorIdByNumber(c, member) : undefined,
    status,
    overdueOnly: args.flags.has('--overdue'),
    sort: 'dueDate',
    direction: 'asc',
    limit: 5000,
    offset: 0,
  });
  print(result);
}

/**
 * Due dates for N parts: given one by one, or a first date and every N months after it; without
 * either, Penning takes the next possible date for the first part and a month between the parts.
 */
function dueDates(c: Caller, args: Args, parts: number): (string | undefined)[] {
  const given = listOption(args.options.get('--due'), /[,\s]+/);
  if (given.length) return given;
  const first = args.options.get('--first-due');
  if (!first) return Array.from({ length: parts }, () => undefined);
  if (!isIsoDate(first)) report(validationError('firstDue', 'date', `--first-due "${first}": datum moet JJJJ-MM-DD zijn`, `--first-due "${first}": date must be YYYY-MM-DD`).data, c.lang);
  const everyText = args.options.get('--every') ?? '1';
  const every = Number(everyText);
  if (!/^\d+$/.test(everyText) || every < 1 || every > 12) {
    report(validationError('every', 'range', `--every "${everyText}": aantal maanden tussen de delen is 1 tot en met 12`, `--every "${everyText}": the months between parts are 1 to 12`).data, c.lang);
  }
  return Array.from({ length: parts }, (_, i) => addMonths(first, i * every));
}

export async function splitCommand(c: Caller, args: Args): Promise<void> {
  // before anything is built from it: --parts 100000 must not allocate 100 000 dates first
  const partsText = args.options.get('--parts');
  if (partsText !== undefined && (!/^\d+$/.test(partsText) || Number(partsText) < 2 || Number(partsText) > MAX_SPLIT_PARTS)) {
    report(validationError('parts', 'range', `--parts "${partsText}": een post splits je in 2 tot en met ${MAX_SPLIT_PARTS} delen`, `--parts "${partsText}": an item is split into 2 to ${MAX_SPLIT_PARTS} parts`).data, c.lang);
  }
  const itemId = idArgument(args.positional[1], { nl: 'postnummer', en: 'item id' });
  const amounts = listOption(args.options.get('--amounts'), /[;\s]+/).map((a) => euro(c, 'parts.amount', a));
  const count = amounts.length || Number(partsText ?? listOption(args.options.get('--due'), /[,\s]+/).length);
  if (!Number.isInteger(count) || count < 2) throw new UsageError('split heeft --parts <n> (2 of meer), --amounts of --due nodig', 'split needs --parts <n> (2 or more), --amounts or --due');
  if (count > MAX_SPLIT_PARTS) {
    report(validationError('parts', 'range', `${count} delen: een post splits je in hoogstens ${MAX_SPLIT_PARTS} delen`, `${count} parts: an item is split into at most ${MAX_SPLIT_PARTS} parts`).data, c.lang);
  }
  const dates = dueDates(c, args, count);
  if (dates.length !== count) throw new UsageError(`split: ${count} delen maar ${dates.length} vervaldatums`, `split: ${count} parts but ${dates.length} due dates`);
  const result = await c.call('items.split', {
    itemId,
    parts: dates.map((dueDate, i) => ({ dueDate, amount: amounts[i] })),
    arrangement: args.flags.has('--arrangement'),
    reason: args.options.get('--reason'),
  });
  say(`Item ${itemId} split into ${result.itemIds.length} parts`);
  print(result);
}

export async function mergeCommand(c: Caller, args: Args): Promise<void> {
  const itemIds = args.positional.slice(1).map((id) => idArgument(id, { nl: 'postnummer', en: 'item id' }));
  if (itemIds.length < 2) throw new UsageError('merge heeft twee of meer postnummers nodig', 'merge needs two or more item ids');
  const result = await c.call('items.merge', { itemIds, dueDate: args.options.get('--due'), reason: args.options.get('--reason') });
  say(`Items ${itemIds.join(', ')} merged into item ${result.itemId}`);
  print(result);
}

/** The debtor card on the command line: the card, balance, mandates, invoices and every item with its history. */
export async function debtorCommand(c: Caller, args: Args): Promise<void> {
  const number = args.positional[1];
  if (!number) throw new UsageError('debtor heeft een lidnummer nodig', 'debtor needs a member number');
  const id = await debtorIdByNumber(c, number);
  const [debtor, mandates, invoices, items] = await Promise.all([
    c.call('debtors.get', { id }),
    c.call('mandates.list', { debtorId: id }),
    c.call('invoices.list', { debtorId: id }),
    c.call('items.list', { debtorId: id, status: 'all', overdueOnly: false, sort: 'itemDate', direction: 'asc', limit: 5000, offset: 0 }),
  ]);
  const history = await Promise.all(items.items.map(async (i) => ({ itemId: i.id, events: await c.call('items.history', { itemId: i.id }) })));
  print({ debtor, mandates, invoices, items: items.items, openBalance: items.totalBalance, history });
}
