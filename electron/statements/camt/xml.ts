import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StatementReadError } from '../model';
import { MAX_XML_DEPTH } from './limits';

/**
 * A light element tree: local names only (banks use a default namespace, a prefix such as
 * `ns2:`, or none, and every camt version from .001.02 to .001.13 keeps the element names), so
 * readers look children up by name and never depend on schema order or namespace.
 */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** the element's own text, untrimmed; only meaningful for leaves */
  text: string;
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
  const text = tail + piece;
  const m = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (!m) return;
  let line = lineAtStart;
  for (let i = text.indexOf('\n', tail.length); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  throw new StatementReadError(
    `regel ${line}`,
    `Het bestand bevat een <!${m[1]!.toUpperCase()}>-declaratie; bankbestanden hebben die nooit en Penning leest ze niet (beveiliging)`,
    `The file contains a <!${m[1]!.toUpperCase()}> declaration; bank files never do and Penning does not read them (security)`,
  );
}

export function parseXml(pieces: Iterable<string>, onClose: OnClose): XNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XNode[] = [];
  let root: XNode | null = null;
  const malformed = (reason: string): StatementReadError =>
    new StatementReadError(`regel ${parser.line}`, `Het bestand is geen geldige XML: ${reason}`, `The file is not well-formed XML: ${reason}`);

  parser.on('doctype', () => {
    throw malformed('DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length >= MAX_XML_DEPTH) {
      throw new StatementReadError(
        `regel ${parser.line}, <${localName(tag.name)}>`,
        `Het XML-bestand is dieper genest dan ${MAX_XML_DEPTH} niveaus; dat doet geen bankbestand`,
        `The XML file nests deeper than ${MAX_XML_DEPTH} levels; no bank file does`,
      );
    }
    const node: XNode = { name: localName(tag.name), attrs: tag.attributes, children: [], text: '' };
    if (!root) root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const cur = stack[stack.length - 1];
    if (cur) cur.text += t;
  });
  parser.on('cdata', (t) => {
    const cur = stack[stack.length - 1];
    if (cur) cur.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (parent && !onClose(node, stack)) parent.children.push(node);
  });
  parser.on('error', (e) => {
    // saxes prefixes its messages with "line:column: "; the line is already in `where`
    throw malformed(e.message.replace(/^\d+:\d+:\s*/, ''));
  });
  let tail = '';
  for (const piece of pieces) {
    refuseDtd(piece, tail, parser.line);
    parser.write(piece);
    tail = piece.slice(-10);
  }
  parser.close();
  if (!root) throw malformed('geen element / no element');
  return root;
}

/** The first child with this local name, or null. */
export function child(node: XNode | null | undefined, name: string): XNode | null {
  if (!node) return null;
  for (const c of node.children) if (c.name === name) return c;
  return null;
}

/** Every child with this local name. */
export function childrenNamed(node: XNode | null | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

// the readers ask for the same few hundred paths a million times in a large file
const stepsOf = new Map<string, string[]>();

/** Follows a path of local names ("Refs/EndToEndId"); null when any step is missing. */
export function at(node: XNode | null | undefined, path: string): XNode | null {
  let steps = stepsOf.get(path);
  if (!steps) stepsOf.set(path, (steps = path.split('/')));
  let cur: XNode | null | undefined = node;
  for (const step of steps) {
    cur = child(cur, step);
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
