import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILURE, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../src/cli/command.js';
import { SIGNAL_EXIT_CODES } from '../src/io/interrupt.js';
import { REPO } from './support/cli.js';

/** The README as a user reads it: sections in the order of use, the exit codes the CLI has, runnable commands. */
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const sections = README.split('\n')
  .filter((line) => line.startsWith('## '))
  .map((line) => line.slice(3));

describe('the README', () => {
  it('has its sections in the order a user meets them, and one Speed section', () => {
    const order = [
      'Install',
      'Generating',
      'Checking',
      'Exporting',
      'Running models',
      'Verifying',
      'Scoring',
      'Comparing',
      'Data in',
      'Templates',
      'Exit codes',
      'Speed',
      'Development',
    ];
    const positions = order.map((name) => sections.findIndex((section) => section.startsWith(name)));
    expect(positions, sections.join(' | ')).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(sections.filter((section) => section.startsWith('Speed'))).toHaveLength(1);
  });

  it('lists in its exit-code table exactly the codes the commands use', () => {
    const table = README.slice(README.indexOf('## Exit codes'), README.indexOf('\n## ', README.indexOf('## Exit codes') + 1));
    const listed = new Set(
      table
        .split('\n')
        .filter((line) => /^\| \d/.test(line))
        .flatMap((line) => line.split('|')[1]!.match(/\d+/g) ?? [])
        .map(Number),
    );
    const defined = new Set([EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERNAL, ...Object.values(SIGNAL_EXIT_CODES)]);
    expect([...listed].sort((a, b) => a - b)).toEqual([...defined].sort((a, b) => a - b));
  });

  it('runs the tool as npx reasonforge in every shell block, never as a bare command a clone does not have', () => {
    const shellLines = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) => match[1]!.split('\n'));
    expect(shellLines.filter((line) => /(^|[;&|]\s*)reasonforge\s/.test(line.trim()))).toEqual([]);
  });
});
