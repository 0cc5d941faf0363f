import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as Schemas from '../src/schemas.js';
import type * as RestrictedMathjs from '../src/expr/restricted-mathjs.js';
import { GenerationPlan, generateRecords, loadLibrary } from '../src/index.js';
import { buildVerdicts, PRECOMPILED_DIR, precompiledValidator, schemaSha256, SCHEMAS_DIR, schemaValidator, validAtBuild } from '../src/schemas.js';
import { REPO, tempDir } from './support/cli.js';

/** The built modules (npm test builds first): precompiled validators and the mathjs bundle live only in dist/. */
const built = (path: string) => import(new URL(`dist/${path}`, `file://${REPO}`).href);
const require = createRequire(import.meta.url);
const schemaNames = readdirSync(SCHEMAS_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .map((f) => f.slice(0, -'.schema.json'.length));

describe('precompiled schema validators', () => {
  it('exist in dist/ for every schema, made from its current text, and the built schemaValidator uses them', async () => {
    const dist = (await built('schemas.js')) as typeof Schemas;
    expect(schemaNames.sort()).toEqual(['manifest', 'metrics', 'problem', 'template']);
    for (const name of schemaNames) {
      const file = new URL(`${name}.cjs`, dist.PRECOMPILED_DIR).pathname;
      const module = require(file) as { default: unknown; schemaSha256: string };
      expect(module.schemaSha256).toBe(schemaSha256(readFileSync(new URL(`${name}.schema.json`, SCHEMAS_DIR), 'utf8')));
      expect(dist.schemaValidator(name)).toBe(module.default);
    }
  });

  it('are used only when made from the very schema text being checked against', () => {
    const dir = tempDir('validators');
    const file = join(dir, 'x.cjs');
    writeFileSync(
      file,
      `module.exports.default = function validate() { return true; };\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaSha256('{"type":"object"}'))};\n`,
    );
    expect(precompiledValidator(file, '{"type":"object"}')).toBeTypeOf('function');
    expect(precompiledValidator(file, '{"type":"string"}')).toBeUndefined();
    expect(precompiledValidator(join(dir, 'missing.cjs'), '{"type":"object"}')).toBeUndefined();
  });

  it("come with the build's verdict on every built-in template, so that loading them checks none again", async () => {
    const dist = (await built('schemas.js')) as typeof Schemas;
    const generators = new URL('generators/', dist.PACKAGE_ROOT);
    const texts = readdirSync(generators)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(new URL(f, generators), 'utf8'));
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(dist.validAtBuild('template', text)).toBe(true);
    expect(dist.validAtBuild('template', `${texts[0]!} `)).toBe(false);
    expect(dist.validAtBuild('template', '{"id": 1}')).toBe(false);
    // From src/ there are no build verdicts: every template is checked.
    expect(validAtBuild('template', texts[0]!)).toBe(false);
  });

  it('trust build verdicts only when made from the very schema text being checked against', () => {
    const dir = tempDir('verdicts');
    const file = join(dir, 'x.valid.json');
    writeFileSync(file, JSON.stringify({ schemaSha256: schemaSha256('{"type":"object"}'), valid: [schemaSha256('{}')] }));
    expect([...buildVerdicts(file, '{"type":"object"}')]).toEqual([schemaSha256('{}')]);
    expect(buildVerdicts(file, '{"type":"string"}').size).toBe(0);
    expect(buildVerdicts(join(dir, 'missing.valid.json'), '{"type":"object"}').size).toBe(0);
  });

  it('give the verdicts and errors of the validator compiled at run time', async () => {
    expect(PRECOMPILED_DIR.pathname).toContain('/src/');
    const dist = (await built('schemas.js')) as typeof Schemas;
    const plan = new GenerationPlan({ seed: 5, sets: 1, split: 'test', variants: ['base', 'p1'], templates: loadLibrary().templates.slice(0, 8) });
    const records = [...generateRecords(plan)] as unknown as Record<string, unknown>[];
    const broken = records.flatMap((r) => [
      { ...r, answer: 42 },
      { ...r, extra: true },
      { ...r, steps: 'none' },
      Object.fromEntries(Object.entries(r).filter(([key]) => key !== 'question')),
    ]);
    for (const record of [...records, ...broken]) {
      const runtime = schemaValidator('problem');
      const precompiled = dist.schemaValidator('problem');
      expect(precompiled(record)).toBe(runtime(record));
      expect(precompiled.errors ?? null).toEqual(runtime.errors ?? null);
    }
  });
});

describe('the bundled mathjs parser', () => {
  it('is one self-contained file that parses as mathjs does', async () => {
    const text = readFileSync(`${REPO}dist/expr/mathjs-parser.js`, 'utf8');
    expect(text).not.toMatch(/from\s*["']mathjs/);
    expect(text).not.toMatch(/import\(["']mathjs/);
    const bundled = (await built('expr/restricted-mathjs.js')) as typeof RestrictedMathjs;
    const source = (await import('../src/expr/restricted-mathjs.js')) as typeof RestrictedMathjs;
    for (const expr of ['a * (b + 3) / 2', 'floor(x / 7) % 3', 'a > b and b != 0', 'round(12.345, 2)']) {
      expect(JSON.stringify(bundled.parseMath(expr))).toBe(JSON.stringify(source.parseMath(expr)));
    }
  });
});
