/**
 * Many PDFs that pdfkit wrote, as one PDF: the print file of a dunning run. Drawing every letter a
 * second time into one big document cost as much as the letters themselves; copying the pages'
 * objects over is a fraction of that. Each input is read through its own cross-reference table
 * (pdfkit writes a classic one), only what its pages use is copied (the page, its content stream,
 * resources and fonts, renumbered), identical small objects such as the Helvetica font dictionary
 * are written once, and the output streams out as pages are added.
 */

interface SourceObject {
  /** the object's text before its stream data, or all of it; latin1 keeps bytes as they are */
  head: string;
  /** `stream ... endstream` and what follows, binary, or empty */
  tail: Buffer;
}

function fail(why: string): never {
  throw new Error(`pdfConcat: ${why}`);
}

/** The objects of one pdfkit PDF by number, and its pages in order. */
function readPdf(pdf: Buffer): { objects: Map<number, SourceObject>; pages: number[] } {
  const end = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(end);
  if (!startxref) fail('no startxref');
  const xrefAt = Number(startxref[1]);
  const xref = pdf.subarray(xrefAt).toString('latin1');
  const head = /^xref\s+0 (\d+)\s+/.exec(xref);
  if (!head) fail('no classic xref table');
  const count = Number(head[1]);
  const offsets = new Map<number, number>();
  let at = head[0].length;
  for (let n = 0; n < count; n++) {
    const entry = xref.slice(at, at + 20);
    if (entry[17] === 'n') offsets.set(n, Number(entry.slice(0, 10)));
    at += 20;
  }
  const root = /\/Root (\d+) 0 R/.exec(xref.slice(at));
  if (!root) fail('no /Root in the trailer');
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, SourceObject>();
  sorted.forEach(([n, offset], i) => {
    const bytes = pdf.subarray(offset, i + 1 < sorted.length ? sorted[i + 1]![1] : xrefAt);
    const text = bytes.toString('latin1');
    const stream = text.indexOf('\nstream\n');
    const cut = stream < 0 ? text.lastIndexOf('endobj') : stream + 1;
    const body = text.slice(0, cut).replace(/^\d+ 0 obj\n/, '');
    objects.set(n, { head: body, tail: stream < 0 ? Buffer.alloc(0) : bytes.subarray(cut, text.lastIndexOf('endobj')) });
  });
  const catalog = objects.get(Number(root[1]))?.head ?? fail('no catalog');
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog) ?? fail('no /Pages in the catalog');
  const kids = /\/Kids \[([^\]]*)\]/.exec(objects.get(Number(pagesRef[1]))?.head ?? '') ?? fail('no /Kids');
  const pages = [...kids[1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return { objects, pages };
}

function pdfString(text: string): string {
  // UTF-16BE with a byte-order mark: any title, in any script, in a hexadecimal string
  const units = [0xfeff];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return `<${units.map((u) => u.toString(16).padStart(4, '0')).join('')}>`;
}

export class PdfConcat {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly offsets: number[] = [0, 0, 0, 0]; // 1 catalog, 2 pages, 3 info: written last
  private readonly kids: number[] = [];
  private readonly shared = new Map<string, number>();
  private mediaBox = '[0 0 595.28 841.89]';

  constructor(private readonly info: { Title: string; Author: string }) {
    this.write(Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1'));
  }

  get pageCount(): number {
    return this.kids.length;
  }

  private write(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }

  private object(head: string, tail: Buffer = Buffer.alloc(0)): number {
    const n = this.offsets.length;
    this.offsets.push(this.length);
    this.write(Buffer.from(`${n} 0 obj\n${head}`, 'latin1'));
    if (tail.length) this.write(tail);
    this.write(Buffer.from('endobj\n', 'latin1'));
    return n;
  }

  /** Appends every page of a PDF that pdfkit wrote; returns how many pages it had. */
  add(pdf: Buffer): number {
    const { objects, pages } = readPdf(pdf);
    const mapped = new Map<number, number>();
    const copying = new Set<number>();
    const copy = (n: number): number => {
      const known = mapped.get(n);
      if (known !== undefined) return known;
      if (copying.has(n)) fail(`object ${n} refers back to itself`);
      copying.add(n);
      const source = objects.get(n) ?? fail(`object ${n} is referenced but missing`);
      // what an object points to is written first, so its new number is known when it is rewritten
      const head = source.head.replace(/\/Parent \d+ 0 R/, '/Parent 2 0 R').replace(/(?<!\/Parent )\b(\d+) 0 R\b/g, (_, ref: string) => `${copy(Number(ref))} 0 R`);
      const small = !source.tail.length && head.length < 512;
      const same = small ? this.shared.get(head) : undefined;
      const number = same ?? this.object(head, source.tail);
      if (small && same === undefined) this.shared.set(head, number);
      mapped.set(n, number);
      return number;
    };
    for (const page of pages) {
      const box = /\/MediaBox (\[[^\]]*\])/.exec(objects.get(page)?.head ?? '');
      if (box) this.mediaBox = box[1]!;
      this.kids.push(copy(page));
    }
    return pages.length;
  }

  /** An empty page (the back of a letter's last sheet in duplex printing). */
  addBlankPage(): void {
    this.kids.push(this.object(`<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox ${this.mediaBox}\n/Resources <<\n>>\n>>\n`));
  }

  end(): Buffer {
    if (!this.kids.length) this.addBlankPage();
    const place = (n: number, head: string) => {
      this.offsets[n] = this.length;
      this.write(Buffer.from(`${n} 0 obj\n${head}endobj\n`, 'latin1'));
    };
    // the Info strings are hexadecimal, so latin1 writes them unchanged
    place(1, '<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n');
    place(2, `<<\n/Type /Pages\n/Count ${this.kids.length}\n/Kids [${this.kids.map((k) => `${k} 0 R`).join(' ')}]\n>>\n`);
    place(3, `<<\n/Producer ${pdfString('Penning')}\n/Title ${pdfString(this.info.Title)}\n/Author ${pdfString(this.info.Author)}\n>>\n`);
    const xrefAt = this.length;
    const entries = this.offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`);
    this.write(Buffer.from(`xref\n0 ${this.offsets.length}\n0000000000 65535 f \n${entries.join('')}trailer\n<<\n/Size ${this.offsets.length}\n/Root 1 0 R\n/Info 3 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(this.chunks, this.length);
  }
}
