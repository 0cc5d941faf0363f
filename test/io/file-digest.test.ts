import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileDigest, sha256File } from '../../src/io/file-digest.js';
import { tempDir } from '../support/cli.js';

describe('fileDigest and sha256File', () => {
  it('give the size and the sha256 of the bytes, read as a stream across chunk boundaries', async () => {
    const dir = tempDir('digest');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200_000 }), async (bytes) => {
        const file = join(dir, 'f.bin');
        writeFileSync(file, bytes);
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(await fileDigest(file)).toEqual({ bytes: bytes.length, sha256: expected });
        expect(await sha256File(file)).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('gives no hash for standard input, which cannot be read twice', async () => {
    expect(await sha256File('-')).toBeNull();
  });
});
