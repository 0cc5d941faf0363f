import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedRecord, type ImportedItem } from '../../src/import/imported-record.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { recordSchemaProblem } from '../../src/records/validate-record.js';
import { record as generatedRecord } from '../score/support.js';
import { loadLibrary } from '../../src/template/load.js';
import { checkImportedLink, checkImportedRecord } from '../../src/validate/check-imported.js';
import { validateFile } from '../../src/validate/validate-file.js';
import { tempDir } from '../support/cli.js';

const item = (overrides: Partial<ImportedItem> = {}): ProblemRecord => {
  const made = importedRecord({
    id: 'mine:1:seed',
    question: 'A cook makes 3 pans of 5 rolls. How many rolls?',
    solution: 'She makes 3*5 = <<3*5=15>>15 rolls.\n#### 15',
    answer: '15',
    kind: 'base',
    baseId: 'mine:1:seed',
    set: null,
    split: 'test',
    source: { dataset: 'mine', file: 'mine.jsonl', line: 1 },
    ...overrides,
  });
  if (typeof made === 'string') throw new Error(made);
  return made;
};
type Editable = { -readonly [K in keyof ProblemRecord]: ProblemRecord[K] };
const edit = (record: ProblemRecord, change: (r: Editable) => void): ProblemRecord => {
  const copy = structuredClone(record) as Editable;
  change(copy);
  return copy;
};

describe('checkImportedRecord', () => {
  it('finds nothing wrong with an imported record, rounded annotations included', () => {
    expect(checkImportedRecord(item())).toEqual([]);
    const rounded = item({
      id: 'mine:2',
      baseId: 'mine:1:seed',
      kind: 'p1',
      question: 'Shared by 3?',
      solution: 'Each gets 13/3 = <<13/3=4.33>>4.33.\n#### 4.33',
      answer: '4.33',
    });
    expect(checkImportedRecord(rounded)).toEqual([]);
  });

  it.each([
    ['an answer the #### line does not state', (r: Editable) => (r.answer = '16'), 'the solution ends in "#### 15", but the answer is 16'],
    ['a wrong answer type', (r: Editable) => (r.answer_type = 'decimal'), 'answer_type is decimal, but the answer 15 is of type integer'],
    ['steps that are not the annotations', (r: Editable) => (r.steps = []), "steps do not match the solution's <<expr=value>> annotations"],
    ['a wrong annotation', (r: Editable) => (r.solution = r.solution.replace('=15>>', '=16>>')), "the solution's <<3*5=16>> is wrong; 3*5 = 15"],
    ['a base item that names another base', (r: Editable) => (r.base_id = 'other'), 'a base item is its own base, but base_id is other'],
  ])('reports %s', (_what, change, message) => {
    expect(checkImportedRecord(edit(item(), change))).toContain(message);
  });

  it('insists that critical items, and only they, are unanswerable', () => {
    const critical = item({
      id: 'mine:3',
      baseId: 'mine:1:seed',
      kind: 'critical',
      question: 'A cook makes some pans. How many rolls?',
      solution: 'Unknown.\n#### None',
      answer: 'None',
    });
    expect(checkImportedRecord(critical)).toEqual([]);
    expect(checkImportedRecord(edit(critical, (r) => (r.variant = { kind: 'paraphrase' })))).toContain(
      'only critical (or unpaired external) items are unanswerable, not a paraphrase item',
    );
    const answered = item({ id: 'mine:4', baseId: 'mine:1:seed', kind: 'critical' });
    expect(checkImportedRecord(answered)).toContain('a critical item cannot be answered, so its answer must be unanswerable, not 15');
  });
});

describe('source.rounded', () => {
  const shared = {
    id: 'mine:7',
    baseId: 'mine:1:seed',
    kind: 'p1' as const,
    question: 'Shared by 3?',
    solution: 'Each gets 13/3 = <<13/3=4.33>>4.33.\n#### 4.33',
    answer: '4.33',
  };

  it('is set by an importer whose source rounds, on a decimal answer of 2 or more places only', () => {
    expect(item({ ...shared, roundsAnswers: true }).source).toMatchObject({ rounded: true });
    expect(item({ ...shared }).source!.rounded).toBeUndefined();
    expect(item({ roundsAnswers: true }).source!.rounded).toBeUndefined();
    const oneDecimal = item({ ...shared, roundsAnswers: true, solution: 'Half of 9 is <<9/2=4.5>>4.5.\n#### 4.5', answer: '4.5' });
    expect(oneDecimal.source!.rounded).toBeUndefined();
    expect(checkImportedRecord(item({ ...shared, roundsAnswers: true }))).toEqual([]);
  });

  it('is refused on an answer that is not a decimal of 2 or more places', () => {
    const marked = edit(item(), (r) => (r.source = { ...r.source!, rounded: true }));
    expect(checkImportedRecord(marked)).toContain('source.rounded marks an answer that may be rounded, but 15 is not a decimal of 2 or more places');
  });

  it('exists only on imported records, and only as true', () => {
    const rounded = item({ ...shared, roundsAnswers: true });
    expect(recordSchemaProblem(edit(rounded, (r) => (r.source = { ...r.source!, rounded: false as unknown as true })))).toMatchObject({
      pointer: '/source/rounded',
    });
    const generated = generatedRecord('apples', 0, 'base', '4');
    expect(recordSchemaProblem(generated)).toBeNull();
    expect(recordSchemaProblem({ ...generated, rounded: true })).not.toBeNull();
    // A record with a source is an imported one: a generated record cannot carry the mark.
    expect(recordSchemaProblem({ ...generated, source: { dataset: 'mine', file: 'mine.jsonl', line: 1, rounded: true } })).not.toBeNull();
  });
});

describe('checkImportedLink and validate on imported files', () => {
  it('holds answer-keeping variants to their base answer and base_id to a base item', () => {
    const base = item();
    const noop = item({ id: 'mine:5', baseId: base.id, kind: 'noop', question: 'A cook, who is 40, makes 3 pans of 5 rolls. How many rolls?' });
    expect(checkImportedLink(noop, base, 1)).toEqual([]);
    const changed = edit(noop, (r) => {
      r.answer = '16';
    });
    expect(checkImportedLink(changed, base, 1)).toEqual(['a noop variant must keep the answer of its base (line 1) (15), not 16']);
    expect(checkImportedLink(noop, noop, 2)).toEqual(['base_id mine:1:seed names a noop item (line 2), not a base item']);
  });

  it('validate reports imported defects by line', async () => {
    const base = item();
    const paraphrase = edit(
      item({
        id: 'mine:6',
        baseId: base.id,
        kind: 'paraphrase',
        question: 'How many rolls come from 3 pans of 5?',
        solution: 'She makes 16.\n#### 16',
        answer: '16',
      }),
      () => undefined,
    );
    const file = join(tempDir('validate-imported'), 'd.jsonl');
    writeFileSync(file, `${JSON.stringify(base)}\n${JSON.stringify(paraphrase)}\n`);
    const report = await validateFile(file, loadLibrary());
    expect(report.defects).toEqual([{ line: 2, message: 'a paraphrase variant must keep the answer of its base (line 1) (15), not 16' }]);
  });
});
