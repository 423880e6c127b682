import fs from 'node:fs';
import path from 'node:path';
import type { DunningLetterData, LetterItem } from '../electron/dunning/letterData';
import { DEFAULT_WINDOW } from '../electron/dunning/letterPdf';
import { renderDunningLetters } from '../electron/dunning/renderLetters';

/**
 * One measurement of bench/dunningLetters.ts in a process of its own, so its peak memory is the
 * letters' alone: `tsx dunningLettersChild.ts <n> <folder>` renders n letters (1-6 items each, one
 * in fifty with a list of 60 that runs over pages, one in five in English, half with e-mail), writes
 * every per-member PDF and .eml and the combined PDF into the folder, and prints the figures.
 */
function letters(n: number): DunningLetterData[] {
  const organisation = { name: 'Tennisvereniging De Zwaluwen', street: 'Sportlaan 12', postalCode: '3584 CS', city: 'Utrecht', country: 'NL', email: 'penningmeester@dezwaluwen.nl', phone: '030 123 4567', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' };
  return Array.from({ length: n }, (_, k) => {
    const count = k % 50 === 7 ? 60 : 1 + (k % 6);
    const items: LetterItem[] = Array.from({ length: count }, (_, i) => ({ document: `2026-${String(k * 10 + i).padStart(5, '0')}`, description: i === 0 ? 'Contributie 2026-2027' : `Baanhuur periode ${i}`, itemDate: '2026-09-01', dueDate: '2026-09-15', amount: 9_500 + i * 125, paid: i === 0 && k % 3 === 0 ? 2_500 : 0, open: 9_500 + i * 125 - (i === 0 && k % 3 === 0 ? 2_500 : 0) }));
    const announced = k % 4 === 2;
    const charged = k % 4 === 3;
    const collectionCosts = announced || charged ? { amount: 4_000, vat: k % 8 === 3 ? 840 : 0, charged } : null;
    const fees = charged ? [] : [{ description: 'Aanmaankosten', amount: 500 }];
    const interest = charged ? 137 : 0;
    const total = items.reduce((s, i) => s + i.open, 0) + fees.reduce((s, f) => s + f.amount, 0) + (charged ? collectionCosts!.amount + collectionCosts!.vat : 0) + interest;
    const en = k % 5 === 4;
    return {
      language: en ? 'en' : 'nl',
      date: '2026-11-26',
      organisation,
      debtor: { number: String(1000 + k), name: `Lid ${k} van der Berg-Ünal`, street: `Dorpsstraat ${k + 1}`, postalCode: '3511 AB', city: 'Utrecht', country: 'NL', email: k % 2 ? `lid${k}@example.nl` : null, phone: null },
      levelName: announced ? (en ? 'Fourteen-day letter' : 'Veertiendagenbrief') : en ? 'Reminder' : 'Aanmaning',
      body: en ? 'Our records show amounts that are past their due date.\n\nPlease pay the amount below.' : 'In onze administratie staan nog posten open waarvan de betaaltermijn is verstreken.\n\nWilt u het bedrag hieronder betalen?\n\nMet vriendelijke groet,\n\nde penningmeester',
      items,
      fees,
      collectionCosts,
      interest,
      interestThrough: interest ? '2026-11-26' : null,
      total,
      paymentReference: `2026${String(1000 + k).padStart(6, '0')}`,
      termEndsOn: announced ? '2026-12-11' : null,
      window: { leftMm: DEFAULT_WINDOW.leftMm, topMm: DEFAULT_WINDOW.topMm },
    } satisfies DunningLetterData;
  });
}

async function child(n: number, folder: string): Promise<void> {
  const data = letters(n);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const run = await renderDunningLetters(data);
  const renderMs = performance.now() - t0;
  const renderCpu = process.cpuUsage(c0);
  let bytes = 0;
  let emls = 0;
  for (const l of run.letters) {
    fs.writeFileSync(path.join(folder, l.fileName), l.pdf);
    bytes += l.pdf.length;
    if (l.eml) {
      fs.writeFileSync(path.join(folder, l.emlFileName!), l.eml);
      emls++;
    }
  }
  fs.writeFileSync(path.join(folder, run.combined.fileName), run.combined.pdf);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ ms, renderMs, renderCpuMs: (renderCpu.user + renderCpu.system) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, letters: run.letters.length, emls, perLetterBytes: bytes, combinedBytes: run.combined.pdf.length }));
}

void child(Number(process.argv[2]), process.argv[3]!);
