import { describe, expect, it } from 'vitest';
import { integerFlag, listFlag, parseCommandArgs, UsageError } from '../../src/cli/args.js';
import { editDistance, nearest } from '../../src/errors.js';

const OPTIONS = {
  seed: { type: 'string' },
  sets: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  predictions: { type: 'string', multiple: true },
} as const;

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandArgs', () => {
  it('reads --name value, --name=value, booleans, repeatable options and positionals after --', () => {
    const parsed = parseCommandArgs('t', ['--seed', '1', '--out=x.jsonl', '--force', '--predictions', 'a', '--predictions=b', 'pos', '--', '--seed'], OPTIONS);
    expect(parsed.values).toEqual({ seed: '1', out: 'x.jsonl', force: true, predictions: ['a', 'b'] });
    expect(parsed.positionals).toEqual(['pos', '--seed']);
  });

  it('refuses an option given twice unless it is repeatable, naming both values', () => {
    expect(usageMessage(() => parseCommandArgs('score', ['--seed', '1', '--seed', '2'], OPTIONS))).toBe(
      'score: --seed is given twice ("1" and "2"); it takes one value',
    );
    expect(usageMessage(() => parseCommandArgs('t', ['--force', '--force'], OPTIONS))).toBe('t: --force is given twice; it takes one value');
  });

  it('takes a value that starts with "-" as the value (so a negative number meets the number check)', () => {
    expect(parseCommandArgs('t', ['--sets', '-1', '--out', '-'], OPTIONS).values).toEqual({ sets: '-1', out: '-' });
    expect(usageMessage(() => integerFlag('generate', '-1', 'sets', 1, 1))).toBe(
      'generate: --sets must be a whole number 1 or more (at most 9007199254740991), got "-1"',
    );
  });

  it('says which value is missing, and when the next argument looks like a forgotten value', () => {
    expect(usageMessage(() => parseCommandArgs('t', ['--out'], OPTIONS))).toBe('t: --out needs a value');
    expect(usageMessage(() => parseCommandArgs('t', ['--out', '--force'], OPTIONS))).toBe(
      't: --out needs a value, but the next argument is the option --force (write --out=--force if that is the value)',
    );
    expect(usageMessage(() => parseCommandArgs('t', ['--force=yes'], OPTIONS))).toBe('t: --force takes no value (got "yes")');
  });

  it('suggests the nearest option for a misspelt one, and only a near one', () => {
    expect(usageMessage(() => parseCommandArgs('verify', ['--expceted', '5'], { expected: { type: 'string' } }))).toBe(
      'verify: unknown option --expceted; did you mean --expected? (reasonforge help verify lists them)',
    );
    expect(usageMessage(() => parseCommandArgs('t', ['--colour', 'red'], OPTIONS))).toBe('t: unknown option --colour (reasonforge help t lists them)');
    expect(usageMessage(() => parseCommandArgs('t', ['-x'], OPTIONS))).toContain('unknown option -x');
  });

  it('refuses positionals where a command takes none', () => {
    expect(usageMessage(() => parseCommandArgs('t', ['stray'], OPTIONS, false))).toBe(
      't: unexpected argument "stray"; this command takes only options (reasonforge help t lists them)',
    );
  });
});

describe('integerFlag and listFlag', () => {
  it('states the range, and refuses what is not a whole number in it', () => {
    expect(integerFlag('t', '9007199254740991', 'seed', 0)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ['9007199254740992', '1.5', '1e3', '', ' 1', '0x10']) {
      expect(usageMessage(() => integerFlag('t', bad, 'seed', 0))).toMatch(/--seed must be a whole number 0 or more \(at most 9007199254740991\)/);
    }
    expect(usageMessage(() => integerFlag('t', '6', 'k', 0, 1, 5))).toBe('t: --k must be a whole number from 1 to 5, got "6"');
  });

  it('refuses an empty element instead of dropping it', () => {
    expect(listFlag('score', '1, 2,4', 'k')).toEqual(['1', '2', '4']);
    for (const bad of ['1,,2', '1,2,', ',1', '']) expect(usageMessage(() => listFlag('score', bad, 'k'))).toMatch(/^score: --k has an empty element/);
  });
});

describe('nearest and editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('expceted', 'expected')).toBe(1);
    expect(editDistance('generat', 'generate')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only names close for their length', () => {
    expect(nearest('bsae', ['base', 'names', 'noop'])).toBe('base');
    expect(nearest('p3', ['p1', 'p2', 'noop'])).toBe('p1');
    expect(nearest('zzzzzz', ['base', 'names'])).toBeNull();
  });
});

describe('parseCommandArgs: node:util spellings carried over', () => {
  it('reads a declared one-letter alias and fills defaults; an alias given with its long form is still given twice', () => {
    const spec = { samples: { type: 'string', short: 'n', default: '10' }, json: { type: 'boolean', short: 'j' } } as const;
    expect(parseCommandArgs('t', ['-n', '5', '-j'], spec).values).toEqual({ samples: '5', json: true });
    expect(parseCommandArgs('t', [], spec).values).toEqual({ samples: '10' });
    expect(usageMessage(() => parseCommandArgs('t', ['-n', '5', '--samples', '6'], spec))).toBe(
      't: --samples is given twice ("5" and "6"); it takes one value',
    );
  });
});
