import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAnswers, equivalent } from '../../src/verify/equivalent.js';
import { verify } from '../../src/verify/verify.js';
import { runs } from '../support/runs.js';

const ROUNDED = { reference: 'rounded' } as const;

describe("reference: 'rounded'", () => {
  it.each([
    ['13/3', '4.33'],
    ['4.333', '4.33'],
    ['4.3333', '4.33'],
    ['26/6', '4.33'],
    ['\\frac{13}{3}', '4.33'],
    ['4 1/3', '4.33'],
    ['4.325', '4.33'],
    ['-13/3', '-4.33'],
    ['2/3', '0.667'],
    ['1/8', '0.13'],
    ['sqrt(19)', '4.36'],
  ])('accepts %s against the possibly rounded %s', (candidate, reference) => {
    expect(compareAnswers(candidate, reference, ROUNDED)).toEqual({ equivalent: true, reason: 'rounded-reference' });
  });

  it.each([
    ['4.34', '4.33'],
    ['4.3', '4.33'],
    ['4.335', '4.33'],
    ['4.3249', '4.33'],
    ['13/3', '-4.33'],
    ['sqrt(19)', '4.35'],
  ])('rejects %s against %s', (candidate, reference) => {
    expect(equivalent(candidate, reference, ROUNDED)).toBe(false);
  });

  it('takes integers and one-decimal references as exact', () => {
    expect(equivalent('4.4', '4', ROUNDED)).toBe(false);
    expect(equivalent('4.33', '4.3', ROUNDED)).toBe(false);
    expect(equivalent('13/3', '4.3', ROUNDED)).toBe(false);
  });

  it('is off by default: the exact 13/3 does not match 4.33', () => {
    expect(equivalent('13/3', '4.33')).toBe(false);
    expect(equivalent('4.333', '4.33')).toBe(false);
    expect(verify('So each stall gets 13/3 melons.\n#### 13/3', '4.33').correct).toBe(false);
  });

  it('reads a percent reference at the decimals of the reading that matches', () => {
    expect(equivalent('13/3', '4.33%', { ...ROUNDED, percent: 'label' })).toBe(true);
    expect(equivalent('13/300', '4.33%', { ...ROUNDED, percent: 'value' })).toBe(true);
    expect(equivalent('4.333%', '4.33', ROUNDED)).toBe(true);
  });

  it('applies to the answer verify extracts, under any candidate tolerance', () => {
    expect(verify('26 / 6 = 13/3, so the answer is 13/3.', '4.33', ROUNDED)).toMatchObject({ correct: true, extracted: '13/3', reason: 'rounded-reference' });
    expect(verify('The answer is 4.333', '4.33', { ...ROUNDED, tolerance: 'exact' }).correct).toBe(true);
  });
});

/** n/d rounded half away from zero to `places` decimals, written with exactly that many: BigInt arithmetic of the test's own. */
function roundedDecimal(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const magnitude = n < 0n ? -n : n;
  const units = (2n * magnitude * scale + d) / (2n * d);
  const digits = units.toString().padStart(places + 1, '0');
  const sign = n < 0n && units !== 0n ? '-' : '';
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

describe("reference: 'rounded', properties", () => {
  const exact = fc.record({
    n: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
    d: fc.bigInt({ min: 1n, max: 10n ** 6n }),
    places: fc.integer({ min: 2, max: 4 }),
  });

  it('accepts any exact value against its rounding to 2 to 4 places', () => {
    fc.assert(
      fc.property(exact, ({ n, d, places }) => {
        expect(verify(`The answer is ${n}/${d}.`, roundedDecimal(n, d, places), ROUNDED).correct).toBe(true);
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });

  it('rejects a value more than half a unit in the last place away', () => {
    const off = fc.record({ excess: fc.bigInt({ min: 1n, max: 10n ** 6n }), below: fc.boolean() });
    fc.assert(
      fc.property(exact, off, ({ n, d, places }, { excess, below }) => {
        const reference = roundedDecimal(n, d, places);
        // reference ± (half a unit + 1/excess), as a fraction of integers.
        const [whole, fraction] = reference.replace('-', '').split('.') as [string, string];
        const units = BigInt(whole + fraction) * (reference.startsWith('-') ? -1n : 1n);
        const den = 2n * 10n ** BigInt(places) * excess;
        const num = units * 2n * excess + (below ? -1n : 1n) * (excess + 2n * 10n ** BigInt(places));
        expect(verify(`The answer is ${num}/${den}.`, reference, ROUNDED).correct).toBe(false);
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });
});
