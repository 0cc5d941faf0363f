import { describe, expect, it } from 'vitest';
import { lastMathSpans } from '../../src/verify/math-spans.js';

const spans = (text: string, limit = 8): string[] => lastMathSpans(text, limit).map((span) => text.slice(span.content.start, span.content.end));

describe('lastMathSpans', () => {
  it('finds the four kinds of math span, the last first', () => {
    expect(spans('a $1$ b $$2$$ c \\(3\\) d \\[4\\]')).toEqual(['4', '3', '2', '1']);
    expect(spans('no math')).toEqual([]);
  });

  it('tells money from math', () => {
    expect(spans('He paid $5 and got $3 back.')).toEqual([]);
    expect(spans('It costs $5 and gets $')).toEqual([]);
    expect(spans('It costs $5. So $x = 3$.')).toEqual(['x = 3']);
    expect(spans('$12')).toEqual([]);
    expect(spans('a \\$5 fee and $y$')).toEqual(['y']);
  });

  it('keeps inline math on one line', () => {
    expect(spans('$1\n2$')).toEqual([]);
    expect(spans('$$1\n2$$')).toEqual(['1\n2']);
  });

  it('gives each span its delimiters', () => {
    const text = 'so $x$.';
    const [span] = lastMathSpans(text, 1);
    expect(span).toEqual({ start: 3, content: { start: 4, end: 5 }, end: 6 });
  });

  it('stops at the limit', () => {
    expect(spans('$1$ $2$ $3$', 2)).toEqual(['3', '2']);
  });
});
