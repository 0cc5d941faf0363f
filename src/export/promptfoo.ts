import type { ProblemRecord } from '../records/problem.js';
import { byVariant } from './dataset.js';
import { provenanceLines } from './provenance.js';
import type { ExportedFile, ExportFormat, ExportInput } from './types.js';
import { toYaml } from './yaml.js';

const PROMPT = `Solve the following grade-school math problem. Show your reasoning, then write the final answer on its own last line as "#### <number>".

Question: {{question}}
`;

/**
 * The assertion every test runs, with the test's own expected answer in
 * vars.expected. It reads the answer the way GSM8K-style graders do (the
 * `####` line, else "the answer is", else the last number), drops commas,
 * dollar signs and a final full stop, and compares exactly as fractions of
 * integers, so 12.50 matches 12.5 and 0.5 matches 1/2, but 12.49 never does.
 * A test whose answer the source may have rounded (vars.rounded, from
 * `source.rounded`) passes when the answer read rounds to it, as in `score`.
 */
const CHECK_ANSWER = `// Made by reasonforge export --format promptfoo: the assertion each test in tests.yaml runs.
'use strict';

function toFraction(text) {
  const clean = String(text).trim().replace(/[,$]/g, '').replace(/\\.$/, '');
  let match = /^(-?)(\\d+)\\/(\\d+)$/.exec(clean);
  if (match) {
    if (BigInt(match[3]) === 0n) return null;
    return reduce((match[1] ? -1n : 1n) * BigInt(match[2]), BigInt(match[3]));
  }
  match = /^(-?)(\\d*)(?:\\.(\\d+))?$/.exec(clean);
  if (!match || (match[2] === '' && match[3] === undefined)) return null;
  const digits = (match[2] || '0') + (match[3] || '');
  return reduce((match[1] ? -1n : 1n) * BigInt(digits), 10n ** BigInt((match[3] || '').length));
}

function gcd(a, b) {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(num, den) {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

// Half away from zero, to the places the expected decimal shows.
function roundsTo(got, expectedText, want) {
  const places = BigInt((String(expectedText).split('.')[1] || '').length);
  const scale = 10n ** places;
  const magnitude = got.num < 0n ? -got.num : got.num;
  const rounded = (2n * magnitude * scale + got.den) / (2n * got.den);
  return (got.num < 0n ? -rounded : rounded) * want.den === want.num * scale;
}

const NUMBER = /-?\\$?\\d[\\d,]*(?:\\.\\d+)?(?:\\/\\d+)?/g;

function extract(output) {
  const text = String(output);
  const hashes = [...text.matchAll(/####\\s*(-?\\$?\\d[\\d,]*(?:\\.\\d+)?(?:\\/\\d+)?)/g)];
  if (hashes.length > 0) return hashes[hashes.length - 1][1];
  const said = [...text.matchAll(/answer is:?\\s*(-?\\$?\\d[\\d,]*(?:\\.\\d+)?(?:\\/\\d+)?)/gi)];
  if (said.length > 0) return said[said.length - 1][1];
  const numbers = text.match(NUMBER);
  return numbers ? numbers[numbers.length - 1] : null;
}

module.exports = (output, context) => {
  const expected = String(context.vars.expected);
  const found = extract(output);
  if (expected === 'unanswerable') {
    const pass = /unanswerable|cannot be (determined|answered)|not enough information/i.test(String(output));
    return { pass, score: pass ? 1 : 0, reason: pass ? 'says the question cannot be answered' : 'expected the model to say the question cannot be answered' };
  }
  const want = toFraction(expected);
  const got = found === null ? null : toFraction(found);
  const rounded = context.vars.rounded === true || context.vars.rounded === 'true';
  const pass = want !== null && got !== null && ((want.num === got.num && want.den === got.den) || (rounded && roundsTo(got, expected, want)));
  return { pass, score: pass ? 1 : 0, reason: pass ? \`answer \${found} equals \${expected}\` : \`expected \${expected}, read \${found === null ? 'no number' : found}\` };
};
`;

function test(record: ProblemRecord): Record<string, unknown> {
  return {
    description: record.id,
    vars: { question: record.question, expected: record.answer, ...(record.source?.rounded === true ? { rounded: true } : {}) },
    assert: [{ type: 'javascript', value: 'file://check-answer.js' }],
    metadata: {
      variant: record.variant.kind,
      template: record.template?.id ?? 'imported',
      set: record.set === null ? '' : String(record.set),
      base_id: record.base_id,
    },
  };
}

/**
 * promptfoo: a config naming the prompt, a provider to replace, and the tests
 * file; one test per item with the question and expected answer as vars, an
 * assertion of its own, and metadata to filter by variant.
 */
export const promptfoo: ExportFormat = {
  name: 'promptfoo',
  summary: 'promptfoo config, prompt, one test per item with an exact-answer assertion',
  fewshot: 'unused',
  build(input: ExportInput): ExportedFile[] {
    const records = [...byVariant(input.dataset.records).values()].flat();
    const header = 'Made by reasonforge export --format promptfoo. Run: see README.txt.';
    const variants = [...byVariant(input.dataset.records).keys()];
    return [
      {
        path: 'promptfooconfig.yaml',
        content: toYaml(
          {
            description: `reasonforge: ${input.name} (${records.length} items)`,
            prompts: ['file://prompt.txt'],
            providers: ['openai:gpt-4o-mini'],
            tests: 'file://tests.yaml',
          },
          header,
        ),
      },
      { path: 'prompt.txt', content: PROMPT },
      { path: 'tests.yaml', content: toYaml(records.map(test), header) },
      { path: 'check-answer.js', content: CHECK_ANSWER },
      {
        path: 'README.txt',
        content: [
          ...provenanceLines(input, 'promptfoo'),
          '',
          'Run (replace the provider in promptfooconfig.yaml, or pass another with -r):',
          `  cd ${input.outDir} && npx promptfoo@latest eval -c promptfooconfig.yaml`,
          'One variant only:',
          `  cd ${input.outDir} && npx promptfoo@latest eval -c promptfooconfig.yaml --filter-metadata variant=${variants[0]}`,
          '',
          'Each test carries the question and the expected answer as vars and runs check-answer.js, which reads',
          'the "#### N" line (else "the answer is N", else the last number) and compares it with the answer exactly;',
          'a test with vars.rounded (an answer the source rounded, such as 4.33 for 13/3) passes when the answer read rounds to it.',
          '',
        ].join('\n'),
      },
    ];
  },
};
