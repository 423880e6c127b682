import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dispatchAsync } from '../../electron/api';
import { startServer, type RunningServer } from '../../electron/server';
import { addDays } from '../../shared/dates';
import { formatEuro } from '../../shared/money';
import { tempDir } from '../helpers/ledger';
import { launchChromium } from './chromium';
import { SCREENSHOTS } from './harness';

/**
 * Every screen of the demo club, Dutch and English, at 1366x800 and 1920x1080, in a Chromium that
 * says en-US (dates must stay Dutch): a screenshot each, and axe-core finds no serious or critical
 * accessibility violation.
 */
const root = path.resolve(__dirname, '../..');
const AXE = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SIZES = [
  { width: 1366, height: 800 },
  { width: 1920, height: 1080 },
] as const;

let dir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let debtorId: number;

beforeAll(async () => {
  dir = tempDir('penning-screens-');
  server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir: path.join(root, 'out', 'renderer') });
  browser = await launchChromium();
  // bypassCSP only so axe-core can be injected; the other e2e files keep the CSP in force
  context = await browser.newContext({ viewport: SIZES[0], locale: 'en-US', timezoneId: 'America/New_York', bypassCSP: true });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The screen is there when its h1 is, no loader spins and the charts have drawn. */
async function settled(): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // a locator, not a string predicate: Playwright polls a string with eval, which the app's CSP refuses
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForTimeout(400);
}

async function seriousViolations(screen: string): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Both sizes in Dutch, the laptop size in English: the layout does not change with the language, and CI time counts. */
async function shoot(name: string, sizes: readonly { width: number; height: number }[] = SIZES): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(SCREENSHOTS, `scherm-${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}

/** Visible text only: every date reads dd-mm-jjjj in both languages, so no ISO date and no slashed date (12/09/2026 or 9/12/26). */
async function foreignDates(): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...text.matchAll(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g)].map((m) => m[0]);
}

/**
 * The follow-up screens need a member in the follow-up: the demo club's first overdue item had its
 * last dunning letter a month ago (as a run leaves it: the letter, the item's level and date), so
 * the Aanmaningen screen lists the member for hand-over, and a call with a call-back today puts the
 * member on the Belrondje and in the dossier on the card.
 */
async function followUpScenery(): Promise<{ followed: number; handedOver: number }> {
  const ctx = server.ctx;
  const today = ctx.today();
  const overdue = call(ctx, 'items.list', { status: 'open', overdueOnly: true, owedOnly: true, limit: 50 }).items;
  const item = overdue[0]!;
  const other = overdue.find((i) => i.debtorId !== item.debtorId)!;
  const last = call(ctx, 'dunning.levels.list', {}).filter((l) => l.active).at(-1)!;
  const letterOn = addDays(today, -30);
  // a second member had the same letter and was handed over today: the card says so
  ctx.db.prepare('UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE id = ?').run(last.id, letterOn, other.id);
  const handOver = await dispatchAsync(ctx, 'dunning.handOver', { date: today, debtorIds: [other.debtorId] });
  if (!handOver.ok) throw new Error(JSON.stringify(handOver.error));
  const run = Number(ctx.db.prepare('INSERT INTO dunning_runs (run_date, letters, fees, costs) VALUES (?, 1, 0, 0)').run(letterOn).lastInsertRowid);
  const letter = Number(
    ctx.db
      .prepare("INSERT INTO dunning_letters (run_id, debtor_id, level_id, date, language, principal, fees, costs, total, payment_reference, delivery) VALUES (?, ?, ?, ?, 'nl', ?, 0, 0, ?, 'RF18', 'print')")
      .run(run, item.debtorId, last.id, letterOn, item.balance, item.balance).lastInsertRowid,
  );
  ctx.db.prepare("INSERT INTO dossier_entries (debtor_id, date, kind, text, letter_id) VALUES (?, ?, 'letter', ?, ?)").run(item.debtorId, letterOn, `${last.name}: ${formatEuro(item.balance, 'nl')} (RF18)`, letter);
  ctx.db.prepare('UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE id = ?').run(last.id, letterOn, item.id);
  call(ctx, 'dossier.add', { debtorId: item.debtorId, kind: 'call', date: addDays(today, -7), text: 'Gebeld: belt terug na overleg thuis', followUpOn: today });
  call(ctx, 'dossier.add', { debtorId: item.debtorId, kind: 'note', date: addDays(today, -3), text: 'Brief over de regeling ontvangen' });
  return { followed: item.debtorId, handedOver: other.debtorId };
}

const SCREENS = (id: number, { followed, handedOver }: { followed: number; handedOver: number }): [string, string][] => [
  ['overzicht', '#/overzicht'],
  ['debiteuren', '#/debiteuren'],
  ['debiteurkaart', `#/debiteuren/${id}`],
  ['debiteurkaart-dossier', `#/debiteuren/${followed}`],
  ['debiteurkaart-overgedragen', `#/debiteuren/${handedOver}`],
  ['ledenlijst-inlezen', '#/debiteuren/inlezen'],
  ['facturen', '#/facturen'],
  ['openstaande-posten', '#/openstaande-posten'],
  ['openstaande-posten-klaar-voor-incasso', '#/openstaande-posten?collect=due'],
  ['openstaande-posten-61-90-dagen', '#/openstaande-posten?dueFrom=2026-08-26&dueTo=2026-09-24&owed=1'],
  ['debiteuren-machtiging-verloopt', '#/debiteuren?mandate=expiring'],
  ['incasso-wacht-op-bank', '#/incasso?batches=awaiting'],
  ['incasso', '#/incasso'],
  ['bankafschriften', '#/bankafschriften'],
  ['bankregels', '#/bankafschriften/regels?filter=unmatched'],
  ['incasso-onderweg', '#/bankafschriften/onderweg'],
  ['stornos', '#/bankafschriften/stornos'],
  ['aanmaningen', '#/aanmaningen'],
  ['belrondje', '#/belrondje'],
  ['terugbetalingen', '#/terugbetalingen'],
  ['instellingen-vereniging', '#/instellingen/organisation'],
  ['instellingen-bankrekeningen', '#/instellingen/bankAccounts'],
  ['instellingen-incasso', '#/instellingen/collection'],
  ['instellingen-stornos', '#/instellingen/storno'],
  ['instellingen-aanmaningen', '#/instellingen/dunning'],
  ['instellingen-rekeningschema', '#/instellingen/chart'],
  ['instellingen-dagboeken', '#/instellingen/journals'],
  ['instellingen-taal', '#/instellingen/language'],
  ['reservekopieen', '#/reservekopieen'],
];

describe('every screen, Dutch and English, two sizes, en-US browser', () => {
  it('the first-run screen', async () => {
    await page.goto(server.url);
    for (const lang of ['nl', 'en'] as const) {
      await page.evaluate(`localStorage.setItem('penning.lang', '${lang}')`);
      await page.reload();
      await settled();
      await shoot(`eerste-start-${lang}`);
      expect(await seriousViolations(`eerste-start-${lang}`)).toEqual([]);
    }
    await page.evaluate(`localStorage.setItem('penning.lang', 'nl')`);
  });

  it('the demo club on every screen', async () => {
    call(server.ctx, 'setup.demo', {});
    debtorId = call(server.ctx, 'debtors.list', { limit: 1 }).debtors[0]!.id;
    const followUp = await followUpScenery();
    const violations: string[] = [];
    const dates: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      call(server.ctx, 'settings.update', { language: lang });
      await page.evaluate(`localStorage.setItem('penning.lang', '${lang}')`);
      // the language is read when the page loads; after that each screen is a hash change
      await page.reload();
      for (const [name, hash] of SCREENS(debtorId, followUp)) {
        await page.goto(`${server.url.split('?')[0]}${hash}`);
        await settled();
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
        await shoot(`${name}-${lang}`, lang === 'nl' ? SIZES : SIZES.slice(0, 1));
        violations.push(...(await seriousViolations(`${name}-${lang}`)));
        dates.push(...(await foreignDates()).map((d) => `${name}-${lang}: ${d}`));
      }
    }
    expect(violations).toEqual([]);
    expect(dates).toEqual([]);
  }, 600_000);
});
