import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import {
  answerLineExample,
  chatMessages,
  completionPrompt,
  DEFAULT_TEMPLATE,
  jinjaTemplate,
  loadPromptTemplate,
  promptTemplate,
  renderQuestion,
} from '../../src/prompt/index.js';
import { loadLibrary } from '../../src/template/load.js';
import { tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

const library = loadLibrary();
const train = [...generateRecords(new GenerationPlan({ seed: 3, sets: 1, split: 'train', variants: ['base'], templates: library.templates.slice(0, 2) }))];

describe('the default prompt', () => {
  it('is the GSM8K-style prompt of the lm-eval export, in its Jinja form there', () => {
    expect(renderQuestion(DEFAULT_TEMPLATE, 'How many?')).toBe('Question: How many?\nAnswer:');
    expect(jinjaTemplate(DEFAULT_TEMPLATE)).toBe('Question: {{question}}\nAnswer:');
  });

  it('puts each example before the question as lm-eval does: prompt, one space, solution, blank line', () => {
    const [a, b] = train as [(typeof train)[0], (typeof train)[0]];
    const prompt = completionPrompt(DEFAULT_TEMPLATE, [a, b], 'Q?');
    const expected = `Question: ${a.question}\nAnswer: ${a.solution}\n\nQuestion: ${b.question}\nAnswer: ${b.solution}\n\nQuestion: Q?\nAnswer:`;
    expect(prompt).toBe(expected);
    expect(a.solution.trimEnd().split('\n').at(-1)).toBe(`#### ${a.answer}`);
  });

  it('gives a chat model the examples as earlier turns', () => {
    const [a] = train as [(typeof train)[0]];
    expect(chatMessages(DEFAULT_TEMPLATE, [a], 'Q?')).toEqual([
      { role: 'user', content: `Question: ${a.question}\nAnswer:` },
      { role: 'assistant', content: a.solution },
      { role: 'user', content: 'Question: Q?\nAnswer:' },
    ]);
    expect(chatMessages(DEFAULT_TEMPLATE, [], 'Q?')).toEqual([{ role: 'user', content: 'Question: Q?\nAnswer:' }]);
  });
});

describe('a template file', () => {
  it('replaces every {question} and nothing else, without the final newline an editor adds', () => {
    const file = join(tempDir('prompt'), 'p.txt');
    writeFileSync(file, 'Solve: {question}\nPut the result in \\boxed{} ({question}).\n');
    const template = loadPromptTemplate(file);
    expect(renderQuestion(template, 'Q')).toBe('Solve: Q\nPut the result in \\boxed{} (Q).');
    expect(template.source).toBe(file);
    expect(template.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(template.sha256).not.toBe(DEFAULT_TEMPLATE.sha256);
  });

  it('is refused without {question}, naming the file', () => {
    const error = reasonforgeErrorOf(() => promptTemplate('Answer the question.', 'p.txt'));
    expect(error.kind).toBe('prompt-invalid');
    expect(error.message).toMatch(/^p\.txt: .*\{question\}/);
  });
});

describe('the Inspect example', () => {
  it('drops the #### line and the calculator annotations and ends with ANSWER:', () => {
    const [a] = train as [(typeof train)[0]];
    const text = answerLineExample(a);
    expect(text.startsWith(`Question: ${a.question}\n`)).toBe(true);
    expect(text).not.toMatch(/<<|####/);
    expect(text.endsWith(`\nANSWER: ${a.answer}`)).toBe(true);
  });
});
