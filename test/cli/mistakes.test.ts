import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';
import { runMain } from '../support/main.js';
import { mistakesWorkspace, oneLine, writeLines } from '../support/mistakes.js';

/**
 * What careless users do on the command line: each mistake gets one line on
 * stderr that names what was wrong, the exit code the README's table gives,
 * and no file left behind. The CLI runs in this process (see runMain); an
 * escaped exception, which the binary would print as a stack trace with exit
 * 70, fails the test. Data mistakes (validate, audit, verify, score, export)
 * are in data-mistakes.test.ts.
 */
let dir = '';
let dataset = '';
let records: { id: string; answer: string; variant: { kind: string } }[] = [];

beforeAll(async () => {
  ({ dir, dataset, records } = await mistakesWorkspace('mistakes'));
});

const write = (name: string, lines: readonly string[]) => writeLines(dir, name, lines);

describe('help and names', () => {
  it('"reasonforge help generate" shows generate\'s help', async () => {
    const result = await runMain(['help', 'generate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: reasonforge generate --seed S/);
    expect(result.stdout).toContain('9007199254740991');
  });

  it('an unknown command or help topic exits 2 and suggests the nearest command', async () => {
    for (const args of [['generat'], ['help', 'valdiate']]) {
      const result = await runMain(args);
      expect(result.status).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/unknown command "(generat|valdiate)"; did you mean "(generate|validate)"\?/);
    }
  });

  it('an unknown name (variant, template, format) exits 2 like every usage error, with a suggestion', async () => {
    const variant = await runMain(['generate', '--seed', '1', '--variants', 'bsae']);
    expect(variant.status).toBe(2);
    expect(oneLine(variant.stderr)).toContain('unknown variant "bsae"; did you mean "base"?');
    const format = await runMain(['export', '--format', 'lmeval', '--dataset', dataset, '--out', join(dir, 'never')]);
    expect(format.status).toBe(2);
    expect(oneLine(format.stderr)).toContain('unknown format "lmeval"; did you mean "lm-eval"?');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('the option parser, through real commands', () => {
  it.each([
    [['generate', '--seed', '1', '--seed', '2'], 'generate: --seed is given twice ("1" and "2"); it takes one value'],
    [
      ['score', '--dataset', 'a.jsonl', '--dataset', 'b.jsonl', '--predictions', 'p', '--out', 'm'],
      'score: --dataset is given twice ("a.jsonl" and "b.jsonl"); it takes one value',
    ],
    [['generate', '--seed', '1', '--sets', '-1'], 'generate: --sets must be a whole number 1 or more (at most 9007199254740991), got "-1"'],
    [['generate', '--seed', '-1'], 'generate: --seed must be a whole number 0 or more (at most 9007199254740991), got "-1"'],
    [
      ['score', '--dataset', 'd', '--predictions', 'p', '--out', 'm', '--bootstrap', '-5'],
      'score: --bootstrap must be a whole number 0 or more (at most 9007199254740991), got "-5"',
    ],
    [
      ['score', '--dataset', 'd', '--predictions', 'p', '--out', 'm', '--k', '1,,2'],
      'score: --k has an empty element in "1,,2"; write the values separated by single commas',
    ],
    [['generate', '--seed', '1', '--variants', 'base,'], 'generate: --variants has an empty element in "base,"; write the values separated by single commas'],
    [['verify', '--expceted', '5', 'x'], 'verify: unknown option --expceted; did you mean --expected? (reasonforge help verify lists them)'],
  ])('%j', async (args, message) => {
    const result = await runMain(args);
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toBe(`reasonforge ${message}`);
  });
});

describe('paths', () => {
  it('generate --out "" is a usage error and writes nothing in the current folder', () => {
    const cwd = tempDir('empty-out');
    const result = cli(['generate', '--seed', '1', '--out', ''], { cwd });
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toBe('reasonforge generate: --out: the file name is empty');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('generate --out DIR --force names the folder and leaves no temporary file', async () => {
    const target = join(tempDir('out-dir'), 'folder');
    mkdirSync(target);
    const result = await runMain(['generate', '--seed', '1', '--templates', 'bakery-*', '--out', target, '--force']);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(`reasonforge generate: ${target}: is a folder; give a file name (inside it, if you like)`);
    expect(readdirSync(join(target, '..'))).toEqual(['folder']);
  });

  it('"-" is standard output for generate --out: no file named "-", no manifest', async () => {
    const result = await runMain(['generate', '--seed', '1', '--templates', 'bakery-*', '--variants', 'base', '--out', '-']);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).variant.kind),
    ).toContain('base');
    expect(existsSync('-')).toBe(false);
  });

  it.each([
    ['validate DIR', () => ['validate', dir], `${dir}: is a folder; give a file`],
    ['audit DIR', () => ['audit', dir], `${dir}: is a folder; give a file`],
    ['report DIR', () => ['report', dir, '--md', join(dir, 'r.md')], `${dir}: is a folder; give a file`],
    ['export --out FILE', () => ['export', '--format', 'hf', '--dataset', dataset, '--out', dataset], `${dataset}: is a file; give a folder name`],
    ['generate --generators /nonexistent', () => ['generate', '--seed', '1', '--generators', '/nonexistent'], '/nonexistent: no such folder'],
    ['list --generators EMPTY_DIR', () => ['list', '--generators', tempDir('empty-generators')], 'has no pools/ folder'],
    [
      'score --predictions missing',
      () => ['score', '--dataset', dataset, '--predictions', join(dir, 'nope.jsonl'), '--out', join(dir, 'm0.json')],
      `${join(dir, 'nope.jsonl')}: no such file`,
    ],
  ])('%s: one clear line, exit 1', async (_, args, message) => {
    const result = await runMain(args());
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain(message);
  });

  it('a byte-order mark at the start of a JSONL file is read past; control characters in errors are escaped', async () => {
    const withBom = join(dir, 'bom.jsonl');
    writeFileSync(withBom, `\ufeff${readFileSync(dataset, 'utf8')}`);
    const validated = await runMain(['validate', withBom]);
    expect(validated.stderr).toContain('no defects');
    const nasty = write('nasty.jsonl', ['{"output": "x", "expected": "1"', '\u001b[2J{"output": "x"}']);
    const verified = await runMain(['verify', '--jsonl', nasty]);
    expect(verified.stderr).toContain('\\u001b[2J');
    expect(verified.stderr).not.toContain('\u001b');
  });
});

describe('siblings found by trying more mistakes', () => {
  it('show refuses a seed past 2^53 - 1 instead of regenerating a neighbouring item', async () => {
    const result = await runMain(['show', 'bakery-trays-left:test:99999999999999999999:0:base']);
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toContain('is not an item id');
  });

  it('export refuses a --name that is a path or empty, and an empty --license', async () => {
    for (const name of ['../x', 'a/b', '']) {
      const result = await runMain(['export', '--format', 'lm-eval', '--dataset', dataset, '--out', join(dir, 'named'), '--name', name]);
      expect(result.status).toBe(2);
      expect(oneLine(result.stderr)).toContain('--name must be 1 to 100 letters');
    }
    const license = await runMain(['export', '--format', 'hf', '--dataset', dataset, '--out', join(dir, 'named'), '--license', '']);
    expect(license.status).toBe(2);
    expect(existsSync(join(dir, 'named'))).toBe(false);
  });

  it('refuses to rename over a pipe or device (as --out /dev/null would replace /dev/null)', async () => {
    // A FIFO of our own stands for /dev/null: a regression must not replace a device of the machine.
    const fifo = join(tempDir('fifo'), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await runMain(['generate', '--seed', '1', '--templates', 'bakery-*', '--out', fifo, '--force']);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain(`${fifo}: is not a regular file`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('"-" is standard input for every file read', () => {
  it('report - reads metrics.json from standard input; score refuses "-" twice', async () => {
    const metrics = join(dir, 'from-stdin.json');
    const scored = await runMain([
      'score',
      '--dataset',
      dataset,
      '--predictions',
      write(
        'stdin-p.jsonl',
        records.map((r) => JSON.stringify({ id: r.id, output: `#### ${r.answer}` })),
      ),
      '--out',
      metrics,
      '--bootstrap',
      '10',
      '--quiet',
    ]);
    expect(scored.status, scored.stderr).toBe(0);
    const md = join(dir, 'from-stdin.md');
    const reported = await runMain(['report', '-', '--md', md], { stdin: readFileSync(metrics, 'utf8') });
    expect(reported.status, reported.stderr).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('## reasonforge results');
    const twice = await runMain(['score', '--dataset', '-', '--predictions', '-', '--out', join(dir, 'never.json')]);
    expect(twice.status).toBe(2);
    expect(oneLine(twice.stderr)).toContain('standard input can be read once');
  });
});
