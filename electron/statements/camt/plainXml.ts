import { MAX_XML_DEPTH } from './limits';
import { NOT_READ, declarationAt, leadingBlankLines, type OnClose, type XNode } from './xml';

/**
 * The fast path for what banks actually send: elements, attributes without entities, text with
 * the five predefined and numeric character references, comments and an XML declaration. saxes
 * reads a 100 000-entry camt.053 in some 5 s of CPU, most of it character by character in its
 * state machine; this reads the same file by searching for "<" and ">" and builds the same tree.
 *
 * It accepts only what saxes accepts and gives the same tree for it. Whenever it meets anything
 * else (a DTD, CDATA, a processing instruction, a name outside ASCII, an entity in an attribute,
 * a character XML forbids, a malformed tag, the depth or element bound) it stops with
 * NotPlainXml and the caller reads the file again with saxes, which gives the refusal with its
 * line number or reads the unusual construct. So every refusal stays saxes' own, word for word.
 */
export class NotPlainXml extends Error {
  constructor(why: string) {
    super(`not plain XML: ${why}`);
  }
}

/** Shared by every element without attributes (nearly all); saxes gives each a prototype-less object too. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);
const NO_CHILDREN = Object.freeze([]) as unknown as XNode[];

/** A run longer than this that is still open at the end of a piece is no bank file's text: saxes reads it. */
const MAX_CARRY = 1 << 22;
const STEP = 1 << 14;
const NAME_SLOTS = 4096;

/** What a value must not contain to be taken as is: references, carriage returns, "]]>", characters XML forbids (lone surrogates are checked after). */
const NEEDS_A_LOOK = /[&\r\]\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
/** In an attribute value saxes also normalises white space and reads references: left to saxes. */
const ATTRIBUTE_NEEDS_SAXES = /[&<\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
const PREDEFINED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/** The Char production of XML 1.0, as saxes checks character references. */
const isXmlChar = (n: number): boolean =>
  n === 0x09 || n === 0x0a || n === 0x0d || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Text as saxes hands it over: line ends made "\n", references replaced. Anything saxes would
 * refuse is NotPlainXml, so that saxes itself says so.
 */
function lookedAt(raw: string): string {
  if (raw.includes(']]>')) throw new NotPlainXml(']]> in text');
  onlyXmlCharacters(raw);
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? text.replace(/&([^;&]*);|&/g, reference) : text;
}

function onlyXmlCharacters(raw: string): void {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = raw.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw new NotPlainXml('lone surrogate');
      i++;
    } else if ((c < 0x20 && !isSpace(c)) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      throw new NotPlainXml('character XML forbids');
    }
  }
}

function reference(whole: string, name: string | undefined): string {
  if (name === undefined) throw new NotPlainXml('& without ;');
  if (name[0] !== '#') {
    const known = PREDEFINED.get(name);
    if (known === undefined) throw new NotPlainXml('undefined entity');
    return known;
  }
  let n = NaN;
  if (name[1] === 'x' && /^#x[0-9a-f]+$/i.test(name)) n = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) n = parseInt(name.slice(1), 10);
  if (!isXmlChar(n)) throw new NotPlainXml(`bad character reference ${whole}`);
  return String.fromCodePoint(n);
}

/**
 * Reads the pieces into the same light tree parseXml builds, calling onClose the same way; throws
 * NotPlainXml (before or after onClose calls, which the caller then discards) for anything else.
 */
export function parsePlainXml(pieces: Iterable<string>, onClose: OnClose, maxHeld: number): XNode {
  const reader = new PlainXmlReader(onClose, maxHeld);
  let carry = '';
  let first = true;
  let tail = '';
  for (let piece of pieces) {
    let i = 0;
    if (first && piece !== '') {
      first = false;
      piece = piece.slice(leadingBlankLines(piece).length);
      // saxes skips a byte order mark here; such a file is left to it
      if (piece.charCodeAt(0) !== 0x3c) throw new NotPlainXml('does not start with <');
      if (piece.startsWith('<?')) {
        const declaration = DECLARATION.exec(piece);
        if (!declaration) throw new NotPlainXml('XML declaration saxes must read');
        i = declaration[0].length;
      }
    }
    // parseXml refuses a piece with a DTD before reading any of it: so must this, to refuse the same way
    if (declarationAt(piece, tail) !== null) throw new NotPlainXml('DTD');
    tail = piece.slice(-10);
    const s = carry === '' ? piece : carry + piece;
    if (carry !== '') i = 0;
    // in steps, so that V8 optimises scan() after the first few: it counts calls, not loop turns, before it starts
    for (let next = i; next < s.length; ) {
      i = next;
      next = reader.scan(s, i, Math.min(s.length, i + STEP));
      if (next < Math.min(s.length, i + STEP)) {
        i = next;
        break;
      }
      i = next;
    }
    carry = i < s.length ? s.slice(i) : '';
    if (carry.length > MAX_CARRY) throw new NotPlainXml('a very long run of text');
  }
  return reader.end(carry);
}

interface TagName {
  qname: string;
  /** without its namespace prefix */
  local: string;
  /** one of the parts no reader looks at */
  notRead: boolean;
}

/** The same characters as an internalised string (what V8 keeps for property names). */
function internalised(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/**
 * The reader's state between pieces. A class, not closures inside parsePlainXml: V8 optimises its
 * small methods after a few calls, where a closure made by a function that runs once stays
 * interpreted (measured: 6 s instead of 2.5 s for the 100 000-entry file).
 */
class PlainXmlReader {
  /** every open element's qualified name, also those inside NOT_READ parts */
  private readonly names: string[] = [];
  /** the kept nodes, root first */
  private readonly stack: XNode[] = [];
  /** `held` when each kept node opened: what dropping its subtree gives back */
  private readonly heldAt: number[] = [];
  private readonly nameCache: Array<TagName | undefined> = new Array<TagName | undefined>(NAME_SLOTS).fill(undefined);
  private skipping = 0;
  private held = 0;
  private root: XNode | null = null;
  private rootClosed = false;

  constructor(
    private readonly onClose: OnClose,
    private readonly maxHeld: number,
  ) {}

  /**
   * Reads the tags and text that start before `stop` and are whole in `s`; returns where it
   * stopped: at or after `stop`, or before it where `s` ends in an unfinished tag or text.
   */
  scan(s: string, i: number, stop: number): number {
    const end = s.length;
    while (i < stop) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return i;
      if (lt > i) this.text(s, i, lt);
      const next = this.markup(s, lt, end);
      if (next < 0) return lt;
      i = next;
    }
    return i;
  }

  /** What is left after the last piece: white space after the root, or an unfinished construct. */
  end(carry: string): XNode {
    if (carry !== '') {
      if (this.names.length > 0 || carry.includes('<')) throw new NotPlainXml('unexpected end');
      this.text(carry, 0, carry.length);
    }
    if (!this.root || this.names.length > 0) throw new NotPlainXml('no complete root element');
    return this.root;
  }

  /** The tag or comment at `i` (a "<"); where it ends, or -1 when it is not whole in `s`. */
  private markup(s: string, i: number, end: number): number {
    if (i + 1 >= end) return -1;
    const c = s.charCodeAt(i + 1);
    if (c === 0x2f) return this.closeTag(s, i, end);
    if (isNameStart(c)) return this.openTag(s, i, end);
    if (c === 0x21) return comment(s, i, end);
    // "<?" after the declaration, "<" before a space or a name outside ASCII
    throw new NotPlainXml('markup saxes must read');
  }

  /** </name S? > */
  private closeTag(s: string, i: number, end: number): number {
    const qname = this.names[this.names.length - 1];
    if (qname === undefined) throw new NotPlainXml('closing tag without an open element');
    let j = i + 2 + qname.length;
    if (j >= end) return -1;
    if (!s.startsWith(qname, i + 2)) throw new NotPlainXml('closing tag does not match');
    while (j < end && isSpace(s.charCodeAt(j))) j++;
    if (j >= end) return -1;
    if (s.charCodeAt(j) !== 0x3e) throw new NotPlainXml('malformed closing tag');
    this.close();
    return j + 1;
  }

  /** <name S? /?> (nearly every tag) here; attributes in attributes() */
  private openTag(s: string, i: number, end: number): number {
    // the name's hash is computed on the way, for nameAt's cache
    let hash = s.charCodeAt(i + 1);
    let j = i + 2;
    for (let c = s.charCodeAt(j); j < end && isNameChar(c); c = s.charCodeAt(++j)) hash = (hash * 31 + c) | 0;
    if (j >= end) return -1;
    const name = this.nameAt(s, i + 1, j, hash);
    if (s.charCodeAt(j) === 0x3e) {
      this.open(name, NO_ATTRIBUTES);
      return j + 1;
    }
    return this.attributes(s, name, j, end);
  }

  /**
   * The name between `start` and `end`, from a small cache of the names seen: a bank file has a few
   * hundred distinct names in millions of tags, so most tags cost no new string, and the cached
   * strings are internalised, so the readers' lookups by name compare pointers.
   */
  private nameAt(s: string, start: number, end: number, hash: number): TagName {
    const length = end - start;
    const first = (hash ^ (hash >>> 12)) & (NAME_SLOTS - 1);
    // a few neighbouring slots, so that two names with one slot do not push each other out
    let free = -1;
    for (let k = 0; k < 4; k++) {
      const slot = (first + k) & (NAME_SLOTS - 1);
      const hit = this.nameCache[slot];
      if (hit === undefined) {
        free = slot;
        break;
      }
      if (hit.qname.length === length && s.startsWith(hit.qname, start)) return hit;
    }
    const qname = internalised(s.slice(start, end));
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : internalised(qname.slice(colon + 1));
    const name: TagName = { qname, local, notRead: NOT_READ.has(local) };
    this.nameCache[free < 0 ? first : free] = name;
    return name;
  }

  /** (S attr S? = S? "value")* S? /?> after the name */
  private attributes(s: string, qname: TagName, j: number, end: number): number {
    let attrs = NO_ATTRIBUTES;
    for (;;) {
      const before = j;
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) return -1;
      const d = s.charCodeAt(j);
      if (d === 0x3e) {
        this.open(qname, attrs);
        return j + 1;
      }
      if (d === 0x2f) {
        if (j + 1 >= end) return -1;
        if (s.charCodeAt(j + 1) !== 0x3e) throw new NotPlainXml('/ not followed by >');
        this.open(qname, attrs);
        this.close();
        return j + 2;
      }
      if (j === before || !isNameStart(d)) throw new NotPlainXml('malformed attribute');
      const nameStart = j;
      while (j < end && isNameChar(s.charCodeAt(j))) j++;
      const attr = s.slice(nameStart, j);
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) return -1;
      if (s.charCodeAt(j) !== 0x3d) throw new NotPlainXml('attribute without =');
      j++;
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) return -1;
      const quote = s.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) throw new NotPlainXml('attribute value without quotes');
      const valueEnd = s.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (valueEnd < 0) return -1;
      const value = s.slice(j + 1, valueEnd);
      if (ATTRIBUTE_NEEDS_SAXES.test(value)) throw new NotPlainXml('attribute value saxes must read');
      if (attrs === NO_ATTRIBUTES) attrs = Object.create(null) as Record<string, string>;
      else if (attr in attrs) throw new NotPlainXml('duplicate attribute');
      attrs[attr] = value;
      j = valueEnd + 1;
    }
  }

  private text(s: string, from: number, to: number): void {
    if (this.names.length === 0) {
      // outside the root element only white space is allowed
      if (!isBlank(s, from, to)) throw new NotPlainXml('text outside the root element');
      return;
    }
    if (this.skipping > 0) {
      lookedAt(s.slice(from, to));
      return;
    }
    const cur = this.stack[this.stack.length - 1]!;
    if (cur.text === '' && isBlank(s, from, to)) return;
    let t = s.slice(from, to);
    if (NEEDS_A_LOOK.test(t)) {
      t = lookedAt(t);
      if (cur.text === '' && isBlank(t, 0, t.length)) return;
    }
    cur.text = cur.text === '' ? t : cur.text + t;
  }

  private open(tag: TagName, attrs: Record<string, string>): void {
    if (this.names.length >= MAX_XML_DEPTH) throw new NotPlainXml('depth');
    if (this.rootClosed) throw new NotPlainXml('a second root element');
    this.names.push(tag.qname);
    const name = tag.local;
    if (this.skipping > 0 || (this.root && tag.notRead)) {
      this.skipping++;
      return;
    }
    if (!this.root && name !== 'Document') throw new NotPlainXml('not a Document');
    if (++this.held > this.maxHeld) throw new NotPlainXml('elements held');
    const node: XNode = { name, attrs, children: NO_CHILDREN, text: '' };
    if (!this.root) this.root = node;
    this.stack.push(node);
    this.heldAt.push(this.held);
  }

  private close(): void {
    this.names.pop();
    if (this.names.length === 0) this.rootClosed = true;
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    const node = this.stack.pop()!;
    const openedAt = this.heldAt.pop()!;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) return;
    // the node and everything opened under it since are dropped together
    if (this.onClose(node, this.stack)) this.held = openedAt - 1;
    else if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
  }
}

/** A comment at `i`: where it ends, or -1 when not whole in `s`. "<!DOCTYPE", "<![CDATA[" and the rest are saxes' to read or refuse. */
function comment(s: string, i: number, end: number): number {
  if (i + 4 > end) return -1;
  if (s.charCodeAt(i + 2) !== 0x2d || s.charCodeAt(i + 3) !== 0x2d) throw new NotPlainXml('<! that is no comment');
  const dashes = s.indexOf('--', i + 4);
  if (dashes < 0 || dashes + 2 >= end) return -1;
  if (s.charCodeAt(dashes + 2) !== 0x3e) throw new NotPlainXml('-- inside a comment');
  onlyXmlCharacters(s.slice(i + 4, dashes));
  return dashes + 3;
}
