import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReasonforgeError } from '../errors.js';

export interface Line {
  /** 1-based, as editors and compilers count. */
  readonly number: number;
  readonly text: string;
}

/** Streams a text file's lines with their numbers; `-` reads standard input. */
export async function* readLines(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<Line> {
  if (path !== '-' && !existsSync(path)) throw new ReasonforgeError('file-missing', 'no such file', { file: path });
  const input = path === '-' ? stdin : createReadStream(path, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const text of reader) {
    number++;
    yield { number, text };
  }
}

export type ParsedLine = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Parses one JSONL line; a blank line is reported, not skipped, so nothing disappears quietly. */
export function parseJsonLine(text: string): ParsedLine {
  if (text.trim() === '') return { ok: false, message: 'blank line' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
