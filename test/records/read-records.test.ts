import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset as loadForExport } from '../../src/export/dataset.js';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { readRecords } from '../../src/records/read-records.js';
import { loadDataset as loadForScoring } from '../../src/score/dataset.js';
import { compileFixture } from '../support/spec.js';

const records = [...generateRecords(new GenerationPlan({ seed: 1, sets: 2, split: 'test', variants: ['base', 'noop'], templates: [compileFixture()] }))];
const lines = records.map((r) => JSON.stringify(r));

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rf-records-')), 'd.jsonl');
  writeFileSync(path, content);
  return path;
}

async function all(path: string) {
  const out = [];
  for await (const item of readRecords(path)) out.push(item);
  return out;
}

describe('readRecords and the loaders built on it', () => {
  it('yields every record with its line number', async () => {
    const read = await all(file(`${lines.join('\n')}\n`));
    expect(read.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    expect(read.map((r) => r.record)).toEqual(records);
  });

  it.each([
    ['a line that is not JSON', () => [lines[0], '{"id": ', lines[1]].join('\n'), /:2: not valid JSON/],
    ['a line that is not a record', () => [lines[0], '{"id": "x"}'].join('\n'), /:2: not a reasonforge record: \/ must have required property/],
    ['a blank line', () => [lines[0], '', lines[1]].join('\n'), /:2: blank line/],
    ['an empty file', () => '', /: holds no records/],
  ])('stops at %s, naming the file and line, for scoring and for export alike', async (_what, content, message) => {
    const path = file(content());
    await expect(all(path)).rejects.toThrow(message);
    await expect(loadForScoring(path)).rejects.toThrow(message);
    await expect(loadForExport(path)).rejects.toThrow(message);
  });

  it('refuses a repeated id in both loaders', async () => {
    const path = file([lines[0], lines[1], lines[0]].join('\n'));
    await expect(loadForScoring(path)).rejects.toThrow(`${path}:3: duplicate id ${records[0]!.id} (first on line 1)`);
    await expect(loadForExport(path)).rejects.toThrow(`${path}:3: duplicate id ${records[0]!.id} (first on line 1)`);
  });
});
