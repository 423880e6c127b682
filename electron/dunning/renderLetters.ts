import { checkEmlAddresses, letterEml, wantsEml } from './eml';
import type { DunningLetterData } from './letterData';
import { PdfConcat } from '../letters/pdfConcat';
import { appendLetter, checkLetter, combinedInfo, letterFileName, letterPdf } from './letterPdf';

export interface RenderedLetter {
  debtorNumber: string;
  fileName: string;
  pdf: Buffer;
  /** the .eml draft, for a member with an e-mail address (the club needs one too) */
  eml?: string;
  emlFileName?: string;
}

/**
 * A run's letters: one PDF per member (and an .eml draft where there is an e-mail address) and
 * all of them in one PDF to print. Every letter is checked before anything is drawn, so bad data
 * produces one message and no files. Each letter is drawn once, into its own document, and its
 * pages are copied into the print file (pdfConcat); between letters the event loop gets a turn,
 * so progress reaches the window while a thousand letters are made.
 */
export async function renderDunningLetters(
  letters: DunningLetterData[],
  onProgress?: (done: number, total: number) => void,
  options: { duplex?: boolean; combinedFileName?: string } = {},
): Promise<{ letters: RenderedLetter[]; combined: { fileName: string; pdf: Buffer } }> {
  letters.forEach(checkLetter);
  letters.filter(wantsEml).forEach(checkEmlAddresses);
  const names = uniqueNames(letters.map(letterFileName));
  const combined = new PdfConcat(combinedInfo(letters));
  const out: RenderedLetter[] = [];
  for (const [i, d] of letters.entries()) {
    onProgress?.(i, letters.length);
    const { pdf } = await letterPdf(d);
    appendLetter(combined, pdf, !!options.duplex);
    const fileName = names[i]!;
    const rendered: RenderedLetter = { debtorNumber: d.debtor.number, fileName, pdf };
    if (wantsEml(d)) {
      rendered.eml = letterEml(d, { fileName, pdf });
      rendered.emlFileName = fileName.replace(/\.pdf$/, '.eml');
    }
    out.push(rendered);
  }
  onProgress?.(letters.length, letters.length);
  return { letters: out, combined: { fileName: options.combinedFileName ?? 'brieven-afdrukken.pdf', pdf: combined.end() } };
}

/** A second letter for the same member in one run gets "-2", so no file overwrites another. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : n.replace(/\.pdf$/, `-${count}.pdf`);
  });
}
