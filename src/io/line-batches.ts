import { createReadStream } from 'node:fs';
import { checkInputFile, STDIO } from './paths.js';

export interface LineBatch {
  /** The 1-based number of lines[0]. */
  readonly first: number;
  readonly lines: readonly string[];
}

/** Bytes read per chunk, and so about a batch's size. */
const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * A file's lines in batches, one per megabyte read: scoring reads a million
 * prediction lines and a quarter-gigabyte dataset, and node:readline's one
 * promise per line costs more than parsing the JSON on it. Lines end at
 * "\n" (a "\r" before it is dropped); a last line without "\n" counts, an
 * empty remainder after the final "\n" does not, as editors number lines.
 * `-` reads standard input. A UTF-8 byte-order mark at the start (some
 * Windows editors write one) is not part of the first line.
 */
export async function* lineBatches(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<LineBatch> {
  let next = 1;
  for await (const bytes of byteBatches(path, stdin)) {
    const lines = linesOf(bytes);
    yield { first: next, lines };
    next += lines.length;
  }
}

/**
 * lineBatches before decoding: the file's bytes in batches of whole lines
 * (the last batch may lack its final "\n"), the byte-order mark left out.
 * Each batch is a view of an ArrayBuffer of its own, so it can be moved to
 * another thread (postMessage's transfer list) and decoded there with
 * `linesOf`: the thread that reads then neither decodes, splits nor copies
 * the text. A UTF-8 sequence never contains the byte of "\n", so decoding
 * batch by batch gives the text that decoding the whole file would, invalid
 * bytes included.
 */
export async function* byteBatches(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  checkInputFile(path);
  const input = path === STDIO ? stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  // Bytes after the last "\n" so far, joined once a "\n" arrives: a 100 MB line is copied once, not once per megabyte.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let atStart = true;
  const batchOf = (upTo: Uint8Array): Uint8Array<ArrayBuffer> => {
    const batch = new Uint8Array(pendingBytes + upTo.length);
    let at = 0;
    for (const piece of pending) {
      batch.set(piece, at);
      at += piece.length;
    }
    batch.set(upTo, at);
    if (!atStart) return batch;
    atStart = false;
    return startsWithByteOrderMark(batch) ? batch.subarray(3) : batch;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
    const last = bytes.lastIndexOf(NEWLINE);
    if (last < 0) {
      // A copy: a stream may reuse its buffers once the chunk is handed on.
      pending.push(bytes.slice());
      pendingBytes += bytes.length;
      continue;
    }
    const batch = batchOf(bytes.subarray(0, last + 1));
    pending = last + 1 < bytes.length ? [bytes.slice(last + 1)] : [];
    pendingBytes = pending[0]?.length ?? 0;
    yield batch;
  }
  if (pendingBytes === 0) return;
  // The last line, without its "\n" (nothing at all when the file held only a byte-order mark).
  const tail = batchOf(new Uint8Array(0));
  if (tail.length > 0) yield tail;
}

/** The lines of a batch from byteBatches, as lineBatches gives them. */
export function linesOf(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const lines = text.split('\n');
  // A batch ends with "\n" but for a file's last line without one: the empty piece after it is no line.
  if (text.endsWith('\n')) lines.pop();
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  return lines;
}

/** How many lines `linesOf` finds in a batch, counted without decoding it. */
export function lineCount(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? count + 1 : count;
}

function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
