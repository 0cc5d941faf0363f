import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonforgeErrorOf } from '../support/errors.js';
import { DEFAULT_GENERATORS_DIR, loadLibrary, loadTemplateFile, loadTemplates, sortedById } from '../../src/template/load.js';
import { fixtureSpec, pools } from '../support/spec.js';

function tempGenerators(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rf-templates-'));
  cpSync(join(DEFAULT_GENERATORS_DIR, 'pools'), join(dir, 'pools'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loading template files', () => {
  it('loads a valid file', () => {
    const dir = tempGenerators({ 'good.json': JSON.stringify(fixtureSpec()) });
    expect(loadTemplateFile(join(dir, 'good.json'), pools).id).toBe('fixture-marbles');
  });

  it.each([
    [{ ...fixtureSpec(), id: 'Not Kebab' }, '/id', /must match pattern/],
    [{ ...fixtureSpec(), topic: 'astrology' }, '/topic', /must be one of: "shopping-money"/],
    [{ ...fixtureSpec(), colour: 'red' }, '/', /unknown property "colour"/],
    [{ ...fixtureSpec(), variables: { ...fixtureSpec().variables, bags: { int: [2, 9], stepp: 2 } } }, '/variables/bags', /unknown property "stepp"/],
    [{ ...fixtureSpec(), answer: { expr: 'total', type: 'real' } }, '/answer/type', /must be one of/],
    [{ ...fixtureSpec(), distractors: [fixtureSpec().distractors[0]] }, '/distractors', /must NOT have fewer than 2 items/],
    [{ ...fixtureSpec(), solution: [{ text: 'no calculation here', expr: 'bags * 2' }] }, '/solution/0/text', /must match pattern/],
    [
      {
        ...fixtureSpec(),
        premises: ['{kid} has {bags} bags with {per_bag} marbles in each bag.', { text: '{kid.Subj} loses {lost} of the marbles.', removable: true }],
      },
      '/premises/1/removable',
      /must be equal to constant/,
    ],
  ])('names the file and JSON pointer of a schema violation (%#)', (spec, pointer, message) => {
    const dir = tempGenerators({ 'bad.json': JSON.stringify(spec, null, 2) });
    const error = reasonforgeErrorOf(() => loadTemplateFile(join(dir, 'bad.json'), pools));
    expect(error.where).toEqual({ file: join(dir, 'bad.json'), pointer });
    expect(error.message).toMatch(message);
  });

  it('names the line of a JSON syntax error', () => {
    const dir = tempGenerators({ 'broken.json': '{\n  "id": "x",\n  "version": 1,,\n}\n' });
    const error = reasonforgeErrorOf(() => loadTemplateFile(join(dir, 'broken.json'), pools));
    expect(error.kind).toBe('json-invalid');
    expect(error.where.line).toBe(3);
    expect(error.message).toContain(`${join(dir, 'broken.json')}:3: column`);
  });

  it('reports every bad file when loading leniently, and refuses the library on the first', () => {
    const dir = tempGenerators({
      'a-good.json': JSON.stringify(fixtureSpec()),
      'b-bad.json': JSON.stringify({ ...fixtureSpec(), id: 'other', question: 'How many {nothing}?' }),
      'c-bad.json': '[]',
    });
    const { templates, failures } = loadTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['fixture-marbles']);
    expect(failures.map((f) => f.file)).toEqual([join(dir, 'b-bad.json'), join(dir, 'c-bad.json')]);
    expect(() => loadLibrary(dir)).toThrow(/unknown variable "nothing".*and 1 more bad template file/);
  });

  it('refuses two templates with one id', () => {
    const dir = tempGenerators({ 'one.json': JSON.stringify(fixtureSpec()), 'two.json': JSON.stringify(fixtureSpec()) });
    expect(() => loadLibrary(dir)).toThrow(`the id "fixture-marbles" is also used by ${join(dir, 'one.json')}`);
  });

  it('loads a share of the files: every count-th from the index-th, in file order, the shares together being the whole', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const dir = tempGenerators(
      Object.fromEntries(names.map((name, k) => [`${name}.json`, k === 3 ? '[]' : JSON.stringify(fixtureSpec({ id: `fixture-${name}` }))])),
    );
    const whole = loadTemplates(dir);
    const shares = [0, 1].map((index) => loadTemplates(dir, { index, count: 2 }));
    expect(shares[0]!.templates.map((t) => t.id)).toEqual(['fixture-a', 'fixture-c', 'fixture-e']);
    expect(shares[1]!.templates.map((t) => t.id)).toEqual(['fixture-b']);
    expect(shares[1]!.failures.map((f) => f.file)).toEqual([join(dir, 'd.json')]);
    expect(shares.flatMap((share) => share.templates.map((t) => t.file)).sort()).toEqual(whole.templates.map((t) => t.file));
    expect(loadTemplates(dir, { index: 1, count: 9 }).templates.map((t) => t.id)).toEqual(['fixture-b']);
  });

  it('sorts by id and names the first clash as a library does, whatever objects it is given', () => {
    const outlines = [
      { id: 'b', file: '/x/1.json' },
      { id: 'a', file: '/x/2.json' },
      { id: 'b', file: '/x/3.json' },
    ];
    expect(sortedById(outlines.slice(0, 2)).map((t) => t.file)).toEqual(['/x/2.json', '/x/1.json']);
    const error = reasonforgeErrorOf(() => sortedById(outlines));
    expect(error.message).toBe('/x/3.json#/id: the id "b" is also used by /x/1.json');
  });

  it('names the valid templates when asked for an unknown one', () => {
    const dir = tempGenerators({ 'one.json': JSON.stringify(fixtureSpec()) });
    expect(() => loadLibrary(dir).get('fixture-marble')).toThrow(
      'unknown template "fixture-marble"; did you mean "fixture-marbles"? valid templates: fixture-marbles',
    );
  });
});
