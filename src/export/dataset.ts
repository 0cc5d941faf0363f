import { existsSync, readFileSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { readLines, parseJsonLine } from '../io/jsonl.js';
import { VARIANT_IDS, type ProblemRecord, type VariantId } from '../records/problem.js';
import { recordSchemaProblem } from '../records/validate-record.js';
import type { LoadedDataset } from './types.js';

/**
 * Reads a reasonforge JSONL dataset for export. Every line must pass the
 * record schema: an exporter that skipped bad lines would hand a tool a
 * different benchmark than the one named. The first bad line is an error
 * naming the file and line.
 */
export async function loadDataset(path: string): Promise<LoadedDataset> {
  const records: ProblemRecord[] = [];
  const ids = new Map<string, number>();
  for await (const { number, text } of readLines(path)) {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) throw new ReasonforgeError('record-invalid', parsed.message, { file: path, line: number });
    const problem = recordSchemaProblem(parsed.value);
    if (problem !== null) throw new ReasonforgeError('record-invalid', `${problem.pointer} ${problem.message}`, { file: path, line: number });
    const record = parsed.value as ProblemRecord;
    const first = ids.get(record.id);
    if (first !== undefined) throw new ReasonforgeError('record-invalid', `duplicate id ${record.id} (first on line ${first})`, { file: path, line: number });
    ids.set(record.id, number);
    records.push(record);
  }
  if (records.length === 0) throw new ReasonforgeError('record-invalid', 'the dataset has no records', { file: path });
  const manifestPath = `${path}.manifest.json`;
  let manifest: Record<string, unknown> | null = null;
  if (existsSync(manifestPath)) {
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ReasonforgeError('json-invalid', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file: manifestPath });
    }
  }
  return { path, records, manifest };
}

/** Records grouped by variant, variants in the canonical order of VARIANT_IDS. */
export function byVariant(records: readonly ProblemRecord[]): Map<VariantId, ProblemRecord[]> {
  const groups = new Map<VariantId, ProblemRecord[]>();
  for (const id of VARIANT_IDS) {
    const members = records.filter((r) => r.variant.kind === id);
    if (members.length > 0) groups.set(id, members);
  }
  return groups;
}

/**
 * The solution with its final line as `#### <canonical answer>`, so a tool that
 * compares strings after `####` compares like with like (GSM8K files write
 * `#### 1,000` at times; generated records are canonical already).
 */
export function canonicalSolution(record: ProblemRecord): string {
  const lines = record.solution.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.trim().startsWith('####')) {
      lines[i] = `#### ${record.answer}`;
      return lines.join('\n');
    }
  }
  return `${record.solution}\n#### ${record.answer}`;
}

/** The JSONL text of some rows. */
export function jsonl(rows: readonly unknown[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}
