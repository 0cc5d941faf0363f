import type { Judge } from '../../src/score/judge.js';
import type { ProblemRecord, VariantId } from '../../src/records/problem.js';

/**
 * Hand-made records: valid against schemas/problem.schema.json, with ids in
 * the generator's format, for any templates, sets and variants a test needs,
 * independent of which templates the library holds today.
 */
export function record(template: string, set: number, variant: VariantId, answer: string): ProblemRecord {
  const id = `${template}:test:1:${set}:${variant}`;
  return {
    id,
    question: `Question of ${id}?`,
    answer,
    answer_type: 'integer',
    solution: `It is ${answer} = <<${answer}=${answer}>>${answer}.\n#### ${answer}`,
    steps: [{ text: `It is ${answer}.`, expr: answer, value: answer }],
    template: { id: template, version: 1 },
    variant: { kind: variant },
    base_id: `${template}:test:1:${set}:base`,
    set,
    split: 'test',
    seed: 1,
    bindings: {},
    difficulty: { steps: 1, operations: 0, max_number: Number(answer) },
    generator: { name: 'reasonforge', version: '0.1.0' },
  };
}

/**
 * A judge whose verdicts a test can predict: the answer is what follows the
 * last "#### ", compared as numbers; steps are invalid when the output says
 * "WRONG STEP". Stands in for the verifier, which has its own tests.
 */
export const fakeJudge: Judge = {
  judge(output, expected) {
    const at = output.lastIndexOf('#### ');
    if (at < 0) return { correct: false, extracted: null };
    const extracted = output.slice(at + 5).trim();
    return { correct: Number(extracted) === Number(expected), extracted };
  },
  stepsValid: (output) => !output.includes('WRONG STEP'),
  sameAnswer: (a, b) => Number(a) === Number(b),
};

/** A completion the fake judge reads as `answer`, with valid or invalid steps. */
export function completion(answer: string | null, steps: 'valid' | 'invalid' = 'valid', salt = ''): string {
  const body = steps === 'valid' ? '2 + 2 = 4.' : '2 + 2 = 5. WRONG STEP';
  return answer === null ? `I am not sure. ${body}${salt}` : `Let me think. ${body}${salt}\n#### ${answer}`;
}

/** A small deterministic stream for building test data (not the code under test's Rng). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
