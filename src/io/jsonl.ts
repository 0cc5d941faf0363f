import { printable } from '../errors.js';
import { lineBatches } from './line-batches.js';

export interface Line {
  /** 1-based, as editors and compilers count. */
  readonly number: number;
  readonly text: string;
}

/** Streams a text file's lines with their numbers; `-` reads standard input. */
export async function* readLines(path: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<Line> {
  for await (const { first, lines } of lineBatches(path, stdin)) {
    for (let i = 0; i < lines.length; i++) yield { number: first + i, text: lines[i]! };
  }
}

export type ParsedLine = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Parses one JSONL line; a blank line is reported, not skipped, so nothing disappears quietly. */
export function parseJsonLine(text: string): ParsedLine {
  if (text.trim() === '') return { ok: false, message: 'blank line' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${printable(error instanceof Error ? error.message : String(error))}` };
  }
}
