import { existsSync, readFileSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { VARIANT_IDS, type ProblemRecord, type VariantId } from '../records/problem.js';
import { readRecords } from '../records/read-records.js';
import type { LoadedDataset } from './types.js';

/**
 * Reads a reasonforge JSONL dataset for export (see readRecords: the first
 * bad line stops it), with its manifest when there is one; ids must be unique.
 */
export async function loadDataset(path: string): Promise<LoadedDataset> {
  const records: ProblemRecord[] = [];
  const ids = new Map<string, number>();
  for await (const { record, line } of readRecords(path)) {
    const first = ids.get(record.id);
    if (first !== undefined) throw new ReasonforgeError('dataset-invalid', `duplicate id ${record.id} (first on line ${first})`, { file: path, line });
    ids.set(record.id, line);
    records.push(record);
  }
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
