import { codewordPattern, startsWithCodeword } from './codewords';

/** SWIFT lines hold 65 characters; a bank that cuts a field there cuts through words and codewords. */
const LINE_WIDTH = 65;

/**
 * Joins the lines of a field back into the text the bank meant. A line filled to the full width
 * was cut, so it continues without a space ("Nederl" + "and"); so does a line next to a codeword
 * slash, or a codeword cut in two ("/RE" + "MI/"). Other line ends were word breaks: one space.
 */
export function unwrap(lines: string[]): string {
  if (lines.length === 1) return lines[0]!.trim();
  const structured = lines.length > 0 && startsWithCodeword(lines[0]!);
  let text = '';
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (i === 0) {
      text = previous = line;
      continue;
    }
    const glue =
      previous.length >= LINE_WIDTH ||
      codewordAcross(previous, line) ||
      // Triodos' >NN subfields carry their own spacing
      line.startsWith('>') ||
      (structured && (line.startsWith('/') || previous.endsWith('/')));
    text += glue ? line : ` ${line.trimStart()}`;
    previous = line;
  }
  return text.trim();
}

function codewordAcross(before: string, after: string): boolean {
  // a codeword across the break opens with a slash before it and closes with one after it
  const slashAfter = after.indexOf('/');
  if (slashAfter < 0 || slashAfter >= 10 || before.indexOf('/', Math.max(0, before.length - 10)) < 0) return false;
  const tail = before.slice(-10);
  const joined = tail + after.slice(0, 10);
  const re = codewordPattern();
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    if (m.index < tail.length && m.index + m[0].length > tail.length) return true;
  }
  return false;
}
