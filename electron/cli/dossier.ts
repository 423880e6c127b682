import { MANUAL_DOSSIER_KINDS } from '../../shared/api/dossier';
import { type Args, UsageError } from './args';
import { type Caller, print, report, say } from './io';

/**
 * dossier <member> / dossier add <member> ...: the debiteurbewaking from the command line. A member
 * is named by number, as on paper, or by name when the name is unique.
 */

export async function memberId(c: Caller, member: string): Promise<number> {
  const found = (await c.call('debtors.list', { search: member, limit: 200, offset: 0 })).debtors;
  const byNumber = found.find((d) => d.number === member);
  if (byNumber) return byNumber.id;
  const byName = found.filter((d) => d.name.toLocaleLowerCase('nl') === member.toLocaleLowerCase('nl'));
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    const numbers = byName.map((d) => d.number).join(', ');
    report({ code: 'validation', field: 'member', rule: 'ambiguous', message: { nl: `Er zijn ${byName.length} leden met de naam ${member} (${numbers}); geef het lidnummer`, en: `${byName.length} members are called ${member} (${numbers}); give the member number` } }, c.lang);
  }
  return report({ code: 'not_found', field: 'member', rule: 'exists', message: { nl: `Geen lid met nummer of naam ${member}`, en: `No member with number or name ${member}` } }, c.lang);
}

const USAGE = {
  nl: `gebruik: dossier <lid> | dossier add <lid> --kind ${MANUAL_DOSSIER_KINDS.join('|')} --text "..." [--date d] [--follow-up d]`,
  en: `usage: dossier <member> | dossier add <member> --kind ${MANUAL_DOSSIER_KINDS.join('|')} --text "..." [--date d] [--follow-up d]`,
};

export async function dossierCommand(c: Caller, args: Args): Promise<void> {
  const [, first, second] = args.positional;
  if (first === 'add') {
    if (!second) throw new UsageError(USAGE.nl, USAGE.en);
    const kind = args.options.get('--kind');
    if (kind === undefined || args.options.get('--text') === undefined) throw new UsageError(USAGE.nl, USAGE.en);
    const debtorId = await memberId(c, second);
    const r = await c.call('dossier.add', {
      debtorId,
      kind: kind as (typeof MANUAL_DOSSIER_KINDS)[number],
      text: args.options.get('--text')!,
      date: args.options.get('--date') ?? c.ctx.today(),
      followUpOn: args.options.get('--follow-up'),
    });
    say(c.lang === 'nl' ? `Vastgelegd in het dossier (${r.entryId})` : `Recorded in the dossier (${r.entryId})`);
    return print(r);
  }
  if (!first || args.positional.length > 2) throw new UsageError(USAGE.nl, USAGE.en);
  const debtorId = await memberId(c, first);
  const { entries } = await c.call('dossier.list', { debtorId });
  print(entries.map((e) => ({ ...e, text: e.text[c.lang] })));
}
