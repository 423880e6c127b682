import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { withClub, type Session } from './harness';

/**
 * Reservekopieën: make a backup, book something after it, put the backup back, and the ledger is
 * what it was then — with the banner that says it was restored. Also: the screen's wording and the
 * confirmation before the current ledger is replaced.
 */
describe('backups screen', () => {
  let s: Session;
  withClub((session) => {
    s = session;
  });

  it('makes a backup, restores it after the confirmation, and says the ledger was restored', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Reservekopieën', exact: true }).click();
    await page.getByRole('heading', { name: 'Reservekopieën', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await page.getByRole('cell', { name: 'Zelf gemaakt' }).waitFor();
    await s.shot('80-backups');

    call(s.server.ctx, 'debtors.create', { name: 'Na de kopie Toegevoegd' });
    expect(call(s.server.ctx, 'debtors.list', {}).total).toBe(1);

    const manual = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Zelf gemaakt' }) });
    await manual.getByRole('button', { name: /^Terugzetten/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('apart gezet').waitFor();
    await s.shot('81-backups-restore-confirm');
    await dialog.getByRole('button', { name: 'Terugzetten' }).click();

    await page.getByText('Teruggezette reservekopie').waitFor();
    await s.shot('82-restored-banner');
    expect(call(s.server.ctx, 'debtors.list', {}).total).toBe(0);
    // the ledger before the restore is kept: it is listed and can be put back in the same way
    await page.getByRole('navigation').getByRole('link', { name: 'Reservekopieën', exact: true }).click();
    await page.getByRole('cell', { name: 'Voor het terugzetten (vorige administratie)' }).waitFor();
    expect(s.problems).toEqual([]);
  });

  it('cancelling the confirmation changes nothing', async () => {
    const { page } = s;
    await page.goto(`${new URL(page.url()).origin}/#/reservekopieen`);
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await page.getByRole('cell', { name: 'Zelf gemaakt' }).waitFor();
    call(s.server.ctx, 'debtors.create', { name: 'Blijft Staan' });
    await page.getByRole('button', { name: /^Terugzetten/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
    expect(call(s.server.ctx, 'debtors.list', {}).total).toBe(1);
    await expect(page.getByText('Teruggezette reservekopie').count()).resolves.toBe(0);
  });
});
