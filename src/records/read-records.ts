import { ReasonforgeError } from '../errors.js';
import { readLines, parseJsonLine } from '../io/jsonl.js';
import type { ProblemRecord } from './problem.js';
import { recordSchemaProblem } from './validate-record.js';

/**
 * The records of a reasonforge JSONL dataset, each with its line number, for
 * tools that act on a whole dataset (score, export). Every line must be a
 * valid record: a tool that skipped bad lines would report on a different
 * benchmark than the one named, so the first bad line stops it, named by file
 * and line. An empty file is an error too. (validate, which lists every
 * defect instead of stopping, reads lines itself.)
 */
export async function* readRecords(file: string): AsyncGenerator<{ readonly record: ProblemRecord; readonly line: number }> {
  let count = 0;
  for await (const { number, text } of readLines(file)) {
    count++;
    yield { record: recordOfLine(text, file, number), line: number };
  }
  if (count === 0) throw emptyDataset(file);
}

/** One line of a dataset as a record, or the error that names its file and line. */
export function recordOfLine(text: string, file: string, line: number): ProblemRecord {
  const parsed = parseJsonLine(text);
  if (!parsed.ok) throw new ReasonforgeError('dataset-invalid', parsed.message, { file, line });
  const problem = recordSchemaProblem(parsed.value);
  if (problem !== null) {
    throw new ReasonforgeError('dataset-invalid', `not a reasonforge record: ${problem.pointer} ${problem.message}`, { file, line });
  }
  return parsed.value as ProblemRecord;
}

export function emptyDataset(file: string): ReasonforgeError {
  return new ReasonforgeError('dataset-empty', 'holds no records', { file });
}
