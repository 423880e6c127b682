import QRCode from 'qrcode';

export const MM = 72 / 25.4;

/** The QR matrix of a payload: one byte segment of its UTF-8 bytes (so version 13 holds the EPC's 331 bytes), error correction M as EPC069-12 asks. */
export function qrMatrix(payload: string): { size: number; dark: (row: number, col: number) => boolean } {
  if (last?.payload !== payload) {
    const qr = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    last = { payload, size: qr.modules.size, data: qr.modules.data };
  }
  const { size, data } = last;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

// a run draws each letter twice in a row (its own PDF, the combined one): the second asks again
let last: { payload: string; size: number; data: Uint8Array } | null = null;

/**
 * Draws the symbol as vector rectangles, one per horizontal run of dark modules (a tenth of the
 * operators one square per module needs, so a thousand letters stay small), with the four-module
 * quiet zone the QR standard requires left white around it. `side` is the symbol's width without
 * the quiet zone; returns the outer width including it.
 */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number): number {
  const { size, dark } = qrMatrix(payload);
  const m = side / size;
  const quiet = 4 * m;
  doc.save();
  doc.rect(x, y, side + 2 * quiet, side + 2 * quiet).fill('#ffffff');
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      // a hair of overlap between rows so no renderer shows white seams inside the symbol
      doc.rect(x + quiet + start * m, y + quiet + row * m, (col - start) * m, m + 0.05);
    }
  }
  doc.fill('#000000');
  doc.restore();
  return side + 2 * quiet;
}
