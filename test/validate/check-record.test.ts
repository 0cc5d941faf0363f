import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { checkRecord, checkSolutionText } from '../../src/validate/check-record.js';
import { compileFixture, compileWordedPunch } from '../support/spec.js';

const template = compileFixture();
const base = generateOne(template, 4, 'test', 2, 'base');
const p1 = generateOne(template, 4, 'test', 2, 'p1');
/** A record whose fields a test may overwrite. */
type Editable = { -readonly [K in keyof ProblemRecord]: ProblemRecord[K] } & { bindings: Record<string, number | string> };
const mutate = (record: ProblemRecord, change: (r: Editable) => void): ProblemRecord => {
  const copy = structuredClone(record) as Editable;
  change(copy);
  return copy;
};
/** Replaces the claimed value of the first annotation (and the text after it) with `value`. */
const claim = (solution: string, value: string) => solution.replace(/<<([^=]+)=([^>]+)>>\2/, `<<$1=${value}>>${value}`);

describe('checkRecord', () => {
  it('finds nothing wrong with a generated record', () => {
    expect(checkRecord(base, template)).toEqual([]);
    expect(checkRecord(p1, template)).toEqual([]);
  });

  it.each([
    ['a wrong answer', (r: Editable) => (r.answer = String(Number(r.answer) + 1)), /the answer is \d+, but its template and bindings give \d+/],
    ['a changed binding', (r: Editable) => (r.bindings['lost'] = Number(r.bindings['lost']) + 1), /binding "total" is|step 2 says/],
    ['a missing binding', (r: Editable) => delete r.bindings['bags'], /binding "bags" is missing/],
    ['an edited question', (r: Editable) => (r.question = r.question.replace('marbles', 'beads')), /the question does not match its template and bindings/],
    ['a wrong answer type', (r: Editable) => (r.answer_type = 'decimal'), /answer_type is decimal, but the answer \d+ is an integer/],
    ['an unknown template version', (r: Editable) => (r.template = { id: template.id, version: 9 }), /made by version 9/],
  ])('reports %s', (_what, change, message) => {
    const defects = checkRecord(mutate(base, change), template);
    expect(defects.join('\n')).toMatch(message);
  });

  it('reports a p1 record that lost its inserted clause', () => {
    const defects = checkRecord(
      mutate(p1, (r) => (r.variant = { kind: 'p1' })),
      template,
    );
    expect(defects).toContain('the p1 variant inserts 1 clause(s), but the record lists 0');
  });
});

describe('checkRecord on solution lines', () => {
  const punch = compileWordedPunch();
  const variants = ['base', 'p1', 'decimal', 'fraction', 'reverse'] as const;
  const records = variants.flatMap((variant) => Array.from({ length: 60 }, (_, set) => generateOne(punch, 5, 'test', set, variant)));
  const singular = records.find((r) => r.variant.kind === 'base' && r.steps[1]!.value === '1')!;

  it('accepts every generated line, with a noun worded by its result or not', () => {
    expect(singular.solution).toMatch(/>>1 litre\.\n/);
    expect(records.filter((r) => / litres?\.\n/.test(r.solution)).length).toBeGreaterThan(records.length / 2);
    expect(records.flatMap((r) => checkRecord(r, punch))).toEqual([]);
  });

  it('rejects a line or a step whose noun disagrees with its result, or whose words were changed', () => {
    const plural = mutate(singular, (r) => (r.solution = r.solution.replace('>>1 litre.', '>>1 litres.')));
    expect(checkRecord(plural, punch)).toEqual([
      `solution line 2 reads "${plural.solution.split('\n')[1]}", but its template and bindings give "${singular.solution.split('\n')[1]}"`,
    ]);
    const step = mutate(singular, (r) => (r.steps = r.steps.map((s, i) => (i === 1 ? { ...s, text: s.text.replace('= 1 litre.', '= 1 litres.') } : s))));
    expect(checkRecord(step, punch).join('\n')).toMatch(/^step 2 reads ".* = 1 litres\.", but its template and bindings give ".* = 1 litre\."$/);
    const reworded = mutate(base, (r) => (r.solution = r.solution.replace('starts with', 'begins with')));
    expect(checkRecord(reworded, template).join('\n')).toMatch(/^solution line 1 reads ".*begins with.*", but its template and bindings give ".*starts with/);
  });
});

describe('checkSolutionText', () => {
  it('reports an annotation whose arithmetic is wrong, and one that is only rounded', () => {
    const wrong = checkSolutionText(mutate(base, (r) => (r.solution = claim(r.solution, '7'))));
    expect(wrong.join('\n')).toMatch(/solution line 1: <<[^>]+=7>> is wrong; \S+ = \d+/);
    // GSM8K sometimes rounds (the audit allows it where a solution says so); our own files never may.
    const rounded = mutate(base, (r) => (r.solution = r.solution.replace(/<<[^>]+>>\d+/, '<<10/3=3.33>>3.33')));
    expect(rounded.solution).not.toBe(base.solution);
    expect(checkSolutionText(rounded)).toContain('solution line 1: <<10/3=3.33>> is wrong; 10/3 = 10/3');
  });

  it('reports text that does not repeat the value, an unclosed <<, a missing final line', () => {
    const repeat = checkSolutionText(mutate(base, (r) => (r.solution = r.solution.replace(/>>(\d+)/, '>>x$1'))));
    expect(repeat.join('\n')).toMatch(/the text after <<[^>]+>> does not repeat/);
    const unclosed = checkSolutionText(mutate(base, (r) => (r.solution = r.solution.replace('>>', ''))));
    expect(unclosed).toContain('the solution has a << that is not closed by >> on its line');
    const final = checkSolutionText(mutate(base, (r) => (r.solution = r.solution.replace(/#### .*$/, '#### 0'))));
    expect(final).toContain(`the solution's last line is "#### 0", not "#### ${base.answer}"`);
  });
});
