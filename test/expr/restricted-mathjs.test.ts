import { describe, expect, it } from 'vitest';
import { parseMath } from '../../src/expr/restricted-mathjs.js';

describe('parseMath', () => {
  it('parses a source text once: the same text gives the same tree', () => {
    const first = parseMath('a * (b + 2)');
    expect(parseMath('a * (b + 2)')).toBe(first);
    expect(first.toString()).toBe('a * (b + 2)');
  });

  it('gives different texts their own trees, even when they mean the same', () => {
    expect(parseMath('a+1')).not.toBe(parseMath('a + 1'));
  });

  it('reports a syntax error every time, remembering nothing for it', () => {
    expect(() => parseMath('a * (b')).toThrow(/Parenthesis/);
    expect(() => parseMath('a * (b')).toThrow(/Parenthesis/);
  });
});
