import { generateRecords, type GenerationPlan } from '../engine/generate.js';
import { Utf8Lines } from '../io/utf8-lines.js';
import type { RecordCounter } from './manifest.js';

/**
 * A piece of a JSONL file: whole lines only, and how many. Bytes are lent:
 * they are valid until the next chunk is asked for (the producer reuses its
 * memory), so a consumer that keeps them copies them.
 */
export interface JsonlChunk {
  readonly data: Uint8Array;
  readonly records: number;
}

/** One system call and one hash update per chunk, not per line: lines are joined up to about this many bytes. */
export const CHUNK_BYTES = 1 << 16;

/**
 * The plan's records as JSONL, encoded as UTF-8 line by line, in chunks of
 * whole lines, each record counted in `counter` as it is serialised. What
 * `generate` writes, whichever thread runs it.
 */
export function* jsonlChunks(plan: GenerationPlan, counter: RecordCounter, size = CHUNK_BYTES): Generator<JsonlChunk> {
  const lines = new Utf8Lines(2 * size);
  let records = 0;
  for (const record of generateRecords(plan)) {
    lines.add(JSON.stringify(record));
    records++;
    counter.add(record.template!.id, record.variant.kind);
    if (lines.size >= size) {
      yield { data: lines.take(), records };
      records = 0;
    }
  }
  if (records > 0) yield { data: lines.take(), records };
}
