import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

/**
 * `reasonforge verify`, tested by spawning the built binary (npm test builds
 * first). The command is a thin shell over verify(); these tests check the
 * shell: flags, input, output, exit codes.
 */
function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = cli(args, input === undefined ? {} : { input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reasonforge verify', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rf-verify-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the verdict of one output as JSON and exits 0 when it is correct', () => {
    const result = run(['verify', '--expected', '18', 'She makes $\\boxed{18}$ dollars.']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ correct: true, extracted: '18', strategy: 'boxed', reason: 'exact' });
  });

  it('exits 1 when the answer is wrong', () => {
    const result = run(['verify', '--expected', '18', 'The answer is 19.']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ correct: false, extracted: '19' });
  });

  it('reads the output from standard input when no TEXT is given', () => {
    const text = 'First 10 / 3 = 3.33 and 2 + 2 = 5.\n#### 0.33\n';
    const result = run(['verify', '--expected', '1/3', '--steps'], text);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ correct: true, reason: 'rounded', steps: { claims: 2, valid: false } });
    const start = text.indexOf('2 + 2');
    expect(printed.steps.wrong).toEqual([{ text: '2 + 2 = 5', expr: '2 + 2', claimed: '5', actual: '4', start, end: start + 9 }]);
  });

  it('passes --strict, --tolerance and --percent through', () => {
    expect(run(['verify', '--expected', '4', '--strict', 'She buys 4.']).stdout).toContain('"no-answer"');
    expect(run(['verify', '--expected', '1/3', '--tolerance', 'exact', '#### 0.33']).code).toBe(1);
    expect(run(['verify', '--expected', '100', '--tolerance', '0.01', '#### 101']).code).toBe(0);
    expect(run(['verify', '--expected', '0.25', '--percent', 'label', '#### 25%']).code).toBe(1);
  });

  it('passes --reference through: under rounded, the exact value matches a rounded reference', () => {
    expect(run(['verify', '--expected', '4.33', '#### 13/3']).code).toBe(1);
    const rounded = run(['verify', '--expected', '4.33', '--reference', 'rounded', '#### 13/3']);
    expect(rounded.code).toBe(0);
    expect(JSON.parse(rounded.stdout)).toMatchObject({ correct: true, reason: 'rounded-reference' });
    expect(run(['verify', '--expected', '4.33', '--reference', 'rounded', '#### 4.34']).code).toBe(1);
    const bad = run(['verify', '--expected', '4.33', '--reference', 'approximate', '#### 4.33']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('verify: --reference must be exact or rounded, got "approximate"');
  });

  it('verifies a JSONL file, reporting malformed lines by number and going on', () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(
      input,
      [
        '{"id": "a", "output": "#### 5", "expected": "5"}',
        'this is not json',
        '{"id": "b", "output": "The answer is 7.", "expected": "8", "model": "m1"}',
        '',
        '{"id": "c", "output": 12, "expected": "12"}',
        '{"id": "d", "output": "It cannot be determined.", "expected": "unanswerable"}',
        '{"output": "\\\\boxed{3}", "expected": 3}',
      ].join('\n'),
    );
    const result = run(['verify', '--jsonl', input, '--out', output]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${input}:2: not valid JSON`);
    expect(result.stderr).toContain(`${input}:5: "output" must be a string`);
    expect(result.stderr).toContain('4 lines verified, 3 correct (75.0%), 2 skipped');
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: 'a', output: '#### 5', expected: '5', correct: true, extracted: '5', strategy: 'gsm8k', reason: 'exact' },
      { id: 'b', output: 'The answer is 7.', expected: '8', model: 'm1', correct: false, extracted: '7', strategy: 'the-answer-is', reason: 'different-value' },
      {
        id: 'd',
        output: 'It cannot be determined.',
        expected: 'unanswerable',
        correct: true,
        extracted: 'unanswerable',
        strategy: 'unanswerable-phrase',
        reason: 'unanswerable',
      },
      { output: '\\boxed{3}', expected: 3, correct: true, extracted: '3', strategy: 'boxed', reason: 'exact' },
    ]);
  });

  it('writes to standard output without --out, reads standard input with -, and exits 0 when every line is well formed', () => {
    const result = run(['verify', '--jsonl', '-'], '{"output": "#### 2", "expected": "2"}\n');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ correct: true });
  });

  it('refuses to overwrite an output file without --force', () => {
    const input = join(dir, 'one.jsonl');
    const output = join(dir, 'exists.jsonl');
    writeFileSync(input, '{"output": "#### 1", "expected": "1"}\n');
    writeFileSync(output, 'keep me\n');
    const refused = run(['verify', '--jsonl', input, '--out', output]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(output, 'utf8')).toBe('keep me\n');
    expect(run(['verify', '--jsonl', input, '--out', output, '--force']).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('"correct":true');
  });

  it.each([
    [[], 'give --expected'],
    [['--expected', '1', '--jsonl', 'x'], 'cannot be used together'],
    [['--expected', '1', '--out', 'x', 'text'], '--out and --force go with --jsonl'],
    [['--expected', '1', 'a', 'b'], 'one argument'],
    [['--expected', '1', '--tolerance', 'loose', 'x'], '--tolerance must be'],
    [['--expected', '1', '--percent', 'both', 'x'], '--percent must be'],
    [['--expected', '1', '--bogus', 'x'], 'unknown option --bogus'],
  ])('exits 2 on bad usage %j', (args, message) => {
    const result = run(['verify', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 1 with the file name when the input does not exist', () => {
    const result = run(['verify', '--jsonl', join(dir, 'missing.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.jsonl: no such file');
  });
});
