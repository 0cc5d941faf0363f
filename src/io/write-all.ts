import { writeSync } from 'node:fs';

/**
 * Writes every byte to `fd`. writeSync returns what one system call took,
 * which can be less than asked (a large buffer, a signal, a size limit): the
 * rest goes in further calls rather than being lost. Bytes only, because
 * writeSync of a string is a single call whose short write cannot be resumed.
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}
