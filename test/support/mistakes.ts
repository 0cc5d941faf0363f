import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './cli.js';
import { runMain } from './main.js';

/** A small generated dataset (two bakery templates, base and noop, two sets) in a fresh folder, for the tests of careless use. */
export async function mistakesWorkspace(
  name: string,
): Promise<{ dir: string; dataset: string; records: { id: string; answer: string; variant: { kind: string } }[] }> {
  const dir = tempDir(name);
  const dataset = join(dir, 'd.jsonl');
  const made = await runMain(['generate', '--seed', '1', '--sets', '2', '--variants', 'base,noop', '--templates', 'bakery-*', '--out', dataset]);
  expect(made.status, made.stderr).toBe(0);
  const records = readFileSync(dataset, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; answer: string; variant: { kind: string } });
  return { dir, dataset, records };
}

export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  return file;
}

/** One line on stderr, no stack trace. */
export function oneLine(stderr: string): string {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return stderr.trimEnd();
}
