import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { checkDefaults } from '../../src/gsm-symbolic/defaults.js';
import { importedId, loadGsmSymbolic } from '../../src/gsm-symbolic/load.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { recordSchemaProblem } from '../../src/records/validate-record.js';
import { loadLibrary } from '../../src/template/load.js';
import { checkRecord } from '../../src/validate/check-record.js';
import { cli as runCli, tempDir } from '../support/cli.js';

/** Templates of our own writing in the release's format; the release itself may not be redistributed. */
const RELEASE = fileURLToPath(new URL('fixtures/release/', import.meta.url));
const library = loadLibrary();
const loaded = loadGsmSymbolic(RELEASE, library.pools);
const byId = (id: string) => {
  const found = loaded.templates.find((t) => t.id === id);
  if (found === undefined) throw new Error(`${id} did not translate: ${JSON.stringify(loaded.failures)}`);
  return found;
};

describe('translating GSM-Symbolic templates', () => {
  it('keeps the release folder and file name in the id', () => {
    expect(loaded.templates.map((t) => t.id).sort()).toEqual(['gsm-symbolic/p1/0013', 'gsm-symbolic/p2/0002', 'gsm-symbolic/symbolic/0001']);
    expect(importedId('/r/templates/p1', '/r/templates/p1/0013.json')).toBe('gsm-symbolic/p1/0013');
    expect(importedId('/r/templates', '/r/templates/p1/0013.json')).toBe('gsm-symbolic/p1/0013');
  });
  it('reports each template it cannot translate with the construct that stopped it', () => {
    expect(loaded.failures.map((f) => [f.id, f.construct])).toEqual([
      ['gsm-symbolic/symbolic/0004', 'sample_sequential(...)'],
      ['gsm-symbolic/symbolic/0005', 'the named list "planets"'],
    ]);
    expect(loaded.failures[0]!.message).toMatch(/#init line 5/);
  });
  it('reads ranges (end excluded, with a step), named pools, unpacking and bare lists', () => {
    const spec = byId('gsm-symbolic/symbolic/0001').translation.spec;
    expect(spec.variables).toEqual({ name: { pool: 'gsm-symbolic/names-female' }, n: { int: [12, 120], step: 6 }, k: { int: [2, 12] }, p: { int: [2, 10] } });
    expect(spec.constraints).toEqual(expect.arrayContaining(['divides(k, n)', 'floor(n / k) > 1', 'isInteger(n / k)']));
    const p1 = byId('gsm-symbolic/p1/0013').translation.spec;
    expect(p1.variables).toMatchObject({ a: { pool: 'names' }, b: { pool: 'names' }, per: { int: [5, 12] }, mult: { pool: 'gsm-symbolic/multi-times' } });
    const p2 = byId('gsm-symbolic/p2/0002').translation.spec;
    expect(p2.variables).toMatchObject({ item: { words: ['pen', 'ruler', 'stapler'] }, frac: { values: ['1/2', '1/4'] } });
  });
  it('absorbs the restated calculation into our step form and splits a line with two annotations', () => {
    expect(byId('gsm-symbolic/symbolic/0001').translation.spec.solution).toEqual([
      { text: '{name} fills {=} boxes.', expr: 'n / k' },
      { text: 'Each box brings ${p}, so she makes {=}.', expr: 'rf_1 * p' },
    ]);
    const p2 = byId('gsm-symbolic/p2/0002').translation;
    expect(p2.spec.solution.map((l) => l.text)).toEqual(['The notebooks cost {=} dollars.', 'The {item} costs {=}', 'dollars. In all he spends {=} dollars.']);
    expect(p2.notes).toContain('answer_annotated line 2: 2 annotations on one line became 2 lines');
  });
  it('reads the format drift of the release and says so', () => {
    const notes = byId('gsm-symbolic/p1/0013').translation.notes;
    expect(notes).toContain('format drift: line 14: "#answer =" read as "#answer:"');
    expect(notes).toContain('answer_annotated line 1: <<{rows}*{per}>> has no "=result"; the computed value is shown');
    expect(notes).toContain('#conditions line 12 ("a != b"): dropped; draws from one list are always distinct');
  });
  it('reproduces each original problem from its defaults', () => {
    for (const t of loaded.templates) {
      const check = checkDefaults(t);
      expect(check, t.id).toMatchObject({ reproduced: true, questionReproduced: true, failedConditions: [], problem: null });
    }
    expect(checkDefaults(byId('gsm-symbolic/p2/0002')).answer).toBe('6.25');
  });
  it('generates records that pass the schema and the record checker, keeping the source names in bindings', () => {
    for (const t of loaded.templates) {
      for (const variant of ['base', 'names', 'numbers'] as const) {
        const record = generateOne(t.template, 11, 'test', 1, variant);
        expect(recordSchemaProblem(record)).toBeNull();
        expect(checkRecord(record, t.template), `${record.id}\n${record.solution}`).toEqual([]);
      }
    }
    const record = generateOne(byId('gsm-symbolic/p1/0013').template, 11, 'test', 0, 'base');
    expect(Object.keys(record.bindings)).toEqual(expect.arrayContaining(['a', 'b', 'rows', 'per', 'mult']));
    expect(typeof record.bindings['rows']).toBe('number');
    expect(record.question).toMatch(/^\S+ and \S+ share a garden\. /);
    const p2 = generateOne(byId('gsm-symbolic/p2/0002').template, 11, 'test', 0, 'base');
    expect(p2.question).toMatch(/costs 1\/[24] as much/);
  });
});

describe('reasonforge generate and lint --from-gsm-symbolic (built binary)', () => {
  it('generates the translatable templates deterministically and reports the others', () => {
    const dir = tempDir('gsm-generate');
    const args = ['generate', '--from-gsm-symbolic', RELEASE, '--seed', '4', '--sets', '3', '--variants', 'base,names,numbers'];
    const first = runCli([...args, '--out', join(dir, 'a.jsonl')]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('gsm-symbolic/symbolic/0004 not translated: #init line 5');
    expect(first.stderr).toContain('3 of 5 GSM-Symbolic templates generate');
    expect(runCli([...args, '--out', join(dir, 'b.jsonl')]).status).toBe(0);
    const a = readFileSync(join(dir, 'a.jsonl'), 'utf8');
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(a);
    const records = a.trim().split('\n').map((l) => JSON.parse(l) as ProblemRecord);
    expect(records).toHaveLength(3 * 3 * 3);
    expect(records[0]!.id).toBe('gsm-symbolic/p1/0013:test:4:0:base');
    const manifest = JSON.parse(readFileSync(join(dir, 'a.jsonl.manifest.json'), 'utf8')) as { config: { generators: string } };
    expect(manifest.config.generators).toBe(`gsm-symbolic:${RELEASE}`);
  });
  it('leaves out a template that cannot be sampled enough and generates the rest', () => {
    const dir = tempDir('gsm-narrow');
    const text = readFileSync(join(RELEASE, 'symbolic/0001.json'), 'utf8').replace('range(12, 121, 6)', 'range(12, 13)').replace('range(2, 13)', 'range(6, 7)').replace('range(2, 11)', 'range(2, 4)');
    writeFileSync(join(dir, '0001.json'), text);
    writeFileSync(join(dir, '0002.json'), readFileSync(join(RELEASE, 'p1/0013.json'), 'utf8'));
    const result = runCli(['generate', '--from-gsm-symbolic', dir, '--seed', '1', '--sets', '5', '--variants', 'base']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/0001 left out: .*distinct test base instances/);
    expect(result.stdout.trim().split('\n')).toHaveLength(5);
  });
  it('lint prints the outcome per template and whether the defaults reproduce the answer', () => {
    const result = runCli(['lint', '--from-gsm-symbolic', RELEASE, '--samples', '10']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL  gsm-symbolic/symbolic/0004  not translated: sample_sequential(...)');
    expect(result.stdout).toMatch(/ok {4}gsm-symbolic\/symbolic\/0001 .*\n {8}defaults: reproduce the original answer 20/);
    expect(result.stdout).toContain('5 GSM-Symbolic templates: 2 not translated, 3 lint clean, 3 reproduce their original answer');
  });
});
