import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/template/load.js';
import { cli } from '../support/cli.js';
import { computeGolden, GOLDEN_COMMAND, sha256, type Golden } from './golden-data.js';

/**
 * A no-regression suite in the spirit of fast-check's: the bytes of a fixed
 * command are pinned, per template and whole. A template whose output changes
 * must say so by bumping its version; then `npm run golden:update` records it.
 */
const golden = JSON.parse(readFileSync(new URL('golden.json', import.meta.url), 'utf8')) as Golden;
const library = loadLibrary();
const current = computeGolden(library.templates);

describe('golden output', () => {
  it.each(library.templates.map((t) => [t.id, t] as const))('pins the output of %s at its version', (id, template) => {
    const pinned = golden.templates[id];
    expect(pinned, `${id} has no golden entry: read its output, then run npm run golden:update`).toBeDefined();
    if (pinned!.version !== template.version) {
      expect.fail(`${id} is at version ${template.version}, the golden holds version ${pinned!.version}: check its output, then run npm run golden:update`);
    }
    expect(
      current.templates[id]!.sha256,
      `${id} changed its output without a version bump: bump "version" in ${template.file}, then run npm run golden:update`,
    ).toBe(pinned!.sha256);
  });

  it('holds no template that no longer exists', () => {
    expect(Object.keys(golden.templates).sort()).toEqual(library.templates.map((t) => t.id).sort());
  });

  it(`pins the sha256 of \`reasonforge ${GOLDEN_COMMAND}\`, run as a user runs it`, () => {
    const result = cli(GOLDEN_COMMAND.split(' '));
    expect(result.status).toBe(0);
    expect(sha256(result.stdout)).toBe(current.sha256);
    expect(current.sha256, 'the whole output changed: if every template changed, the engine did; run npm run golden:update and say why in the commit').toBe(
      golden.sha256,
    );
  });
});
