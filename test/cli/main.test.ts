import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../support/cli.js';

/** Runs `args` (node's own, then the script's) with standard output on a full disk. */
function toFullDisk(args: readonly string[]): { status: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    closeSync(full);
  }
}

const NO_SPACE = 'reasonforge: standard output cannot be written: no space left on device (ENOSPC)\n';

describe.runIf(existsSync('/dev/full'))('processIO on a full disk', () => {
  it('says so in one line for a command that writes standard output without a StreamWriter', () => {
    expect(toFullDisk([BIN, 'list'])).toEqual({ status: 1, stderr: NO_SPACE });
  });

  it('still says so when some other part of the program listens for errors on standard output', () => {
    const main = pathToFileURL(`${REPO}dist/cli/main.js`).href;
    const script = `
      const { processIO } = await import(${JSON.stringify(main)});
      const io = processIO();
      process.stdout.on('error', () => {});
      io.stdout.write('text\\n');
    `;
    expect(toFullDisk(['--input-type=module', '--eval', script])).toEqual({ status: 1, stderr: NO_SPACE });
  });
});
