import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file. */
export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Runs the built binary (`npm test` builds first), as a user would. */
export function runCli(args: readonly string[], options: { input?: string; cwd?: string } = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/reasonforge.js'), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    ...(options.input !== undefined && { input: options.input }),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `rf-${prefix}-`));
}

/** ../shared/data, or RF_SHARED_DATA: real data that CI has and a bare checkout may not. */
export const SHARED_DATA = process.env['RF_SHARED_DATA'] ?? resolve(ROOT, '../shared/data');
export const GSM8K_TEST = join(SHARED_DATA, 'gsm8k/test.jsonl');
export const HAVE_GSM8K = existsSync(GSM8K_TEST);

/** A test title that says why it is skipped when the real data is absent. */
export function needsGsm8k(title: string): string {
  return HAVE_GSM8K ? title : `${title} (skipped: ${GSM8K_TEST} not found; set RF_SHARED_DATA)`;
}
