import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StatementReadError } from '../model';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS_HELD } from './limits';

/**
 * A light element tree: local names only (banks use a default namespace, a prefix such as
 * `ns2:`, or none, and every camt version from .001.02 to .001.13 keeps the element names), so
 * readers look children up by name and never depend on schema order or namespace.
 */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  /** the element's own text, untrimmed; only meaningful for leaves */
  text: string;
  /**
   * The children as a chain (first child, each child's next sibling), not an array per element:
   * a large statement has millions of elements, and growing an array for each cost more than
   * reading them (measured: 550 MB of arrays allocated for the 100 000-entry file).
   */
  first: XNode | null;
  next: XNode | null;
}

export function newNode(name: string, attrs: Record<string, string>): XNode {
  return { name, attrs, text: '', first: null, next: null };
}

/**
 * The open elements while a parser reads, each with its last child so far (kept here rather than
 * in every node: only the open ones need it).
 */
export class OpenElements {
  readonly nodes: XNode[] = [];
  private readonly lastChild: Array<XNode | null> = [];

  push(node: XNode): void {
    this.nodes.push(node);
    this.lastChild.push(null);
  }

  pop(): XNode {
    this.lastChild.pop();
    return this.nodes.pop()!;
  }

  /** Adds a closed element under the innermost open one. */
  append(node: XNode): void {
    const top = this.nodes.length - 1;
    const last = this.lastChild[top];
    if (last === null || last === undefined) this.nodes[top]!.first = node;
    else last.next = node;
    this.lastChild[top] = node;
  }
}

/**
 * Called when an element closes, with its ancestors (root first). Returning true means the
 * caller has taken the element over and it is not kept in the tree: that is how a file of
 * 100 000 entries is read without holding 100 000 element trees at once.
 */
export type OnClose = (node: XNode, ancestors: readonly XNode[]) => boolean;

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/**
 * A DTD is where entity expansion (billion laughs) and external entities (XXE) live. No bank
 * file has one, so any DOCTYPE or ENTITY declaration is refused as soon as it is seen (saxes
 * itself never fetches anything and fails on entities it does not know). `tail` is the end of
 * the previous piece, so a declaration split over two pieces is seen too.
 */
function refuseDtd(piece: string, tail: string, lineAtStart: number): void {
  const at = declarationAt(piece, tail);
  if (at === null) return;
  const edge = tail + piece.slice(0, 16);
  const what = DECLARATION.exec(at < 0 ? edge.slice(at + tail.length) : piece.slice(at, at + 9))![1]!.toUpperCase();
  let line = lineAtStart;
  for (let i = piece.indexOf('\n'); i >= 0 && i < at; i = piece.indexOf('\n', i + 1)) line++;
  throw new StatementReadError(
    `regel ${line}`,
    `Het bestand bevat een <!${what}>-declaratie; bankbestanden hebben die nooit en Penning leest ze niet (beveiliging)`,
    `The file contains a <!${what}> declaration; bank files never do and Penning does not read them (security)`,
  );
}

/** Where a DOCTYPE or ENTITY declaration starts in this piece; negative when it started in the previous one (`tail`); null when there is none. */
export function declarationAt(piece: string, tail: string): number | null {
  const edge = tail + piece.slice(0, 16);
  const hit = DECLARATION.exec(edge);
  if (hit && hit.index < tail.length) return hit.index - tail.length;
  // "<!" is rare in bank files (a comment or CDATA at most), so this loop runs a few times per piece
  for (let i = piece.indexOf('<!'); i >= 0; i = piece.indexOf('<!', i + 2)) {
    if (DECLARATION.test(piece.slice(i, i + 9))) return i;
  }
  return null;
}

const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

/**
 * Parts of a bank file no reader looks at: addresses, the summary totals, related dates, tax and
 * regulatory reporting. Their elements are checked by the parser but not kept.
 */
export const NOT_READ = new Set(['PstlAdr', 'TxsSummry', 'RltdDts', 'AddtlTxInf', 'Tax', 'RgltryRptg', 'RltdPric', 'RltdQties', 'CtctDtls', 'CardTx', 'Intrst', 'RltdRmtInf', 'Purp']);

export function parseXml(pieces: Iterable<string>, onClose: OnClose, maxHeld = MAX_XML_ELEMENTS_HELD): XNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const open = new OpenElements();
  const stack = open.nodes;
  // depth inside an element of NOT_READ, 0 outside
  let skipping = 0;
  let held = 0;
  let root: XNode | null = null;
  const malformed = (reason: string): StatementReadError =>
    new StatementReadError(`regel ${parser.line}`, `Het bestand is geen geldige XML: ${reason}`, `The file is not well-formed XML: ${reason}`);

  parser.on('doctype', () => {
    throw malformed('DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length + skipping >= MAX_XML_DEPTH) {
      throw new StatementReadError(
        `regel ${parser.line}, <${localName(tag.name)}>`,
        `Het XML-bestand is dieper genest dan ${MAX_XML_DEPTH} niveaus; dat doet geen bankbestand`,
        `The XML file nests deeper than ${MAX_XML_DEPTH} levels; no bank file does`,
      );
    }
    const name = localName(tag.name);
    if (skipping > 0 || (root && NOT_READ.has(name))) {
      skipping++;
      return;
    }
    if (!root && name !== 'Document') {
      // refused at once, before a file that is no bank file at all can fill memory
      throw new StatementReadError(`<${name}>`, `Dit XML-bestand is geen ISO 20022-bankbestand (het begint met <${name}>, niet <Document>)`, `This XML file is not an ISO 20022 bank file (it starts with <${name}>, not <Document>)`);
    }
    if (++held > maxHeld) {
      throw new StatementReadError(
        `regel ${parser.line}`,
        `Het bestand heeft meer dan ${maxHeld.toLocaleString('nl-NL')} elementen buiten de boekingen; dat doet geen bankbestand`,
        `The file has more than ${maxHeld.toLocaleString('en')} elements outside its entries; no bank file does`,
      );
    }
    const node = newNode(name, tag.attributes);
    if (!root) root = node;
    open.push(node);
  });
  parser.on('text', (t) => {
    if (skipping > 0) return;
    const cur = stack[stack.length - 1];
    // the indentation between elements is most of a bank file's text; containers need none of it
    if (cur && (cur.text !== '' || !isBlank(t))) cur.text += t;
  });
  parser.on('cdata', (t) => {
    if (skipping > 0) return;
    const cur = stack[stack.length - 1];
    if (cur) cur.text += t;
  });
  parser.on('closetag', () => {
    if (skipping > 0) {
      skipping--;
      return;
    }
    const node = open.pop();
    // saxes' text is cut from its megabyte-sized piece, which one kept value would keep alive
    if (node.text !== '') node.text = ownCopy(node.text);
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (onClose(node, stack)) held -= count(node);
    else open.append(node);
  });
  parser.on('error', (e) => {
    // saxes prefixes its messages with "line:column: "; the line is already in `where`
    throw malformed(e.message.replace(/^\d+:\d+:\s*/, ''));
  });
  let tail = '';
  let first = true;
  for (let piece of pieces) {
    if (first && piece !== '') {
      // some export tools put blank lines before the XML declaration, which XML forbids; they carry nothing
      const lead = leadingBlankLines(piece);
      piece = piece.slice(lead.length);
      parser.line += lead.split('\n').length - 1;
      first = false;
    }
    refuseDtd(piece, tail, parser.line);
    parser.write(piece);
    tail = piece.slice(-10);
  }
  parser.close();
  if (!root) throw malformed('geen element / no element');
  return root;
}

/** Blank lines some export tools put before the XML declaration, which XML forbids; they carry nothing. */
export function leadingBlankLines(firstPiece: string): string {
  return /^\s+(?=<)/.exec(firstPiece)?.[0] ?? '';
}

function count(node: XNode): number {
  let n = 1;
  for (let c = node.first; c !== null; c = c.next) n += count(c);
  return n;
}

/**
 * The same characters in a string of their own: V8 represents a substring of 13 characters or
 * more as a view on its parent (and a concatenation as a pair), so a kept value would keep the
 * parser's whole piece of text alive.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function isBlank(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** The first child with this local name, or null. */
export function child(node: XNode | null | undefined, name: string): XNode | null {
  if (!node) return null;
  for (let c = node.first; c !== null; c = c.next) if (c.name === name) return c;
  return null;
}

/** The next sibling with this local name, or null: with child(), the children of one name without an array. */
export function nextNamed(node: XNode, name: string): XNode | null {
  for (let c = node.next; c !== null; c = c.next) if (c.name === name) return c;
  return null;
}

/** Every child with this local name. */
export function childrenNamed(node: XNode | null | undefined, name: string): XNode[] {
  const found: XNode[] = [];
  if (!node) return found;
  for (let c = node.first; c !== null; c = c.next) if (c.name === name) found.push(c);
  return found;
}

// the readers ask for the same few hundred paths a million times in a large file
const stepsOf = new Map<string, string[]>();

/** Follows a path of local names ("Refs/EndToEndId"); null when any step is missing. */
export function at(node: XNode | null | undefined, path: string): XNode | null {
  if (!path.includes('/')) return child(node, path);
  let steps = stepsOf.get(path);
  if (!steps) stepsOf.set(path, (steps = path.split('/')));
  let cur: XNode | null | undefined = node;
  for (let i = 0; i < steps.length; i++) {
    cur = child(cur, steps[i]!);
    if (!cur) return null;
  }
  return cur ?? null;
}

/** The trimmed text at a path, or null when the element is missing or empty. */
export function textAt(node: XNode | null | undefined, path: string): string | null {
  const n = at(node, path);
  if (!n) return null;
  const t = n.text.trim();
  return t === '' ? null : t;
}
