import { join } from 'node:path';
import type { TemplateSpec } from '../../src/template/spec.js';
import { compileTemplate } from '../../src/template/compile.js';
import { DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { loadPools } from '../../src/template/pools.js';

export const pools = loadPools(join(DEFAULT_GENERATORS_DIR, 'pools'));

/** A small, valid template to vary in tests: one thing changed per test shows what each check catches. */
export function fixtureSpec(overrides: Partial<Record<keyof TemplateSpec, unknown>> = {}): TemplateSpec {
  return {
    id: 'fixture-marbles',
    version: 1,
    topic: 'containers-inventory',
    variables: {
      kid: { pool: 'names' },
      bags: { int: [2, 9] },
      per_bag: { int: [3, 12] },
      lost: { int: [1, 20] },
    },
    derived: { total: 'bags * per_bag' },
    constraints: ['lost < total'],
    premises: ['{kid} has {bags} bags with {per_bag} marbles in each bag.', '{kid.Subj} loses {lost} of the marbles.'],
    question: 'How many marbles does {kid} have now?',
    answer: { expr: 'total - lost', type: 'integer' },
    solution: [
      { text: '{kid} starts with {=} marbles.', expr: 'bags * per_bag' },
      { text: 'After the loss, {kid.subj} has {=} marbles.', expr: 'total - lost' },
    ],
    distractors: [
      { id: 'blue', text: 'Exactly {blue} of the marbles in the first bag are blue.', variables: { blue: { int: [1, 3] } }, after: [0] },
      { id: 'shelf', text: 'The bags sit on a shelf {height} centimetres high.', variables: { height: { int: [40, 90] } } },
    ],
    extensions: [
      {
        id: 'finds',
        text: 'Later {kid.subj} finds {found} marbles under the sofa.',
        variables: { found: { int: [2, 9] } },
        question: 'How many marbles does {kid} have after that?',
        answer: { expr: 'total - lost + found', type: 'integer' },
        solution: [{ text: 'With the ones found, {kid.subj} has {=} marbles.', expr: 'total - lost + found' }],
      },
    ],
    ...overrides,
  } as TemplateSpec;
}

export function compileFixture(overrides: Partial<Record<keyof TemplateSpec, unknown>> = {}) {
  return compileTemplate(fixtureSpec(overrides), 'fixture.json', pools);
}
