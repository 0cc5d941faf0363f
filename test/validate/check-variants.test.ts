import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { checkLink, LinkChecker } from '../../src/validate/check-link.js';
import { checkRecord } from '../../src/validate/check-record.js';
import { compileFullFixture } from '../support/spec.js';

const template = compileFullFixture();
const item = (variant: Parameters<typeof generateOne>[4], set = 2) => generateOne(template, 4, 'test', set, variant);
type Editable = { -readonly [K in Exclude<keyof ProblemRecord, 'bindings' | 'variant'>]: ProblemRecord[K] } & {
  bindings: Record<string, number | string>;
  variant: Record<string, unknown>;
};
const mutate = (record: ProblemRecord, change: (r: Editable) => void): ProblemRecord => {
  const copy = structuredClone(record) as unknown as Editable;
  change(copy);
  return copy as unknown as ProblemRecord;
};
const defectsOf = (record: ProblemRecord) => checkRecord(record, template).join('\n');

describe('checkRecord on the seven perturbation variants', () => {
  it('finds nothing wrong with generated items of every variant', () => {
    for (const variant of ['digits', 'decimal', 'fraction', 'reverse', 'paraphrase', 'critical', 'reorder'] as const) {
      expect(checkRecord(item(variant), template), variant).toEqual([]);
    }
  });

  it.each([
    [
      'digits',
      'a number that is no digits rewrite',
      (r: Editable): void => {
        r.bindings['jugs'] = 5;
      },
      /binding "total" is \d+, but "jugs \* litres" gives \d+|jugs is 5, which the digits variant cannot make/,
    ],
    [
      'digits',
      'a clause binding it does not have',
      (r: Editable): void => {
        r.bindings['guests'] = 12;
      },
      /binding "guests" is not one a digits item has/,
    ],
    [
      'decimal',
      'a rewritten number listed as unchanged',
      (r: Editable): void => {
        r.variant['changed'] = [];
      },
      /changes at least one stated number/,
    ],
    [
      'fraction',
      'a number shown as a decimal',
      (r: Editable): void => {
        r.question = r.question.replace(/(\d+) (\d+)\/(\d+)/, '$1.5');
      },
      /the question does not match/,
    ],
    [
      'reverse',
      'an answer that is not the unknown',
      (r: Editable): void => {
        r.answer = String(Number(r.answer) + 1);
      },
      /the answer is \d+, but its template and bindings give/,
    ],
    [
      'reverse',
      'a reversed problem the template does not have',
      (r: Editable): void => {
        r.variant['reversed'] = { id: 'nope', unknown: 'drunk' };
      },
      /has no reversed problem "nope"/,
    ],
    [
      'paraphrase',
      'too few rewritten sentences',
      (r: Editable): void => {
        r.variant['rewritten'] = [{ part: 'question', alternative: 0 }];
      },
      /rewrites at least 2 of the 3 sentences/,
    ],
    [
      'critical',
      'an answer given for an unanswerable question',
      (r: Editable): void => {
        r.answer = '12';
      },
      /a critical item's answer is unanswerable, not 12/,
    ],
    [
      'critical',
      'a removed premise that is not critical',
      (r: Editable): void => {
        (r.variant['removed'] as { premise: number }).premise = 5;
      },
      /premise 5 is not one the answer cannot do without/,
    ],
    [
      'critical',
      'a solution that does not name the missing fact',
      (r: Editable): void => {
        r.solution = 'It cannot be known.\n#### unanswerable';
      },
      /does not say which fact is missing/,
    ],
    [
      'reorder',
      'the written order',
      (r: Editable): void => {
        r.variant['order'] = [0, 1];
      },
      /the order is the written order/,
    ],
    [
      'reorder',
      'an order the question does not follow',
      (r: Editable): void => {
        r.question = `${r.question} `;
      },
      /the question does not match/,
    ],
  ] as const)('%s: reports %s', (variant, _what, change, message) => {
    expect(defectsOf(mutate(item(variant), change))).toMatch(message);
  });

  it('reports an answer_type that does not describe the item', () => {
    const decimal = item('decimal');
    const wrongType = decimal.answer_type === 'integer' ? 'decimal' : 'integer';
    expect(defectsOf(mutate(decimal, (r) => (r.answer_type = wrongType)))).toMatch(/answer_type is \w+, but the answer \S+ is/);
  });
});

describe('checkLink between a variant and its base', () => {
  const base = { line: 1, record: item('base') };
  const link = (record: ProblemRecord) => checkLink(record, base, template).join('\n');

  it('finds nothing wrong with generated pairs', () => {
    for (const variant of ['digits', 'decimal', 'fraction', 'reverse', 'paraphrase', 'critical', 'reorder'] as const)
      expect(link(item(variant)), variant).toBe('');
  });

  it('reports a rewritten number that does not come from the base, a changed name, an answer that is not the unknown', () => {
    const digits = item('digits');
    expect(link(mutate(digits, (r) => (r.bindings['jugs'] = Number(r.bindings['jugs']) + 10)))).toMatch(
      /jugs went from \d+ to \d+, which is not a digits rewrite/,
    );
    expect(link(mutate(digits, (r) => (r.bindings['host'] = 'Someone')))).toMatch(/a digits variant changed host/);
    expect(link(mutate(item('reverse'), (r) => (r.answer = '0')))).toMatch(/a reverse variant's answer is drunk of its base/);
    expect(link(mutate(item('reorder'), (r) => (r.answer = '0')))).toMatch(/must keep the answer of its base/);
  });

  it('reports p1 and p2 items that repeat an earlier answer, in whatever order the records come', () => {
    const p1 = item('p1');
    expect(
      link(
        mutate(p1, (r): void => {
          r.answer = base.record.answer;
        }),
      ),
    ).toMatch(/a p1 variant must change the answer of its base/);
    const p2 = { ...p1, id: p1.id.replace(':p1', ':p2'), variant: { ...p1.variant, kind: 'p2' as const } };
    for (const order of [
      [p1, p2],
      [p2, p1],
    ]) {
      const checker = new LinkChecker();
      const found = order.flatMap((record, i) => checker.add(record, 5 + i, template));
      expect(found.map((f) => f.message).join('\n')).toMatch(/a p2 variant must change the answer of its p1 \(line \d\)/);
      expect(found).toHaveLength(1);
      expect(found[0]!.line).toBe(order[0] === p2 ? 5 : 6);
    }
  });
});
