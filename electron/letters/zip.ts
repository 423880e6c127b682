import { zipSync } from 'fflate';

/**
 * A ZIP archive of already-compressed files (PDFs), stored without further compression: all
 * member specifications as one download. fflate writes it (faster than the hand-written writer it
 * replaced, see bench/libraries.ts, and it knows ZIP64 and UTF-8 names).
 */
export function zipStored(files: { name: string; data: Buffer }[], when: Date): Buffer {
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, [new Uint8Array(f.data.buffer, f.data.byteOffset, f.data.byteLength), { level: 0, mtime: when }]])));
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
