import PDFDocument from 'pdfkit';

interface AfmMetrics {
  attributes: object;
  glyphWidths: object;
  boundingBoxes: object;
  kernPairs: Record<string, number>;
  /** the same pairs by left glyph, then right: looked up without building a key string per glyph */
  kernTable?: Record<string, Record<string, number>>;
}

function kernTable(pairs: Record<string, number>): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = Object.create(null);
  for (const [key, value] of Object.entries(pairs)) {
    const [left, right] = key.split('\0') as [string, string];
    (table[left] ??= Object.create(null))[right] = value;
  }
  return table;
}

let metricsShared = false;

/**
 * pdfkit reads and parses the metrics file (AFM) of Helvetica anew for every document: about 4 ms
 * a font, most of the time a thousand one-page dunning letters take. The metrics of a standard
 * font never change, so the parse result is kept per file content and shared (pdfkit only reads
 * it); kerning, asked for every pair of glyphs drawn or measured, looks in a table by glyph instead
 * of joining a key string each time. Should a pdfkit upgrade rename these internals, nothing is
 * patched and PDFs stay as they were.
 */
function shareStandardFontMetrics(doc: PDFKit.PDFDocument): void {
  if (metricsShared) return;
  metricsShared = true;
  const afm = (doc as unknown as { _font?: { font?: { constructor?: { prototype?: { parse?: unknown; getKernPair?: unknown } } } } })._font?.font?.constructor?.prototype;
  if (typeof afm?.parse !== 'function' || typeof afm.getKernPair !== 'function') return;
  const parse = afm.parse as (this: AfmMetrics, contents: string) => void;
  const kern = afm.getKernPair as (this: AfmMetrics, left: string, right: string | undefined) => number;
  const memo = new Map<string, AfmMetrics>();
  afm.parse = function (this: AfmMetrics, contents: string) {
    const known = memo.get(contents);
    if (known) return Object.assign(this, known);
    parse.call(this, contents);
    this.kernTable = kernTable(this.kernPairs);
    memo.set(contents, { attributes: this.attributes, glyphWidths: this.glyphWidths, boundingBoxes: this.boundingBoxes, kernPairs: this.kernPairs, kernTable: this.kernTable });
  };
  afm.getKernPair = function (this: AfmMetrics, left: string, right: string | undefined) {
    if (!this.kernTable) return kern.call(this, left, right);
    return (right === undefined ? undefined : this.kernTable[left]?.[right]) || 0;
  };
}

/** An A4 pdfkit document whose bytes arrive as one Buffer when it ends (`options` for other margins or no first page). */
export function newPdf(info: { Title: string; Author: string }, options: PDFKit.PDFDocumentOptions = {}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info, bufferPages: false, ...options });
  shareStandardFontMetrics(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * One line of text at (x, y), aligned within `width`, without pdfkit's line wrapper (most of the
 * time a table or a letter takes). Text too wide for `width` is cut off with an ellipsis: pdfkit's
 * own ellipsis wraps first and so overprints the line below.
 */
export function textLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: { width?: number; align?: 'left' | 'right' | 'center' } = {}): void {
  const { width, align = 'left' } = options;
  let line = text.replace(/\s*\n\s*/g, ' ');
  // no Helvetica glyph is wider than the font size: a short left-aligned text needs no measuring
  const surelyFits = width === undefined || (align === 'left' && line.length * (doc as unknown as { _fontSize: number })._fontSize <= width);
  if (!surelyFits) {
    let w = doc.widthOfString(line);
    if (w > width!) {
      let keep = line.length;
      while (keep > 0 && doc.widthOfString(`${line.slice(0, keep).trimEnd()}…`) > width!) keep--;
      line = `${line.slice(0, keep).trimEnd()}…`;
      w = doc.widthOfString(line);
    }
    if (align === 'right') x += width! - w;
    else if (align === 'center') x += (width! - w) / 2;
  }
  doc.text(line, x, y, { lineBreak: false });
}

/** Whether a text fits on one line of `width` in the current font. */
export const fitsOneLine = (doc: PDFKit.PDFDocument, text: string, width: number) => !text.includes('\n') && doc.widthOfString(text) <= width;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table that carries its header over to each new page. */
export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][], options: { top?: number; fontSize?: number; onRow?: (done: number, total: number) => void } = {}): void {
  const left = doc.page.margins.left;
  const size = options.fontSize ?? 8;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;
  const header = (y: number) => {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#16324a');
    let x = left;
    for (const c of columns) {
      doc.text(c.title, x, y, { width: c.width - 4, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    }
    doc.moveTo(left, y + size + 3).lineTo(left + columns.reduce((s, c) => s + c.width, 0), y + size + 3).strokeColor('#c9d1db').lineWidth(0.5).stroke();
    doc.font('Helvetica').fillColor('#000');
    return y + size + 7;
  };
  let y = header(options.top ?? doc.y);
  for (const [index, row] of rows.entries()) {
    options.onRow?.(index, rows.length);
    // a cell that fits on one line is measured and drawn without the line wrapper
    const single = row.map((cell, i) => fitsOneLine(doc, cell, columns[i]!.width - 4));
    const lineHeight = doc.currentLineHeight(true);
    const height = Math.max(...row.map((cell, i) => (single[i] ? lineHeight : doc.heightOfString(cell, { width: columns[i]!.width - 4 }))));
    if (y + height > bottom()) {
      doc.addPage();
      y = header(doc.page.margins.top);
    }
    let x = left;
    row.forEach((cell, i) => {
      if (single[i]) textLine(doc, cell, x, y, { width: columns[i]!.width - 4, align: columns[i]!.align ?? 'left' });
      else doc.text(cell, x, y, { width: columns[i]!.width - 4, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    y += height + 3;
  }
  options.onRow?.(rows.length, rows.length);
  doc.x = left;
  doc.y = y + 4;
}
