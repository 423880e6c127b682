import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../electron/collectGarbage';

describe('collectGarbage', () => {
  it('gives back a large buffer nobody holds any more, at once', () => {
    const mb = 1024 * 1024;
    const before = process.memoryUsage().arrayBuffers;
    // filled, so the pages are really there; held by nothing once the function returns
    ((n: number) => Buffer.alloc(n, 1).length)(96 * mb);
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(90 * mb);
    collectGarbage();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * mb);
    // a second time uses the function it took the first time
    collectGarbage();
  });
});
