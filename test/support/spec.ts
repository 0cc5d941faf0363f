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

/**
 * A template that makes all thirteen variants: numbers that may grow, become
 * decimals or fractions, a reversed problem, paraphrases, premise order.
 */
export function fullFixtureSpec(overrides: Partial<Record<keyof TemplateSpec, unknown>> = {}): TemplateSpec {
  return fixtureSpec({
    id: 'fixture-punch',
    topic: 'measurement-units',
    variables: {
      host: { pool: 'names' },
      jugs: { int: [2, 9], about: 'how many jugs {host} poured', perturb: { digits: { append: 1 } } },
      litres: { int: [1, 4], about: 'how much each jug held', perturb: { decimal: { parts: ['0.5', '0.25'] }, fraction: { parts: ['1/2', '1/3'] } } },
      drunk: {
        int: [1, 20],
        about: 'how much the guests drank',
        perturb: { digits: { append: 1 }, decimal: { parts: ['0.5'] }, fraction: { parts: ['1/2', '3/4'] } },
      },
    },
    derived: { total: 'jugs * litres', left: 'total - drunk' },
    constraints: ['drunk < total'],
    premises: [
      {
        text: '{host} poured {jugs} jugs of punch into a big bowl, each jug holding {litres} litres.',
        paraphrases: ['Into a big bowl went {jugs} jugs of punch, poured by {host}, with {litres} litres in every jug.'],
      },
      {
        text: 'During the party, the guests drank {drunk} litres of the punch.',
        paraphrases: ['The guests got through {drunk} litres of the punch while the party lasted.'],
        follows: [],
        opens: true,
      },
    ],
    question: { text: 'How many litres of punch were left in the bowl?', paraphrases: ['What amount of punch, in litres, remained in the bowl?'] },
    answer: { expr: 'left', type: 'integer', range: [0, 1000] },
    solution: [
      { text: 'The bowl held {=} litres at first.', expr: 'jugs * litres' },
      { text: 'After the party, {=} litres were left.', expr: 'total - drunk' },
    ],
    distractors: [
      { id: 'cups', text: 'The cups by the bowl each held {cup} millilitres.', variables: { cup: { int: [150, 300], step: 50 } } },
      { id: 'guests', text: 'There were {guests} guests at the party.', variables: { guests: { int: [8, 30] } } },
    ],
    extensions: [
      {
        id: 'top-up',
        text: 'Later {host.subj} topped the bowl up with {extra} more litres.',
        variables: { extra: { int: [1, 6] } },
        question: 'How many litres of punch were in the bowl after that?',
        answer: { expr: 'left + extra', type: 'integer', range: [0, 1000] },
        solution: [{ text: 'After the top-up, the bowl held {=} litres.', expr: 'left + extra' }],
      },
    ],
    reverse: [
      {
        id: 'drunk-unknown',
        unknown: 'drunk',
        premises: { '1': 'During the party, the guests drank some of the punch.' },
        given: 'Afterwards, {answer} litres of punch were left in the bowl.',
        question: 'How many litres of punch did the guests drink?',
        solution: [
          { text: 'The bowl held {=} litres at first.', expr: 'jugs * litres' },
          { text: 'The guests drank {=} litres.', expr: 'total - answer' },
        ],
      },
    ],
    ...overrides,
  });
}

export function compileFullFixture(overrides: Partial<Record<keyof TemplateSpec, unknown>> = {}) {
  return compileTemplate(fullFixtureSpec(overrides), 'full-fixture.json', pools);
}

/** The punch fixture, whose remaining punch can be 1 litre, with the amount left worded by its result: `{=|noun:litre:litres}`. */
export function compileWordedPunch() {
  return compileFullFixture({
    solution: [
      { text: 'The bowl held {=} litres at first.', expr: 'jugs * litres' },
      { text: 'After the party, the bowl still held {=|noun:litre:litres}.', expr: 'total - drunk' },
    ],
  });
}
