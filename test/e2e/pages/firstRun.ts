import type { Page } from 'playwright-core';
import type { RunningServer } from '../../../electron/server';

/** The club most e2e tests work in, as the treasurer types it on the first-run screen. */
export const CLUB = { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht', creditorId: 'NL51ZZZ405365330000', iban: 'NL91ABNA0417164300' };

/** The first-run screen, as a treasurer fills it in. */
export async function fillFirstRun(page: Page, values: { name: string; city?: string; creditorId?: string; iban?: string }): Promise<void> {
  await page.getByLabel('Naam').fill(values.name);
  if (values.city) await page.getByLabel('Plaats').fill(values.city);
  if (values.creditorId) await page.getByLabel('Incassant-ID').fill(values.creditorId);
  if (values.iban) await page.getByLabel('IBAN').first().fill(values.iban);
}

export async function submitFirstRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Administratie aanmaken' }).click();
}

export async function setUpClub(page: Page, name = CLUB.name): Promise<void> {
  await fillFirstRun(page, { ...CLUB, name });
  await submitFirstRun(page);
  await page.getByRole('navigation').getByText(name).waitFor();
}

/**
 * The same club as setUpClub, set up with the very request the first-run screen sends (FirstRun.tsx
 * submit, Dutch browser) over the server's HTTP API, for tests that are not about the first run:
 * the screen itself is tested in foundation.e2e.ts. Call it before the page loads the app.
 */
export async function setUpClubOverHttp(server: RunningServer, name = CLUB.name): Promise<void> {
  const input = {
    organisation: { name, street: '', postalCode: '', city: CLUB.city, email: '' },
    creditorId: CLUB.creditorId,
    bankAccounts: [{ name: 'Betaalrekening', iban: CLUB.iban, bic: '' }],
    language: 'nl',
  };
  const res = await fetch(new URL('/api/setup.initialize', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Penning-Token': server.token },
    body: JSON.stringify(input),
  });
  const answer = (await res.json()) as { ok: boolean };
  if (!answer.ok) throw new Error(`setup.initialize refused the first-run input: ${JSON.stringify(answer)}`);
}

/** Where the first-run screen leaves the page once the club is there (App.tsx onDone). */
export async function openSetUpClub(page: Page, server: RunningServer, name = CLUB.name): Promise<void> {
  await page.goto(`${server.url}#/overzicht`);
  await page.getByRole('navigation').getByText(name).waitFor();
}
