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
 * Draws the symbol as vector rectangles, one per horizontal run of dark modules, written as one
 * path in module units (small integers: a thousand letters stay small and quick to write), with the
 * four-module quiet zone the QR standard requires left white around it. `side` is the symbol's
 * width without the quiet zone; returns the outer width including it.
 */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number): number {
  const { size, dark } = qrMatrix(payload);
  const m = side / size;
  const quiet = 4 * m;
  const ops: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      // a hair taller than a module, so no renderer shows white seams between rows
      ops.push(`${start} ${row} ${col - start} 1.02 re`);
    }
  }
  doc.save();
  doc.rect(x, y, side + 2 * quiet, side + 2 * quiet).fill('#ffffff');
  doc.fillColor('#000000');
  doc.transform(m, 0, 0, m, x + quiet, y + quiet);
  doc.addContent(`${ops.join('\n')}\nf`);
  doc.restore();
  return side + 2 * quiet;
}
