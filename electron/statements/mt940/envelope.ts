import { lineError, short } from './errors';

/** One MT940 field: its tag, its text lines (the first without the tag) and the line it starts on. */
export interface Field {
  tag: string;
  lines: string[];
  line: number;
}

export interface Envelope {
  fields: Field[];
  /** text of the SWIFT header blocks ({1:}, {2:}) and of bank header lines (ABN AMRO's "ABNANL2A / 940"): where the sender's BIC is */
  headers: string;
  /** Rabobank starts its files with a bare ":940:" line */
  rabobankHeader: boolean;
}

/** The tags an MT940 (and the MT942 fields some banks mix in) may carry; anything else starting with ":NN:" is text. */
const TAG = /^:(20|21|25P?|28C?|60[FM]|61|62[FM]|64|65|86|13D?|34F|90[CD]|NS):/;
const TAGS = new Set(['20', '21', '25', '25P', '28', '28C', '60F', '60M', '61', '62F', '62M', '64', '65', '86', '13', '13D', '34F', '90C', '90D', 'NS']);

/** What TAG finds, without a regular expression and its match array: a statement of 100 000 entries has half a million lines. */
function tagOf(s: string): string | null {
  const close = s.indexOf(':', 1);
  if (close < 3 || close > 4) return null;
  const tag = s.slice(1, close);
  return TAGS.has(tag) ? tag : null;
}

/** A printable ASCII character that starts no header block, message end or tag: the line is a field's next line. */
const plainStart = (c: number): boolean => c > 0x20 && c < 0x7f && c !== 0x7b && c !== 0x7d && c !== 0x2d && c !== 0x3a;

/**
 * Splits the text into fields, reading through what surrounds them: SWIFT blocks {1:}{2:}{3:}{4:
 * ... -}{5:}, bank header lines, "-" separators between messages and blank lines. A line that is
 * not a tag continues the field before it (a wrapped :86: or the :61: supplementary line).
 * Fed one line at a time, so that a file of half a million lines is read without holding them:
 * each field is handed out as it starts (its next lines are added to it until the next one starts).
 */
export class FieldSplitter {
  headers = '';
  rabobankHeader = false;
  private open: Field | null = null;

  constructor(private readonly onField: (f: Field) => void) {}

  line(line: string, lineNo: number): void {
    // the end of a message may be followed by the next one's header blocks on the same line: that rest is read as a line of its own
    for (let s: string | null = line; s !== null; ) s = this.read(s, lineNo);
  }

  private start(tag: string, first: string, lineNo: number): void {
    this.open = { tag, lines: [first], line: lineNo };
    this.onField(this.open);
  }

  private read(line: string, lineNo: number): string | null {
    let s = line;
    // the two kinds of line nearly every line is, decided without trimming: a field's tag, a field's next line
    const c = s.charCodeAt(0);
    if (c === 0x3a && !s.startsWith(':940:')) {
      const fast = tagOf(s);
      if (fast !== null) {
        this.start(fast, s.slice(fast.length + 2), lineNo);
        return null;
      }
    } else if (this.open && plainStart(c)) {
      this.open.lines.push(s);
      return null;
    }
    if (s.trim() === '') return null;
    // header blocks may share a line with each other and with the first field ("{4::20:...")
    while (s.startsWith('{')) {
      const block = /^\{([1-5]):/.exec(s);
      if (!block) throw lineError(lineNo, `"{" opent geen SWIFT-blok ({1:} tot {5:})`, `"{" does not open a SWIFT block ({1:} to {5:})`);
      if (block[1] === '4') {
        s = s.slice(3);
        this.open = null;
        continue;
      }
      const end = closingBrace(s);
      if (end < 0) throw lineError(lineNo, `het SWIFT-blok {${block[1]}:} wordt niet gesloten met "}"`, `the SWIFT block {${block[1]}:} is not closed with "}"`);
      if (block[1] !== '5') this.headers += ` ${s.slice(0, end + 1)}`;
      s = s.slice(end + 1);
    }
    if (s.trim() === '') return null;
    const trimmed = s.trim();
    // end of a message: "-}", "-" alone, a bare "}" (where a soft hyphen stood for "-"), optionally followed by {5:...}
    if (/^-?\}/.test(trimmed) || trimmed === '-') {
      const rest = trimmed.replace(/^-?\}?/, '');
      if (rest && !/^(\{5:.*\}|\{[1-5]:.*)$/.test(rest)) throw lineError(lineNo, `tekst na het einde van het bericht: "${short(rest)}"`, `text after the end of the message: "${short(rest)}"`);
      this.open = null;
      return rest.startsWith('{') && !rest.startsWith('{5:') ? rest : null;
    }
    if (trimmed === ':940:') {
      this.rabobankHeader = true;
      this.open = null;
      return null;
    }
    const tag = TAG.exec(s);
    if (tag) {
      this.start(tag[1]!, s.slice(tag[0].length), lineNo);
      return null;
    }
    if (this.open) {
      this.open.lines.push(s);
      return null;
    }
    // before the first field of a message only header lines belong: a BIC, "940", a sequence number
    if (/^[A-Za-z0-9 .:/-]{1,40}$/.test(trimmed) && !trimmed.startsWith(':')) {
      this.headers += ` ${trimmed}`;
      return null;
    }
    throw lineError(lineNo, `"${short(trimmed)}" staat buiten een MT940-veld (elk veld begint met een tag zoals :61:)`, `"${short(trimmed)}" is outside any MT940 field (every field starts with a tag such as :61:)`);
  }
}

/** The whole text's fields at once (small files, tests). */
export function splitFields(lines: string[]): Envelope {
  const fields: Field[] = [];
  const splitter = new FieldSplitter((f) => fields.push(f));
  for (let i = 0; i < lines.length; i++) splitter.line(lines[i]!, i + 1);
  return { fields, headers: splitter.headers, rabobankHeader: splitter.rabobankHeader };
}

/** Index of the "}" closing the block that starts at 0, counting nested blocks ({3:{108:...}}). */
function closingBrace(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
