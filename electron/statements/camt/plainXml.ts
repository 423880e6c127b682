import { decodeSingleByte } from '../../imports/decode';
import type { PlainBytes } from './encoding';
import { ENTRY_NAMES, NEXT_STATE, entryNameId } from './entryPaths';
import { EntrySlots } from './entrySlots';
import { MAX_XML_DEPTH } from './limits';
import { NOT_READ, OpenElements, leadingBlankLines, newNode, type OnClose, type XNode } from './xml';

/**
 * The fast path for what banks actually send: elements, attributes without entities, text with
 * the five predefined and numeric character references, comments and an XML declaration. saxes
 * reads a 100 000-entry camt.053 in some 5 s of CPU, most of it character by character in its
 * state machine; this scans the file's bytes (UTF-8 or single-byte: either way every byte of the
 * markup is ASCII) and decodes only the text it keeps, into the same tree saxes gives.
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

const NAME_SLOTS = 4096;
/** Texts up to this many bytes are looked up among those seen: codes, dates, amounts, currencies and our own batch ids repeat in every entry. */
const SHORT_TEXT = 48;
const TEXT_SLOTS = 1 << 14;
const TAGS_PER_CALL = 2048;

/** In an attribute value saxes also normalises white space and reads references: left to saxes. */
const ATTRIBUTE_NEEDS_SAXES = /[&<\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
const PREDEFINED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
/**
 * What each byte means in text, looked up rather than compared: PLAIN (printable ASCII taken as
 * is), LT (the text ends), BLANK (space, tab, line feed), SPECIAL ("&", "]" and bytes outside
 * ASCII, which need decoding and a careful look), CR (a line end to normalise) and FORBIDDEN
 * (other control characters).
 */
const PLAIN = 0;
const LT = 1;
const BLANK = 2;
const SPECIAL = 3;
const CR = 4;
const FORBIDDEN = 5;
const TEXT_BYTE = Uint8Array.from({ length: 256 }, (_, c) =>
  c === 0x3c ? LT : c === 0x20 || c === 0x0a || c === 0x09 ? BLANK : c === 0x0d ? CR : c < 0x20 ? FORBIDDEN : c === 0x26 || c === 0x5d || c >= 0x80 ? SPECIAL : PLAIN,
);

/** isNameChar as a table: a lookup per byte of every name instead of up to eight comparisons. */
const NAME_CHAR = Uint8Array.from({ length: 256 }, (_, c) => (isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e ? 1 : 0));

/** The Char production of XML 1.0, as saxes checks character references. */
const isXmlChar = (n: number): boolean =>
  n === 0x09 || n === 0x0a || n === 0x0d || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
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
  return text.includes('&') ? withReferencesRead(text) : text;
}

/**
 * text.replace(/&([^;&]*);|&/g, reference) by hand: a replace calling back per match cost more
 * than all else in a name such as "Berg-Çelik &amp; Zn." (one in every entry of the bench file).
 */
function withReferencesRead(text: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semicolon = text.indexOf(';', amp + 1);
    const nextAmp = text.indexOf('&', amp + 1);
    if (semicolon < 0 || (nextAmp >= 0 && nextAmp < semicolon)) throw new NotPlainXml('& without ;');
    out += text.slice(from, amp) + reference(text.slice(amp, semicolon + 1), text.slice(amp + 1, semicolon));
    from = semicolon + 1;
  }
  return out + text.slice(from);
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

function reference(whole: string, name: string): string {
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
 * A DOCTYPE or ENTITY declaration anywhere. saxes' reading refuses each megabyte piece holding
 * one before it reads any of that piece, so an entry refused before the declaration would be a
 * different refusal here: such a file goes to saxes whole. "<!" is rare in bank files (a comment).
 */
function hasDeclaration(b: SlicingBuffer, from: number): boolean {
  // "!" by itself: the search for one byte is memchr, for two bytes a much slower loop
  for (let i = b.indexOf(0x21, from); i >= 0; i = b.indexOf(0x21, i + 1)) {
    if (b[i - 1] !== 0x3c) continue;
    const word = b.latin1Slice(i + 1, Math.min(b.length, i + 8)).toUpperCase();
    if (word === 'DOCTYPE' || word.startsWith('ENTITY')) return true;
  }
  return false;
}

/**
 * The camt reader's part in reading entries without a tree: whether an Ntry opening under these
 * ancestors is one it reads, and taking one read into slots (false: read it into a tree instead).
 */
export interface EntryTaker {
  wants(ancestors: readonly XNode[]): boolean;
  take(slots: EntrySlots, ancestors: readonly XNode[]): boolean;
}

/** Node's own slicing methods behind toString(), without its argument checks: a few million calls here. */
type SlicingBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * Reads the bytes into the same light tree parseXml builds, calling onClose the same way; throws
 * NotPlainXml (before or after onClose calls, which the caller then discards) for anything else.
 */
export function parsePlainXml(plain: PlainBytes | null, onClose: OnClose, maxHeld: number, entries: EntryTaker | null = null): XNode {
  if (plain === null) throw new NotPlainXml('UTF-16');
  const { bytes, encoding } = plain;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as SlicingBuffer;
  const head = encoding === 'utf-8' ? b.toString('utf8', 0, Math.min(b.length, 4096)) : decodeSingleByte(b.subarray(0, 4096), encoding);
  const lead = leadingBlankLines(head);
  // saxes skips a byte order mark here; such a file is left to it
  if (head.charCodeAt(lead.length) !== 0x3c) throw new NotPlainXml('does not start with <');
  let start = encoding === 'utf-8' ? Buffer.byteLength(lead) : lead.length;
  if (head.startsWith('<?', lead.length)) {
    const declaration = DECLARATION.exec(head.slice(lead.length));
    if (!declaration) throw new NotPlainXml('XML declaration saxes must read');
    start += declaration[0].length;
  }
  if (hasDeclaration(b, start)) throw new NotPlainXml('DTD');
  return new PlainXmlReader(b, encoding, onClose, maxHeld, entries).read(start);
}

interface TagName {
  qname: string;
  /** without its namespace prefix */
  local: string;
  /** one of the parts no reader looks at */
  notRead: boolean;
  /** its number among the names entryPaths follows, -1 for others */
  entryId: number;
  /** its first four bytes and the next four, packed */
  head: number;
  tail: number;
}

/** The same characters as an internalised string (what V8 keeps for property names). */
function internalised(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/**
 * The reader's state. A class, not closures inside parsePlainXml: V8 optimises its small methods
 * after a few calls, where a closure made by a function that runs once stays interpreted.
 */
class PlainXmlReader {
  /** every open element's name, also those inside NOT_READ parts */
  private readonly names: TagName[] = new Array<TagName>(MAX_XML_DEPTH);
  /** how many elements are open: slots of the arrays here rather than pushes and pops, millions of each */
  private depth = 0;
  /** the kept nodes, root first */
  private readonly open = new OpenElements();
  private readonly stack = this.open.nodes;
  /** `held` when each kept node opened: what dropping its subtree gives back */
  private readonly heldAt = new Int32Array(MAX_XML_DEPTH);
  private readonly nameCache: Array<TagName | undefined> = new Array<TagName | undefined>(NAME_SLOTS).fill(undefined);
  private readonly textCache: string[] = new Array<string>(TEXT_SLOTS).fill('');
  /**
   * Each cached text's hash and length beside it: a value seen once (an IBAN, a reference) is told
   * from the cached one by these, without reading that string, which lies anywhere in the heap and
   * cost a cache miss per value (the hottest line of the 100 000-entry read).
   */
  private readonly textHashes = new Int32Array(TEXT_SLOTS);
  private readonly textLengths = new Uint8Array(TEXT_SLOTS);
  private skipping = 0;
  private held = 0;
  private root: XNode | null = null;
  private rootClosed = false;
  /** where the tag being read starts */
  private tagStart = 0;
  /** open elements of the entry read into slots (the Ntry and those under it), 0 outside one */
  private entryDepth = 0;
  /** each open element's place in entryPaths, -1 for places not followed */
  private readonly entryStates = new Int16Array(MAX_XML_DEPTH);
  private readonly slots = new EntrySlots();
  private entryStart = -1;
  private heldBeforeEntry = 0;
  /** the Ntry starting here is read into a tree: the slots could not stand for it */
  private treeEntryAt = -1;
  /** where to read on from after an entry the slots could not stand for: its start again */
  private restartAt = -1;

  constructor(
    private readonly b: SlicingBuffer,
    private readonly encoding: PlainBytes['encoding'],
    private readonly onClose: OnClose,
    private readonly maxHeld: number,
    private readonly entries: EntryTaker | null,
  ) {}

  read(start: number): XNode {
    const end = this.b.length;
    let i = start;
    while (i < end) i = this.readSome(i, end);
    if (!this.root || this.depth > 0) throw new NotPlainXml('no complete root element');
    return this.root;
  }

  /**
   * Reads on from `i` for some thousands of tags; where it stopped. The loop is in a method called
   * again and again rather than in read(), called once per file: V8 then compiles it whole from
   * the calls before, instead of swapping it in mid-loop (on-stack replacement), whose code
   * scanned a file up to twice as slowly.
   */
  private readSome(from: number, end: number): number {
    const b = this.b;
    let i = from;
    for (let tags = 0; tags < TAGS_PER_CALL && i < end; tags++) {
      // the text up to the next "<": is there any, does it need more than a plain copy, and its hash
      let j = i;
      let nonBlank = false;
      let special = false;
      let hash = 0;
      // indentation first, in a loop of its own: a third of an indented bank file. Its bytes are left
      // out of the hash, which only picks a cache slot (a cached text is compared in full).
      while (j < end) {
        const c = b[j]!;
        if (c !== 0x0a && c !== 0x09 && c !== 0x20) break;
        j++;
      }
      for (; j < end; j++) {
        const c = b[j]!;
        const kind = TEXT_BYTE[c]!;
        if (kind === PLAIN) {
          nonBlank = true;
          hash = (Math.imul(hash, 31) + c) | 0;
          continue;
        }
        if (kind === LT) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        if (kind === SPECIAL) {
          nonBlank = true;
          special = true;
        } else if (kind === CR) special = true;
        else if (kind === FORBIDDEN) throw new NotPlainXml('character XML forbids');
      }
      if (j > i) this.text(i, j, nonBlank, special, hash);
      if (j >= end) return end;
      i = this.markup(j, end);
      if (this.restartAt >= 0) {
        i = this.restartAt;
        this.restartAt = -1;
      }
    }
    return i;
  }

  /** The tag or comment at `i` (a "<"); where it ends. */
  private markup(i: number, end: number): number {
    if (i + 1 >= end) throw new NotPlainXml('unexpected end');
    const c = this.b[i + 1]!;
    if (c === 0x2f) return this.closeTag(i, end);
    if (isNameStart(c)) return this.openTag(i, end);
    if (c === 0x21) return this.comment(i, end);
    // "<?" after the declaration, "<" before a space or a name outside ASCII
    throw new NotPlainXml('markup saxes must read');
  }

  /** </name S? > */
  private closeTag(i: number, end: number): number {
    const b = this.b;
    if (this.depth === 0) throw new NotPlainXml('closing tag without an open element');
    const name = this.names[this.depth - 1]!;
    const length = name.qname.length;
    let j = i + 2;
    if (j + length >= end) throw new NotPlainXml('unexpected end');
    // packed as openTag packs a name: two comparisons of numbers for the first eight bytes
    let head = 0;
    let tail = 0;
    for (let k = 0, n = length < 4 ? length : 4; k < n; k++) head = (head << 8) | b[j + k]!;
    for (let k = 4, n = length < 8 ? length : 8; k < n; k++) tail = (tail << 8) | b[j + k]!;
    if (head !== name.head || tail !== name.tail || (length > 8 && !sameAscii(b, j, name.qname, 8))) throw new NotPlainXml('closing tag does not match');
    j += length;
    while (j < end && isSpace(b[j]!)) j++;
    if (b[j] !== 0x3e) throw new NotPlainXml('malformed closing tag');
    this.close();
    return j + 1;
  }

  /** <name (attributes) /?> */
  private openTag(i: number, end: number): number {
    const b = this.b;
    // the first eight bytes packed into two numbers: with the length, they are the name itself
    let head = 0;
    let tail = 0;
    let j = i + 1;
    this.tagStart = i;
    for (let c = b[j]!; j < end && NAME_CHAR[c] === 1; c = b[++j]!) {
      const k = j - i - 1;
      if (k < 4) head = (head << 8) | c;
      else if (k < 8) tail = (tail << 8) | c;
    }
    if (j >= end) throw new NotPlainXml('unexpected end');
    const name = this.nameAt(i + 1, j, head, tail);
    if (b[j] === 0x3e) {
      this.opened(name, NO_ATTRIBUTES);
      return j + 1;
    }
    return this.attributes(name, j, end);
  }

  /**
   * The name between `start` and `end`, from a small cache of the names seen: a bank file has a few
   * hundred distinct names in millions of tags, so most tags cost no new string, and the cached
   * strings are internalised, so the readers' lookups by name compare pointers.
   */
  private nameAt(start: number, end: number, head: number, tail: number): TagName {
    const b = this.b;
    const length = end - start;
    const first = (head ^ (tail * 31) ^ (length << 9) ^ (head >>> 13)) & (NAME_SLOTS - 1);
    // a few neighbouring slots, so that two names with one slot do not push each other out
    let free = -1;
    for (let k = 0; k < 4; k++) {
      const slot = (first + k) & (NAME_SLOTS - 1);
      const hit = this.nameCache[slot];
      if (hit === undefined) {
        free = slot;
        break;
      }
      if (hit.head === head && hit.tail === tail && hit.qname.length === length && (length <= 8 || sameAscii(b, start, hit.qname, 8))) return hit;
    }
    const qname = internalised(b.latin1Slice(start, end));
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : internalised(qname.slice(colon + 1));
    const name: TagName = { qname, local, notRead: NOT_READ.has(local), entryId: entryNameId(local), head, tail };
    this.nameCache[free < 0 ? first : free] = name;
    return name;
  }

  /** (S attr S? = S? "value")* S? /?> after the name */
  private attributes(tag: TagName, j: number, end: number): number {
    const b = this.b;
    let attrs = NO_ATTRIBUTES;
    for (;;) {
      const before = j;
      while (j < end && isSpace(b[j]!)) j++;
      if (j >= end) throw new NotPlainXml('unexpected end');
      const d = b[j]!;
      if (d === 0x3e) {
        this.opened(tag, attrs);
        return j + 1;
      }
      if (d === 0x2f) {
        if (b[j + 1] !== 0x3e) throw new NotPlainXml('/ not followed by >');
        this.opened(tag, attrs);
        this.close();
        return j + 2;
      }
      if (j === before || !isNameStart(d)) throw new NotPlainXml('malformed attribute');
      const nameStart = j;
      let head = 0;
      let tail = 0;
      for (; j < end && NAME_CHAR[b[j]!] === 1; j++) {
        const k = j - nameStart;
        if (k < 4) head = (head << 8) | b[j]!;
        else if (k < 8) tail = (tail << 8) | b[j]!;
      }
      // internalised, as property names are: a name made afresh would be looked up in V8's string table at every store
      const attr = this.nameAt(nameStart, j, head, tail).qname;
      while (j < end && isSpace(b[j]!)) j++;
      if (b[j] !== 0x3d) throw new NotPlainXml('attribute without =');
      j++;
      while (j < end && isSpace(b[j]!)) j++;
      const quote = b[j];
      if (quote !== 0x22 && quote !== 0x27) throw new NotPlainXml('attribute value without quotes');
      const valueEnd = b.indexOf(quote, j + 1);
      if (valueEnd < 0) throw new NotPlainXml('unexpected end');
      let ascii = true;
      let hash = 0;
      for (let k = j + 1; k < valueEnd; k++) {
        const c = b[k]!;
        // what saxes would normalise or read (white space other than a space, "&", "<") or refuse (control characters)
        if (c >= 0x80) ascii = false;
        else if (c < 0x20 || c === 0x26 || c === 0x3c) throw new NotPlainXml('attribute value saxes must read');
        hash = (hash * 31 + c) | 0;
      }
      const value = ascii ? this.shortText(j + 1, valueEnd, hash) : this.decoded(j + 1, valueEnd);
      if (!ascii && ATTRIBUTE_NEEDS_SAXES.test(value)) throw new NotPlainXml('attribute value saxes must read');
      // an ordinary object, not a prototype-less one (a slow dictionary each): names it inherits are left to saxes
      if (attr in attrs || attr === '__proto__') throw new NotPlainXml('duplicate or inherited attribute name');
      if (attrs === NO_ATTRIBUTES) attrs = {};
      attrs[attr] = value;
      j = valueEnd + 1;
    }
  }

  /**
   * Text between tags. `special`: it holds "&", "]", a carriage return or a byte outside ASCII, so
   * it is decoded and looked at the careful way; otherwise it is ASCII to be taken as is.
   */
  private text(from: number, to: number, nonBlank: boolean, special: boolean, hash: number): void {
    if (this.depth === 0) {
      // outside the root element only white space is allowed
      if (nonBlank) throw new NotPlainXml('text outside the root element');
      return;
    }
    if (this.skipping > 0) {
      if (special) lookedAt(this.decoded(from, to));
      return;
    }
    if (this.entryDepth > 0) {
      this.entryText(from, to, nonBlank, special, hash);
      return;
    }
    const cur = this.stack[this.stack.length - 1]!;
    if (cur.text === '' && !nonBlank) return;
    let t: string;
    if (special) {
      t = lookedAt(this.decoded(from, to));
      if (cur.text === '' && isBlank(t)) return;
    } else {
      t = this.shortText(from, to, hash);
    }
    cur.text = cur.text === '' ? t : cur.text + t;
  }

  /** text() for an element of an entry read into slots: the same text, kept in its place's slot. */
  private entryText(from: number, to: number, nonBlank: boolean, special: boolean, hash: number): void {
    const state = this.entryStates[this.entryDepth - 1]!;
    if (state < 0) {
      if (special) lookedAt(this.decoded(from, to));
      return;
    }
    const cur = this.slots.textOf(state);
    if (cur === '' && !nonBlank) return;
    let t: string;
    if (special) {
      t = lookedAt(this.decoded(from, to));
      if (cur === '' && isBlank(t)) return;
    } else {
      t = this.shortText(from, to, hash);
    }
    this.slots.setText(state, cur === '' ? t : cur + t);
  }

  /**
   * Plain ASCII bytes as a string. Short ones come from a cache of those seen: a statement repeats
   * its codes, dates and amounts in every entry, and a string made in C++ costs more than the
   * lookup; the model then also holds each such value once.
   */
  private shortText(from: number, to: number, hash: number): string {
    const length = to - from;
    if (length > SHORT_TEXT) return this.b.latin1Slice(from, to);
    const slot = (hash ^ (hash >>> 14)) & (TEXT_SLOTS - 1);
    if (this.textHashes[slot] === hash && this.textLengths[slot] === length) {
      const hit = this.textCache[slot]!;
      if (sameAscii(this.b, from, hit)) return hit;
    }
    const made = this.b.latin1Slice(from, to);
    this.textCache[slot] = made;
    this.textHashes[slot] = hash;
    this.textLengths[slot] = length;
    return made;
  }

  /** Bytes outside ASCII, decoded in the file's encoding. */
  private decoded(from: number, to: number): string {
    return this.encoding === 'utf-8' ? this.b.utf8Slice(from, to) : decodeSingleByte(this.b.subarray(from, to), this.encoding);
  }

  private opened(tag: TagName, attrs: Record<string, string>): void {
    if (this.depth >= MAX_XML_DEPTH) throw new NotPlainXml('depth');
    if (this.rootClosed) throw new NotPlainXml('a second root element');
    this.names[this.depth++] = tag;
    const name = tag.local;
    if (this.skipping > 0 || (this.root && tag.notRead)) {
      this.skipping++;
      return;
    }
    if (this.entryDepth > 0) {
      this.entryOpened(tag, attrs);
      return;
    }
    if (!this.root && name !== 'Document') throw new NotPlainXml('not a Document');
    if (++this.held > this.maxHeld) throw new NotPlainXml('elements held');
    if (name === 'Ntry' && this.stack.length === 3 && this.entries !== null && this.tagStart !== this.treeEntryAt && this.entries.wants(this.stack)) {
      this.entryStart = this.tagStart;
      this.heldBeforeEntry = this.held - 1;
      this.slots.begin();
      this.entryStates[0] = 0;
      this.entryDepth = 1;
      return;
    }
    const node = newNode(name, attrs);
    if (!this.root) this.root = node;
    this.heldAt[this.stack.length] = this.held;
    this.open.push(node);
  }

  private close(): void {
    if (--this.depth === 0) this.rootClosed = true;
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    if (this.entryDepth > 0) {
      this.entryClosed();
      return;
    }
    const node = this.open.pop();
    const openedAt = this.heldAt[this.stack.length]!;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) return;
    // the node and everything opened under it since are dropped together
    if (this.onClose(node, this.stack)) this.held = openedAt - 1;
    else this.open.append(node);
  }

  /** An element opened inside an entry read into slots: counted as the tree would hold it, its place followed. */
  private entryOpened(tag: TagName, attrs: Record<string, string>): void {
    if (++this.held > this.maxHeld) throw new NotPlainXml('elements held');
    const parent = this.entryStates[this.entryDepth - 1]!;
    const state = parent < 0 || tag.entryId < 0 ? -1 : NEXT_STATE[parent * ENTRY_NAMES + tag.entryId]!;
    this.slots.opened(parent, state, attrs === NO_ATTRIBUTES ? undefined : attrs.Ccy);
    this.entryStates[this.entryDepth++] = state;
  }

  private entryClosed(): void {
    this.slots.closed(this.entryStates[--this.entryDepth]!);
    if (this.entryDepth > 0) return;
    // as a tree: the entry and everything under it are given back at once
    this.held = this.heldBeforeEntry;
    if (!this.slots.failed && this.entries!.take(this.slots, this.stack)) return;
    this.treeEntryAt = this.entryStart;
    this.restartAt = this.entryStart;
  }

  /** A comment at `i`: where it ends. "<!DOCTYPE", "<![CDATA[" and the rest are saxes' to read or refuse. */
  private comment(i: number, end: number): number {
    const b = this.b;
    if (b[i + 2] !== 0x2d || b[i + 3] !== 0x2d) throw new NotPlainXml('<! that is no comment');
    let dashes = i + 4;
    while (dashes < end && !(b[dashes] === 0x2d && b[dashes + 1] === 0x2d)) dashes++;
    if (dashes + 2 >= end) throw new NotPlainXml('unexpected end');
    if (b[dashes + 2] !== 0x3e) throw new NotPlainXml('-- inside a comment');
    onlyXmlCharacters(this.decoded(i + 4, dashes));
    return dashes + 3;
  }
}

/** Whether the bytes at `at` are the (ASCII) characters of `s`, from its character `from` on. */
function sameAscii(b: Uint8Array, at: number, s: string, from = 0): boolean {
  for (let k = from; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}
