import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { formatDate } from '../../shared/dates';
import { withClub, type Session } from './harness';

/**
 * Statutory interest in real Chromium: with the setting on, the proposal shows the interest per
 * member with the total ("incl. … rente"), and the letter that is made says "Wettelijke
 * rente t/m" the letter date.
 */
let s: Session;
withClub((session) => (s = session));

describe('Aanmaningen with statutory interest', () => {
  it('shows the interest in the proposal and on the letter', async () => {
    const { page } = s;
    const ctx = s.server.ctx;
    ctx.db.prepare('DELETE FROM interest_rates').run();
    call(ctx, 'dunning.interestRates.save', { kind: 'consumer', startsOn: '2020-01-01', rate: 800 });
    call(ctx, 'dunning.settings.save', { statutoryInterest: true });
    const anna = call(ctx, 'debtors.create', { name: 'Anna Bakker', street: 'Dorpsstraat 1', postalCode: '3512 AB', city: 'Utrecht' }).id;
    const draft = call(ctx, 'invoices.createDraft', { debtorId: anna, invoiceDate: '2026-09-01', dueDate: '2026-10-01', description: 'Contributie 2026-2027', lines: [{ description: 'Contributie 2026-2027', unitPrice: 100_000 }] });
    call(ctx, 'invoices.post', { id: draft.id });

    await page.getByRole('navigation').getByRole('link', { name: 'Aanmaningen' }).click();
    const table = page.getByRole('table', { name: 'Voorgestelde aanmaningen' });
    await table.getByText('Anna Bakker').waitFor();
    const date = ctx.today();
    const planned = call(ctx, 'dunning.proposal', { date }).debtors[0]!;
    expect(planned.interest).toBeGreaterThan(0);
    const euro = (cents: number) => new RegExp(`€\\s${Math.floor(cents / 100).toLocaleString('nl-NL')},${String(cents % 100).padStart(2, '0')}`);
    const row = table.getByRole('row').filter({ hasText: 'Anna Bakker' });
    await row.getByText(new RegExp(`^incl. ${euro(planned.interest).source} rente$`)).waitFor();
    await row.getByText(euro(100_000 + planned.interest)).first().waitFor();
    await s.shot('dunning-rente-01-voorstel');

    await page.getByRole('button', { name: 'Aanmaningen maken (1 brief)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Aanmaningen maken' }).click();
    const written = page.getByRole('table', { name: 'Geschreven brieven per lid' });
    await written.getByText('Anna Bakker').waitFor();
    await s.shot('dunning-rente-02-gemaakt');
    const [pdf] = await Promise.all([page.waitForEvent('download'), written.getByRole('button', { name: 'Brief (PDF)' }).click()]);
    const text = execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`Wettelijke rente t/m ${formatDate(date)} ${euro(planned.interest).source}`));
    expect(call(ctx, 'debtors.get', { id: anna }).balance).toBe(100_000 + planned.interest);
    expect(s.problems).toEqual([]);
  });
});
