import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { STDIO } from './paths.js';

/** A file's size and sha256 (hex), read as a stream so that a file of any size takes little memory. */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A file's sha256 (hex), as recorded beside results; null for standard input, which cannot be read twice. */
export async function sha256File(file: string): Promise<string | null> {
  return file === STDIO ? null : (await fileDigest(file)).sha256;
}
