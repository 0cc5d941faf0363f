import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { supportedVariants } from '../../src/engine/variants.js';
import * as N from '../../src/exact/num.js';
import { checkDefaults } from '../../src/gsm-symbolic/defaults.js';
import { releaseDefects } from '../../src/gsm-symbolic/defects.js';
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
    expect(loaded.templates.map((t) => t.id).sort()).toEqual([
      'gsm-symbolic/p1/0013',
      'gsm-symbolic/p1/0020',
      'gsm-symbolic/p1/0021',
      'gsm-symbolic/p2/0002',
      'gsm-symbolic/p2/0007',
      'gsm-symbolic/symbolic/0001',
      'gsm-symbolic/symbolic/0004',
      'gsm-symbolic/symbolic/0009',
      'gsm-symbolic/symbolic/0026',
    ]);
    expect(importedId('/r/templates/p1', '/r/templates/p1/0013.json')).toBe('gsm-symbolic/p1/0013');
    expect(importedId('/r/templates', '/r/templates/p1/0013.json')).toBe('gsm-symbolic/p1/0013');
  });
  it('reports each template it cannot translate with the construct that stopped it', () => {
    expect(loaded.failures.map((f) => [f.id, f.construct])).toEqual([['gsm-symbolic/symbolic/0005', 'the named list "planets"']]);
    expect(loaded.failures[0]!.message).toMatch(/^#init line 3 \("planet = sample\(planets\)"\): the named list "planets" has no reasonforge equivalent/);
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
    // The words after a result up to the end of its sentence stay on its line.
    expect(p2.spec.solution.map((l) => l.text)).toEqual(['The notebooks cost {=} dollars.', 'The {item} costs {=} dollars.', 'In all he spends {=} dollars.']);
    expect(p2.notes).toContain('answer_annotated line 2: 2 annotations on one line became 2 lines');
  });
  it('reads joined lists, (word, number) tuples, numbers_within in words, decimal ranges, one-word lists and a name assigned twice', () => {
    const t = byId('gsm-symbolic/p1/0020').translation;
    expect(t.spec.variables).toMatchObject({ k: { int: [2, 5] }, w: { decimal: ['1.5', '4'], step: '0.5' } });
    expect(t.spec.premises[0]).toBe('{name} owns {k|words} {die} dice and buys {mult} as many day packs of {w} kg flour.');
    const pools = new Map(t.pools.map((p) => [p.id, p]));
    const entries = (name: string) =>
      pools.get((t.spec.variables[name] as { pool: string }).pool)!.entries.map((e) => [e.name, N.canonical(e.numbers['value']!)]);
    // multiple_ice + multi_times: one list, each word with its number; the tuples list once, repeats dropped.
    expect(entries('mult')).toEqual([
      ['double', '2'],
      ['triple', '3'],
      ['quadruple', '4'],
      ['twice', '2'],
      ['three times', '3'],
      ['four times', '4'],
      ['five times', '5'],
      ['six times', '6'],
    ]);
    expect(entries('die')).toEqual([
      ['6-sided', '6'],
      ['8-sided', '8'],
      ['d12', '12'],
    ]);
    expect(t.notes).toEqual(
      expect.arrayContaining([
        'format drift: line 16: "#answer: {...}" read without its braces',
        '#init line 9 ("$w = np.arange(1.5, 4.01, 0.5)"): w is assigned twice; the second assignment wins, as in Python',
        '#init line 10 ("unit = sample(["day"])"): a list of one word; the text shows "day"',
      ]),
    );
  });

  it('reads three days in a row from sample_sequential, each name showing its own day', () => {
    const t = byId('gsm-symbolic/symbolic/0004');
    expect(t.translation.spec.premises[0]).toBe('{name} reads {p1} pages on {d1_d2.at1} and {p2} pages on {d1_d2.at2}.');
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (let set = 0; set < 7; set++) {
      const [first, second] = /on (\w+) and .* on (\w+)\./.exec(generateOne(t.template, 2, 'test', set, 'base').question)!.slice(1);
      expect((days.indexOf(first!) + 1) % 7).toBe(days.indexOf(second!));
    }
  });

  it('computes a drawn number fixed by an equality condition instead of drawing and checking it', () => {
    const t = byId('gsm-symbolic/p2/0007').translation;
    expect(t.spec.variables).not.toHaveProperty('ans');
    expect(t.spec.derived).toEqual({ ans: 'total - a - b' });
    expect(t.spec.constraints).toEqual(['isInteger(ans) and 3 <= ans and ans <= 39']);
  });

  it('makes steps of calculations the release writes in prose, and drops annotations that compute nothing', () => {
    // The release's solution has no <<...>> at all; its prose sum becomes the step.
    expect(byId('gsm-symbolic/p2/0007').translation.spec.solution).toEqual([{ text: 'The comics are {=}.', expr: 'total - a - b' }]);
    const dice = byId('gsm-symbolic/p1/0020').translation;
    expect(dice.spec.solution.map((l) => l.text)).toEqual([
      '{name} has {k|words} dice.\nHe buys {=} packs.',
      'The flour weighs {=} kg,',
      'so per die it is {=} kg.',
    ]);
    expect(dice.notes).toEqual(
      expect.arrayContaining([
        'answer_annotated line 1: 1 annotation(s) that compute nothing (<<{x}={x}>>) are shown as their value',
        'answer_annotated line 3: 2 calculation(s) written in prose became annotated steps',
      ]),
    );
    // Prose with units between the numbers stays prose: the answer is then stated after the last step.
    const apples = byId('gsm-symbolic/p1/0021').translation;
    expect(apples.spec.solution).toHaveLength(1);
    expect(apples.relaxations).toEqual(['the answer is not the last annotated step (the solution states it after that step, as some GSM8K solutions do)']);
  });

  it('reads a word compared with a word of its list by its position, and percent calculations in prose as numbers', () => {
    const t = byId('gsm-symbolic/symbolic/0026');
    expect(t.translation.spec.derived).toMatchObject({ rf_1: 'period.index == 0 ? 7 : 30' });
    const pool = t.translation.pools.find((p) => p.id === (t.translation.spec.variables['period'] as { pool: string }).pool)!;
    expect(pool.entries.map((e) => [e.name, e.numbers['index']])).toEqual([
      ['week', 0],
      ['month', 1],
    ]);
    expect(t.translation.spec.solution[1]).toEqual({ text: 'The share that is neither is {=}%.', expr: '100 - fast - 25' });
    for (let set = 0; set < 6; set++) {
      const record = generateOne(t.template, 5, 'test', set, 'base');
      const [n, period] = /swims (\d+) laps a day for a (week|month)/.exec(record.question)!.slice(1);
      expect(record.answer).toBe(String(Number(n) * (period === 'week' ? 7 : 30)));
    }
  });

  it('relaxes the library rules a template breaks as released, and says which', () => {
    expect(byId('gsm-symbolic/p1/0021').template.imported).toEqual({ relaxations: ['"spare" is sampled but the premises and question never state it'] });
    expect(byId('gsm-symbolic/symbolic/0001').template.imported).toEqual({ relaxations: [] });
  });

  it('measures where the release contradicts itself', () => {
    const [defect, ...rest] = releaseDefects(byId('gsm-symbolic/symbolic/0009'));
    expect(rest).toEqual([]);
    expect(defect!.says).toBe('answer_annotated line 1: <<{n}/{k}={n//k}>> does not compute its result');
    // Draws meeting the release's own condition where n/k is not whole: most of them.
    expect(defect!.failing / defect!.of).toBeGreaterThan(0.5);
    expect(defect!.failing).toBeLessThan(defect!.of);
    expect(releaseDefects(byId('gsm-symbolic/p1/0013'))).toEqual([]);
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
      for (const variant of supportedVariants(t.template).filter((v) => v === 'base' || v === 'names' || v === 'numbers')) {
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

describe('reasonforge generate, show, validate and lint --from-gsm-symbolic (built binary)', () => {
  const dir = tempDir('gsm-generate');
  const args = ['generate', '--from-gsm-symbolic', RELEASE, '--seed', '4', '--sets', '3', '--variants', 'base,names,numbers'];
  const first = runCli([...args, '--out', join(dir, 'a.jsonl')]);

  it('generates the translatable templates deterministically and reports the others', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('gsm-symbolic/symbolic/0005 not translated: #init line 3');
    expect(first.stderr).toContain('9 of 10 GSM-Symbolic templates generate');
    expect(runCli([...args, '--out', join(dir, 'b.jsonl')]).status).toBe(0);
    const a = readFileSync(join(dir, 'a.jsonl'), 'utf8');
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(a);
    const records = a
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProblemRecord);
    const perSet = loaded.templates.reduce((sum, t) => sum + (t.template.cosmetic.some((c) => c.inBaseText) ? 3 : 2), 0);
    expect(records).toHaveLength(3 * perSet);
    expect(records[0]!.id).toBe('gsm-symbolic/p1/0013:test:4:0:base');
    const manifest = JSON.parse(readFileSync(join(dir, 'a.jsonl.manifest.json'), 'utf8')) as { config: { generators: string } };
    expect(manifest.config.generators).toBe(`gsm-symbolic:${RELEASE}`);
  });

  it('writes output that validate passes with the same templates', () => {
    const checked = runCli(['validate', join(dir, 'a.jsonl'), '--from-gsm-symbolic', RELEASE]);
    expect(checked.status, checked.stdout).toBe(0);
  });

  it('show regenerates an imported item from its id, and says what it needs without the release', () => {
    const record = readFileSync(join(dir, 'a.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"gsm-symbolic/p1/0013:test:4:2:numbers"'))!;
    const shown = runCli(['show', 'gsm-symbolic/p1/0013:test:4:2:numbers', '--from-gsm-symbolic', RELEASE, '--json']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(record));
    const bare = runCli(['show', 'gsm-symbolic/p1/0013:test:4:2:numbers']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("gsm-symbolic/p1/0013 is made from GSM-Symbolic's annotated templates; pass --from-gsm-symbolic DIR");
    const untranslated = runCli(['show', 'gsm-symbolic/symbolic/0005:test:4:0:base', '--from-gsm-symbolic', RELEASE]);
    expect(untranslated.status).toBe(1);
    expect(untranslated.stderr).toContain('gsm-symbolic/symbolic/0005 is not translated: #init line 3');
  });

  it('refuses to write nothing: variants no imported template makes are an error, and no file appears', () => {
    const out = join(dir, 'noop.jsonl');
    const result = runCli(['generate', '--from-gsm-symbolic', RELEASE, '--seed', '1', '--variants', 'noop,p1', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "none of GSM-Symbolic's templates (imported templates make base, names and numbers) can make the variants asked for (noop, p1); nothing was written",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("leaves out a template that cannot be sampled enough, or that repeats another template's questions, and generates the rest", () => {
    // Ids (and so the draws) follow the folder's name: a fixed one keeps them the same run to run.
    const narrow = join(tempDir('gsm-narrow'), 'narrow');
    mkdirSync(narrow);
    const text = readFileSync(join(RELEASE, 'symbolic/0001.json'), 'utf8')
      .replace('range(12, 121, 6)', 'range(12, 13)')
      .replace('range(2, 13)', 'range(6, 7)')
      .replace('range(2, 11)', 'range(2, 4)');
    writeFileSync(join(narrow, '0001.json'), text);
    writeFileSync(join(narrow, '0002.json'), readFileSync(join(RELEASE, 'p1/0013.json'), 'utf8'));
    // Two copies of one template with few numbers and no names: a copy draws other numbers but soon repeats a question of the first (with seed 1, in set 3).
    const pens = {
      question: 'A box holds 3 pens and 4 pencils. How many pieces are in the box?',
      answer: '3+4 = <<3+4=7>>7\n#### 7',
      question_annotated:
        'A box holds {x,3} pens and {y,4} pencils. How many pieces are in the box?\n\n#init:\n- $x = range(1, 7)\n- $y = range(1, 7)\n\n#answer: x + y',
      answer_annotated: '{x}+{y} = <<{x}+{y}={x+y}>>{x+y}\n#### {x+y}',
    };
    writeFileSync(join(narrow, '0003.json'), JSON.stringify(pens));
    writeFileSync(join(narrow, '0004.json'), JSON.stringify(pens));
    const result = runCli(['generate', '--from-gsm-symbolic', narrow, '--seed', '1', '--sets', '5', '--variants', 'base']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/0001 left out: .*distinct test base instances/);
    expect(result.stderr).toMatch(
      /0004 left out: gsm-symbolic\/[a-z0-9-]+\/0004:test:1:3:base repeats the question of gsm-symbolic\/[a-z0-9-]+\/0003:test:1:\d:base \(another template of the release makes the same questions\)/,
    );
    expect(result.stdout.trim().split('\n')).toHaveLength(10);
  });

  it('lint reports every template: what stopped it, the rules relaxed for it, where the release contradicts itself', () => {
    const result = runCli(['lint', '--from-gsm-symbolic', RELEASE, '--samples', '10']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL  gsm-symbolic/symbolic/0005  not translated: the named list "planets"');
    expect(result.stdout).toMatch(/ok {4}gsm-symbolic\/symbolic\/0001 .*\n {8}defaults: reproduce the original answer 20/);
    expect(result.stdout).toContain('relaxed for import: "spare" is sampled but the premises and question never state it');
    expect(result.stdout).toContain('relaxed for import: the answer is not the last annotated step');
    expect(result.stdout).toMatch(
      /release defect: answer_annotated line 1: <<\{n\}\/\{k\}=\{n\/\/k\}>> does not compute its result on \d+ of \d+ draws \(\d+\.\d%\); generation keeps only the draws where they agree/,
    );
    for (const t of loaded.templates) expect(result.stdout).toMatch(new RegExp(`^(ok  |FAIL)  ${t.id} `, 'm'));
    expect(result.stdout).toContain(
      '10 GSM-Symbolic templates: 1 not translated, 9 lint clean, 2 with library rules relaxed, 1 with release defects, 9 reproduce their original answer',
    );
  });
});
