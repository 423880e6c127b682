import { clean } from './fields';
import { ENTRY_STATES, GIVE_UP_STATES } from './entryPaths';

/**
 * One Ntry as the fast path saw it: per place of entryPaths, whether the element was there, its
 * text exactly as a tree node would hold it, whether it had child elements, and its Ccy
 * attribute. Reused for every entry of a file, so reading an entry allocates nothing but the
 * strings it keeps; "there" and "has children" are the entry's number rather than a flag, so
 * starting the next entry clears nothing.
 *
 * `failed` says the entry is not one this can stand for: a place seen twice (readEntry would take
 * the first, or join them), charges, or an element with both text and child elements. The reader
 * then reads that entry again into a tree, so the answer is always readEntry's own.
 */
export class EntrySlots {
  private readonly texts: string[] = new Array<string>(ENTRY_STATES).fill('');
  private readonly ccys: Array<string | undefined> = new Array<string | undefined>(ENTRY_STATES).fill(undefined);
  private readonly seen = new Int32Array(ENTRY_STATES);
  private readonly children = new Int32Array(ENTRY_STATES);
  private entry = 0;
  failed = false;

  begin(): void {
    this.entry++;
    this.failed = false;
    this.mark(0);
  }

  /** An element opened at `state` (-1: a place not followed) under an element at `parent`. */
  opened(parent: number, state: number, ccy: string | undefined): void {
    if (parent >= 0) this.children[parent] = this.entry;
    if (state < 0) return;
    if (this.seen[state] === this.entry || GIVE_UP_STATES[state] === 1) {
      this.failed = true;
      return;
    }
    this.mark(state);
    this.ccys[state] = ccy;
  }

  closed(state: number): void {
    if (state >= 0 && this.children[state] === this.entry && this.texts[state] !== '') this.failed = true;
  }

  /** The element's text so far ('' when none), as a tree node's `text`. */
  textOf(state: number): string {
    return this.texts[state]!;
  }

  setText(state: number, text: string): void {
    this.texts[state] = text;
  }

  private mark(state: number): void {
    this.seen[state] = this.entry;
    this.texts[state] = '';
  }

  has(state: number): boolean {
    return this.seen[state] === this.entry;
  }

  hasChildren(state: number): boolean {
    return this.children[state] === this.entry;
  }

  ccy(state: number): string | undefined {
    return this.ccys[state];
  }

  /** textAt: the trimmed text, null when the element is missing or blank. */
  trimmed(state: number): string | null {
    if (this.seen[state] !== this.entry) return null;
    const t = this.texts[state]!.trim();
    return t === '' ? null : t;
  }

  /** refAt: the trimmed text cleaned of invisible characters. */
  ref(state: number): string | null {
    return clean(this.trimmed(state));
  }
}
