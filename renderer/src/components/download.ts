/** Hands a file to the browser (or Electron's download handling) under the given name. */
export function downloadFile(fileName: string, content: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file as the API hands one back (dunning letters, hand-over files, dossier attachments): to the browser under its own name. */
export function downloadApiFile(file: { fileName: string; base64: string; mediaType: string }): void {
  downloadFile(file.fileName, base64Bytes(file.base64), file.mediaType);
}

/** A plain loop into a sized array: Uint8Array.from with a map function took most of a second on a 224-member ZIP and held the page. */
export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes to base64 in slices: String.fromCharCode with a spread of a whole file overflows the stack. */
export function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
