import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnnotations, checkSteps, findClaims } from '../../src/verify/steps.js';
import { measure, runs } from '../support/runs.js';

describe('checkSteps', () => {
  it('finds a wrong claim and says where it is', () => {
    const output = 'She has 16 - 3 - 4 = 9 eggs.\nShe earns 9 * 2 = 19 dollars.';
    const result = checkSteps(output);
    expect(result.claims).toBe(2);
    expect(result.valid).toBe(false);
    expect(result.wrong).toEqual([
      { text: '9 * 2 = 19', expr: '9 * 2', claimed: '19', actual: '18', start: output.indexOf('9 * 2'), end: output.indexOf(' dollars') },
    ]);
  });

  it.each([
    ['3 + 4 = 7', 1],
    ['3 x 4 = 12 and 3×4 = 12 and 3 \\times 4 = 12', 3],
    ['$12 \\div 3 = 4$', 1],
    ['\\frac{12}{3} = 4', 1],
    ['\\( 2^{3} = 8 \\)', 1],
    ['80,000 + 50,000 = $130,000', 1],
    ['0.5 * 100% = 50%', 1],
    ['100 - 20 = 80%', 1], // percent as a label
    ['2 * 3 = 6 + 4 = 10', 2], // a running total
    ['2 + 3 = 1 + 4 = 5', 2], // a true chain
    ['10 / 3 = 3.33', 1], // rounded
    ['2 / 3 = 0.66', 1], // truncated
    ['10 / 3 ≈ 3.3', 1],
    ['7 / 2 ≈ 4', 1],
    ['**3 + 4 = 7**', 1],
    ['1. 2 + 3 = 5', 1],
    ['(2 + 3 = 5)', 1],
    ['-3 + 5 = 2', 1],
  ])('accepts %j (%i claims)', (output, claims) => {
    const result = checkSteps(output);
    expect(result.wrong).toEqual([]);
    expect(result.claims).toBe(claims);
  });

  it.each([
    ['2 + 3 = 6', '5'],
    ['2 + 3 = 1 + 5 = 6', '5'],
    ['7 / 2 = 3', '3.5'], // an integer is not a rounding without ≈
    ['10 / 3 = 3.34', '10/3'],
    ['3 × 4 = 13', '12'],
    ['\\frac{12}{3} = 5', '4'],
    ['$5 - $2 = $4', '3'],
  ])('flags %j (actual %s)', (output, actual) => {
    const result = checkSteps(output);
    expect(result.valid).toBe(false);
    expect(result.wrong.map((w) => w.actual)).toContain(actual);
  });

  it.each([
    'x = 5',
    'total = price * 3',
    'if a == 3 + 4:',
    'a <= 3 + 4',
    '3x + 4 = 28',
    '2x = 10',
    '9 hours * 2/3 = 6 hours',
    'X*6 + 9 = 87',
    '48 = 100% + 20%',
    '250=(5/2)x',
    'She is 5-year-old = 12 days',
    '2 1/2 * 4 = 10',
    'pages 3/4/2020 = 5',
    'step2 + 3 = 9',
  ])('reads no claim in %j', (output) => {
    expect(checkSteps(output)).toMatchObject({ claims: 0, valid: true });
  });

  it('reports roundings separately, and rejects them when asked', () => {
    expect(checkSteps('10 / 3 = 3.33')).toMatchObject({ valid: true, rounded: [{ claimed: '3.33', actual: '10/3' }] });
    expect(checkSteps('10 / 3 = 3.33', undefined, { allowRounding: false })).toMatchObject({ valid: false });
  });

  it('checks GSM8K annotations and counts a restated one once', () => {
    const solution = 'Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18.';
    expect(checkSteps(solution)).toMatchObject({ claims: 2, valid: true });
    const wrong = 'She makes 9 * 2 = $<<9*2=19>>19.';
    const result = checkSteps(wrong);
    expect(result.valid).toBe(false);
    expect(result.wrong[0]).toMatchObject({ text: '<<9*2=19>>', actual: '18', claimed: '19' });
  });

  it('says whether the reference intermediate values appear', () => {
    const item = { steps: [{ value: '9' }, { value: '18' }, { value: '7/3' }, { value: '12.5' }, { value: '-5' }] };
    const output = 'First 16 - 3 - 4 = 9. Then 9 * 2 = 18. A third is 2.33 of them. She lost 5.';
    const found = checkSteps(output, item).referenceValuesFound!;
    expect(found.total).toBe(5);
    expect(found.found).toBe(4);
    expect(found.values.map((v) => v.found)).toEqual([true, true, true, false, true]);
    expect(found.values[0]!.at).toBe(output.indexOf('9.'));
    expect(checkSteps('it is \\frac{7}{3} exactly', { steps: [{ value: '7/3' }] }).referenceValuesFound?.found).toBe(1);
  });

  it('never reports a wrong step in a chain it generated correctly', () => {
    const claim = fc
      .tuple(fc.integer({ min: -500, max: 500 }), fc.constantFrom(' + ', ' - ', ' * ', ' x ', ' × '), fc.integer({ min: 0, max: 500 }))
      .map(([a, op, b]) => {
        const value = op === ' + ' ? a + b : op === ' - ' ? a - b : a * b;
        return `${a}${op}${b} = ${value}`;
      });
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 6 }), fc.constantFrom('. ', '\n', ', so ', '; '), (claims, joiner) => {
        const result = checkSteps(claims.join(joiner));
        expect(result.wrong).toEqual([]);
        expect(result.claims).toBe(claims.length);
      }),
      { numRuns: runs(500, 10_000) },
    );
  });

  it('reports positions inside the text for any input', () => {
    const soup = fc
      .array(fc.constantFrom('3', '4', '12', ' + ', ' = ', ' x ', '<<3*4=12>>', '\\frac{1}{2}', '$', '\\times', ' apples', '\n', '(', ')', '%', '.', '≈'), {
        maxLength: 30,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(soup, (text) => {
        for (const claim of findClaims(text).claims) {
          expect(claim.start).toBeGreaterThanOrEqual(0);
          expect(claim.end).toBeLessThanOrEqual(text.length);
          expect(claim.start).toBeLessThan(claim.end);
          expect(text.slice(claim.start, claim.end)).toBe(claim.text);
        }
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });
});

describe('checkAnnotations', () => {
  it('gives each annotation its exact value and a verdict', () => {
    const checked = checkAnnotations('a <<16-3-4=9>> b <<10/3=3.33>> c <<2/3=0.66>> d <<7/2=4>> e <<3*4=13>> f <<3/4=3/4>> g <<oops>> h <<2^3=8>>');
    expect(checked.map((a) => [a.expr, a.claimed, a.value, a.verdict])).toEqual([
      ['16-3-4', '9', '9', 'exact'],
      ['10/3', '3.33', '10/3', 'rounded'],
      ['2/3', '0.66', '2/3', 'truncated'],
      ['7/2', '4', '3.5', 'rounded'],
      ['3*4', '13', '12', 'wrong'],
      ['3/4', '3/4', '0.75', 'exact'],
      ['oops', '', null, 'unparseable'],
      ['2^3', '8', '8', 'exact'],
    ]);
    expect(checked[0]).toMatchObject({ start: 2, end: 14, text: '<<16-3-4=9>>' });
  });

  it('ignores unclosed or overlong annotations without scanning to the end each time', () => {
    const text = '<<'.repeat(50_000) + '1+1=2';
    const { value, ms } = measure(() => checkAnnotations(text), 1000);
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(1000);
    expect(checkAnnotations(`<<${'1+'.repeat(300)}1=301>>`)).toEqual([]);
  });
});
