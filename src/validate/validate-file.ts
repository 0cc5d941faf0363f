import { prefixOf } from '../errors.js';
import { readLines, parseJsonLine } from '../io/jsonl.js';
import { parseItemId } from '../records/ids.js';
import type { ProblemRecord } from '../records/problem.js';
import { recordSchemaProblem } from '../records/validate-record.js';
import type { CompiledTemplate } from '../template/compiled.js';
import type { TemplateLibrary } from '../template/load.js';
import { checkImportedLink, checkImportedRecord } from './check-imported.js';
import { checkRecord } from './check-record.js';

export interface Defect {
  readonly line: number;
  readonly message: string;
}

export interface ValidationReport {
  readonly file: string;
  readonly records: number;
  readonly defects: readonly Defect[];
}

interface Seen {
  readonly line: number;
  readonly record: ProblemRecord;
}

/**
 * Validates a JSONL dataset line by line (schema, then the record's own
 * semantics: against its template for generated records, against its own
 * solution for imported ones), then across lines: ids and questions are
 * unique, and each variant agrees with the base item it was made from.
 */
export async function validateFile(file: string, library: TemplateLibrary): Promise<ValidationReport> {
  const defects: Defect[] = [];
  const ids = new Map<string, number>();
  const questions = new Map<string, number>();
  const bases = new Map<string, Seen>();
  const variants: Seen[] = [];
  const importedBases = new Map<string, Seen>();
  const importedVariants: Seen[] = [];
  let records = 0;
  for await (const { number, text } of readLines(file)) {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      defects.push({ line: number, message: parsed.message });
      continue;
    }
    records++;
    const problem = recordSchemaProblem(parsed.value);
    if (problem !== null) {
      defects.push({ line: number, message: `${problem.pointer} ${problem.message}` });
      continue;
    }
    const record = parsed.value as ProblemRecord;
    const firstId = ids.get(record.id);
    if (firstId !== undefined) defects.push({ line: number, message: `duplicate id ${record.id} (first on line ${firstId})` });
    else ids.set(record.id, number);
    const firstQuestion = questions.get(record.question);
    if (firstQuestion !== undefined) defects.push({ line: number, message: `same question as line ${firstQuestion}` });
    else questions.set(record.question, number);

    if (record.template === null) {
      for (const message of checkImportedRecord(record)) defects.push({ line: number, message });
      if (record.base_id === record.id) importedBases.set(record.id, { line: number, record });
      else importedVariants.push({ line: number, record });
      continue;
    }
    let template: CompiledTemplate;
    try {
      template = library.get(record.template.id);
    } catch {
      const hint = record.template.id.startsWith('gsm-symbolic/') ? '; records made from GSM-Symbolic templates need --from-gsm-symbolic DIR' : '';
      defects.push({ line: number, message: `unknown template "${record.template.id}"${hint}` });
      continue;
    }
    for (const message of checkAddress(record)) defects.push({ line: number, message });
    for (const message of checkRecord(record, template)) defects.push({ line: number, message });
    if (record.variant.kind === 'base') bases.set(record.id, { line: number, record });
    else variants.push({ line: number, record });
  }
  for (const variant of variants) {
    const base = bases.get(variant.record.base_id);
    if (base === undefined) continue;
    const template = library.get(variant.record.template!.id);
    for (const message of checkLink(variant.record, base, template)) defects.push({ line: variant.line, message });
  }
  for (const variant of importedVariants) {
    const base = importedBases.get(variant.record.base_id);
    if (base === undefined) continue;
    for (const message of checkImportedLink(variant.record, base.record, base.line)) defects.push({ line: variant.line, message });
  }
  defects.sort((a, b) => a.line - b.line);
  return { file, records, defects };
}

/** The id, base_id and the record's own fields must name the same item. */
function checkAddress(record: ProblemRecord): string[] {
  const address = parseItemId(record.id);
  if (address === null) return [`the id "${record.id}" is not <template>:<split>:<seed>:<set>:<variant>`];
  const defects: string[] = [];
  const expected = { template: record.template?.id, split: record.split, seed: record.seed, set: record.set, variant: record.variant.kind };
  for (const [key, value] of Object.entries(expected)) {
    if (address[key as keyof typeof address] !== value) defects.push(`the id says ${key} ${String(address[key as keyof typeof address])}, the record says ${String(value)}`);
  }
  const baseId = `${address.template}:${address.split}:${address.seed}:${address.set}:base`;
  if (record.base_id !== baseId) defects.push(`base_id is ${record.base_id}, expected ${baseId}`);
  return defects;
}

/** What pairing a variant with its base promises: shared numbers, shared names, or both. */
function checkLink(record: ProblemRecord, base: Seen, template: CompiledTemplate): string[] {
  const defects: string[] = [];
  const cosmetic = new Set(template.cosmetic.map((c) => template.slots[c.slot]!.name));
  const differing = Object.keys(record.bindings).filter((name) => record.bindings[name] !== base.record.bindings[name]);
  const kind = record.variant.kind;
  const where = `its base (line ${base.line})`;
  if (kind === 'names') {
    const numeric = differing.filter((name) => !cosmetic.has(name));
    if (numeric.length > 0) defects.push(`a names variant changed ${numeric.join(', ')} from ${where}; only names may change`);
    if (differing.length === 0) defects.push(`a names variant changed no name from ${where}`);
  } else if (kind === 'numbers') {
    const names = differing.filter((name) => cosmetic.has(name));
    if (names.length > 0) defects.push(`a numbers variant changed the names ${names.join(', ')} from ${where}`);
    if (differing.length === 0) defects.push(`a numbers variant changed no number from ${where}`);
  } else if (differing.length > 0) {
    defects.push(`a ${kind} variant must share its bindings with ${where}, but ${differing.join(', ')} differ`);
  }
  if ((kind === 'names' || kind === 'noop') && record.answer !== base.record.answer) {
    defects.push(`a ${kind} variant must keep the answer of ${where} (${base.record.answer}), not ${record.answer}`);
  }
  if ((kind === 'p1' || kind === 'p2') && record.answer === base.record.answer) defects.push(`a ${kind} variant must change the answer of ${where}`);
  return defects;
}

export function formatDefect(file: string, defect: Defect): string {
  return `${prefixOf({ file, line: defect.line })}${defect.message}`;
}
