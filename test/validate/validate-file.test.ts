import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { GENERATED_VARIANTS } from '../../src/engine/variants.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { createLibrary, DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { validateFile } from '../../src/validate/validate-file.js';
import { tempDir } from '../support/cli.js';
import { compileFullFixture, pools } from '../support/spec.js';

const template = compileFullFixture();
const library = createLibrary(DEFAULT_GENERATORS_DIR, [template], pools);
const records = [...generateRecords(new GenerationPlan({ seed: 3, sets: 6, split: 'test', variants: [...GENERATED_VARIANTS], templates: [template] }))];
const dir = tempDir('validate-file');
const write = (name: string, lines: readonly ProblemRecord[]) => {
  const file = join(dir, name);
  writeFileSync(file, lines.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
};

describe('validateFile', () => {
  it('accepts every variant of generated sets, in any order of lines', async () => {
    expect((await validateFile(write('forward.jsonl', records), library)).defects).toEqual([]);
    expect((await validateFile(write('backward.jsonl', [...records].reverse()), library)).defects).toEqual([]);
  });

  it('finds a broken pair whether the variant comes before its base or after', async () => {
    const index = records.findIndex((r) => r.variant.kind === 'reorder');
    const tampered = records.map((r, i) => (i === index ? { ...r, answer: '999999' } : r));
    for (const lines of [tampered, [...tampered].reverse()]) {
      const { defects } = await validateFile(write('tampered.jsonl', lines), library);
      expect(defects.map((d) => d.message).join('\n')).toMatch(/a reorder variant must keep the answer of its base/);
    }
  });
});
