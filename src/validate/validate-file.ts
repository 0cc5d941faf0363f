import { createHash } from 'node:crypto';
import { prefixOf } from '../errors.js';
import { readLines, parseJsonLine } from '../io/jsonl.js';
import { parseItemId } from '../records/ids.js';
import type { ProblemRecord } from '../records/problem.js';
import { recordSchemaProblem } from '../records/validate-record.js';
import type { CompiledTemplate } from '../template/compiled.js';
import type { TemplateLibrary } from '../template/load.js';
import { checkImportedLink, checkImportedRecord } from './check-imported.js';
import { LinkChecker } from './check-link.js';
import { checkRecord } from './check-record.js';
import { uniqueQuestionKey } from '../variants/unique.js';

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
  const links = new LinkChecker();
  // Imported datasets are small (GSM-Plus is 10,552 items), so their pairs are checked at the end.
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
    // A digest stands in for the question: a million questions would otherwise all be held at once.
    const questionKey = createHash('sha1').update(uniqueQuestionKey(record)).digest('base64');
    const firstQuestion = questions.get(questionKey);
    if (firstQuestion !== undefined) defects.push({ line: number, message: `same question as line ${firstQuestion}` });
    else questions.set(questionKey, number);

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
    defects.push(...links.add(record, number, template));
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
    if (address[key as keyof typeof address] !== value)
      defects.push(`the id says ${key} ${String(address[key as keyof typeof address])}, the record says ${String(value)}`);
  }
  const baseId = `${address.template}:${address.split}:${address.seed}:${address.set}:base`;
  if (record.base_id !== baseId) defects.push(`base_id is ${record.base_id}, expected ${baseId}`);
  return defects;
}

export function formatDefect(file: string, defect: Defect): string {
  return `${prefixOf({ file, line: defect.line })}${defect.message}`;
}
