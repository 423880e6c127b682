import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, now. V8 gives back a large buffer nobody uses any more (a bank file of
 * 100 MB, once read) only at its next full collection, and a long synchronous import may run to its
 * end without one: the file's bytes and the reader's leftovers then stay beside the import's own
 * memory (at 100 000 entries the peak went from 440 to 600 MB by when V8 happened to collect).
 * Node has no call for it but the function a V8 flag exposes: taken once, the flag off again.
 * Where that fails, nothing happens: memory is then as it was.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
}
