import type { Page } from 'playwright-core';

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

export async function setUpClub(page: Page, name = 'Tennisvereniging De Zwaluwen'): Promise<void> {
  await fillFirstRun(page, { name, city: 'Utrecht', creditorId: 'NL51ZZZ405365330000', iban: 'NL91ABNA0417164300' });
  await submitFirstRun(page);
  await page.getByRole('navigation').getByText(name).waitFor();
}
