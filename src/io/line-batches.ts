import { createReadStream } from 'node:fs';
import { checkInputFile, STDIO } from './paths.js';

const BYTE_ORDER_MARK = '\ufeff';

export interface LineBatch {
  /** The 1-based number of lines[0]. */
  readonly first: number;
  readonly lines: readonly string[];
}

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
  checkInputFile(path);
  const input = path === STDIO ? stdin : createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  if (path === STDIO) input.setEncoding('utf8');
  // Pieces of a line longer than a chunk wait here, joined once its end arrives, so a
  // 100 MB line is copied once, not once per megabyte.
  let pending: string[] = [];
  let next = 1;
  let atStart = true;
  for await (const chunk of input) {
    let piece = chunk as string;
    if (atStart && piece !== '') {
      atStart = false;
      if (piece.startsWith(BYTE_ORDER_MARK)) piece = piece.slice(1);
    }
    pending.push(piece);
    if (!piece.includes('\n')) continue;
    const lines = pending.join('').split('\n');
    pending = [lines.pop()!];
    for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
    yield { first: next, lines };
    next += lines.length;
  }
  const rest = pending.join('');
  if (rest !== '') yield { first: next, lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest] };
}
