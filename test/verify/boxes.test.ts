import { describe, expect, it } from 'vitest';
import { finalBoxes } from '../../src/verify/boxes.js';

const contents = (text: string): string[] => finalBoxes(text).map((span) => text.slice(span.start, span.end));

describe('finalBoxes', () => {
  it('takes the last box', () => {
    expect(contents('\\boxed{12}')).toEqual(['12']);
    expect(contents('first \\boxed{3}. Much later, after more work, we get \\boxed{5}.')).toEqual(['5']);
    expect(contents('no box here')).toEqual([]);
  });

  it('joins boxes written as parts of one answer', () => {
    expect(contents('\\boxed{1} and \\boxed{2}')).toEqual(['1', '2']);
    expect(contents('\\boxed{1}\\boxed{2}')).toEqual(['1', '2']);
    expect(contents('$\\boxed{2}, \\boxed{3}, \\boxed{5}$')).toEqual(['2', '3', '5']);
    expect(contents('\\(\\boxed{1}\\) or \\(\\boxed{-2}\\)')).toEqual(['1', '-2']);
    expect(contents('$\\boxed{k = 45} \\quad \\text{and} \\quad \\boxed{n = 2}$')).toEqual(['k = 45', 'n = 2']);
    expect(contents('\\boxed{4} apples and \\boxed{7} pears')).toEqual(['4', '7']);
  });

  it('does not join a new statement, a revision or a restatement', () => {
    expect(contents('So $a = \\boxed{3}$, and therefore $b = \\boxed{8}$')).toEqual(['8']);
    expect(contents('\\boxed{1} and later \\boxed{2}')).toEqual(['2']);
    expect(contents('\\boxed{4}. Wait, let me recheck. \\boxed{6}')).toEqual(['6']);
    expect(contents('The answer is \\boxed{840}.\n\n**Final Answer**\n\\boxed{840}')).toEqual(['840']);
    expect(contents('\\boxed{1} \\boxed{1}')).toEqual(['1']);
  });

  it('skips empty and unclosed boxes, and reads \\fbox and a one-token \\boxed 5', () => {
    expect(contents('\\boxed{7} then \\boxed{}')).toEqual(['7']);
    expect(contents('\\boxed{7} then \\boxed{ }')).toEqual(['7']);
    expect(contents('\\boxed{7} then \\boxed{8')).toEqual(['7']);
    expect(contents('\\fbox{9}')).toEqual(['9']);
    expect(contents('\\boxed 5$')).toEqual(['5']);
    expect(contents('\\boxedfoo{1}')).toEqual([]);
  });

  it('keeps the inner of two nested boxes', () => {
    expect(contents('\\boxed{\\boxed{5}}')).toEqual(['5']);
  });

  it('caps a group at sixteen boxes', () => {
    const text = Array.from({ length: 40 }, (_, i) => `\\boxed{${i}}`).join(', ');
    expect(contents(text)).toEqual(Array.from({ length: 16 }, (_, i) => String(24 + i)));
  });
});
