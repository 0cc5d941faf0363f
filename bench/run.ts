/**
 * `npm run bench [-- NAME...]`: runs the benchmarks in bench/ one after another,
 * each in its own process with the flags it needs, so one's heap does not
 * colour the next one's figures. NAME is generate, verify, score or compare
 * (default: all four, in that order).
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- verify       only bench/verify.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Each benchmark with the node flags it needs (generate reads the live heap after a forced collection). */
export const BENCHES: Readonly<Record<string, readonly string[]>> = {
  generate: ['--expose-gc'],
  verify: [],
  score: [],
  compare: [],
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; benchmarks: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  const file = join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`bench/${name}.ts is missing`);
  process.stdout.write(`\n== bench/${name}.ts ==\n`);
  const result = spawnSync(process.execPath, [...BENCHES[name]!, '--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
