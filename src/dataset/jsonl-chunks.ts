import { generateRecords, type GenerationPlan } from '../engine/generate.js';
import type { RecordCounter } from './manifest.js';

/** A piece of a JSONL file: whole lines only, and how many. */
export interface JsonlChunk {
  readonly data: string | Uint8Array;
  readonly records: number;
}

/** One system call and one hash update per chunk, not per line: lines are joined up to about this many characters. */
export const CHUNK_CHARS = 1 << 16;

/**
 * The plan's records as JSONL, in chunks of whole lines, each record counted
 * in `counter` as it is serialised. What `generate` writes, whichever thread
 * runs it.
 */
export function* jsonlChunks(plan: GenerationPlan, counter: RecordCounter, size = CHUNK_CHARS): Generator<JsonlChunk> {
  let text = '';
  let records = 0;
  for (const record of generateRecords(plan)) {
    text += `${JSON.stringify(record)}\n`;
    records++;
    counter.add(record.template!.id, record.variant.kind);
    if (text.length >= size) {
      yield { data: text, records };
      text = '';
      records = 0;
    }
  }
  if (records > 0) yield { data: text, records };
}
