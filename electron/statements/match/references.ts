/**
 * Payment references in free text: the tokens a member may type (invoice number 2026-0001,
 * RF18 2026 0001, betalingskenmerk). Only tokens of letters and digits count, not digits alone —
 * an amount or a year in the text must not pick an invoice.
 */
export function normalizeReference(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function referenceTokens(text: string): string[] {
  const out = new Set<string>();
  // whole words first (2026/0001 may be one invoice number), then their parts (2026-0001/2026-0002 are two)
  const words = text.split(/[\s,;:()"'[\]{}]+/);
  for (const raw of [...words, ...words.flatMap((w) => (/[/+&]/.test(w) ? w.split(/[/+&]+/) : []))]) {
    const t = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (t.length < 4 || /^\d+$/.test(t)) continue;
    out.add(normalizeReference(t));
    // an RF creditor reference carries the reference after "RF" and two check digits
    if (/^RF\d{2}/i.test(t)) out.add(normalizeReference(t.slice(4)));
  }
  // "RF18 2026 0001": the RF reference in groups of four
  for (const rf of text.matchAll(/\bRF\d{2}((?:\s?[A-Z0-9]{1,4})+)/gi)) out.add(normalizeReference(rf[1]!));
  return [...out].filter((t) => t.length >= 4);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Names as banks write them: case, accents, punctuation and word order do not matter. */
export function normalizeName(s: string): string {
  // most names are plain ASCII: decomposing them finds no accents to drop
  return (ASCII.test(s) ? s : s.normalize('NFD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}
