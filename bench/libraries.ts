import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { zipSync } from 'fflate';
import { parseCsv } from '../electron/imports/csv';
import { zipStored } from './handwritten/zip';

/**
 * Issue 8 §21: our hand-written CSV reader and ZIP writer against the maintained libraries that do
 * the same (csv-parse, fflate), on the sizes Penning meets: npx tsx bench/libraries.ts. Measured
 * on the shared 2-core build machine (25-11-2026, load 20-30), three runs: CSV ours 6 333 / 6 305 /
 * 7 789 ms vs csv-parse 6 454 / 9 499 / 11 504 ms, the same records and lines; ZIP ours 194 / 179 ms
 * vs fflate 153 / 125 ms. So the member import keeps its own reader (as fast or faster, and it
 * counts record lines itself, which csv-parse leaves to the caller) and the specifications ZIP is
 * fflate's; the old ZIP writer lives on in bench/handwritten/ for this bench only.
 */
const time = (f: () => unknown, n = 5) => {
  f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  return Math.round(((performance.now() - t0) / n) * 10) / 10;
};

const rows = Array.from({ length: 100_000 }, (_, i) => `${10_000 + i};"Berg-Çelik, van der";Lid ${i};NL20INGB000${String(1_000_000 + i)};"Straat ""${i}""\nTweede regel";01-01-2024`);
const csv = `Lidnummer;Naam;Voornaam;IBAN;Adres;Datum machtiging\r\n${rows.join('\r\n')}\r\n`;
const ours = parseCsv(csv, ';');
const theirs = parse(csv, { delimiter: ';', relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
const same = ours.length === theirs.length && ours.every((r, i) => r.fields.join('\u0001') === theirs[i]!.record.join('\u0001') && r.line === theirs[i]!.info.lines - (theirs[i]!.record[4]!.split('\n').length - 1));

const pdfs = Array.from({ length: 300 }, (_, i) => ({ name: `specificatie-INC-2026-0001-${1000 + i}.pdf`, data: Buffer.alloc(12_000, i % 251) }));
const when = new Date('2026-11-24T10:00:00');
console.table([
  { what: 'CSV 100 000 members (quotes, line breaks)', ours: `${time(() => parseCsv(csv, ';'), 3)} ms`, library: `csv-parse ${time(() => parse(csv, { delimiter: ';', relax_column_count: true, skip_empty_lines: true, info: true }), 3)} ms`, sameRecords: same },
  { what: 'ZIP 300 PDFs x 12 kB, stored', ours: `${time(() => zipStored(pdfs, when))} ms`, library: `fflate ${time(() => zipSync(Object.fromEntries(pdfs.map((p) => [p.name, [p.data, { level: 0, mtime: when }]]))))} ms`, sameRecords: '-' },
]);
