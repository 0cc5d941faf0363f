import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { supportedVariants } from '../../src/engine/variants.js';
import { loadLibrary } from '../../src/template/load.js';
import { sharedFile } from '../support/shared-data.js';

/**
 * Our wording is our own. A copied or lightly edited GSM8K sentence shares a
 * long run of words with its source; stock phrases ("how much money in dollars
 * did") share six or seven. So no rendered question, in any variant, may share
 * a run of 8 words with a GSM8K test question.
 */
const RUN = 8;
const gsm8k = sharedFile('gsm8k', 'test.jsonl');
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

describe(`originality against GSM8K${gsm8k.present ? '' : ` (skipped: ${gsm8k.path} is absent; CI has ../shared/data beside the repository)`}`, () => {
  const runs = new Map<string, number>();
  const questions = gsm8k.present ? readFileSync(gsm8k.path, 'utf8').trim().split('\n') : [];
  questions.forEach((line, index) => {
    const w = words((JSON.parse(line) as { question: string }).question);
    for (let k = 0; k + RUN <= w.length; k++) runs.set(w.slice(k, k + RUN).join(' '), index + 1);
  });

  it.skipIf(!gsm8k.present)(`holds the GSM8K test questions (${runs.size} runs of ${RUN} words)`, () => {
    expect(runs.size).toBeGreaterThan(10_000);
  });

  it.skipIf(!gsm8k.present).each(loadLibrary().templates.map((t) => [t.id, t] as const))(
    '%s shares no run of 8 words with any GSM8K question',
    (_id, template) => {
      const shared: string[] = [];
      for (let set = 0; set < 4; set++) {
        for (const variant of supportedVariants(template)) {
          const w = words(generateOne(template, 1, 'test', set, variant).question);
          for (let k = 0; k + RUN <= w.length; k++) {
            const run = w.slice(k, k + RUN).join(' ');
            if (runs.has(run)) shared.push(`"${run}" (GSM8K test line ${runs.get(run)})`);
          }
        }
      }
      expect(shared).toEqual([]);
    },
  );
});
