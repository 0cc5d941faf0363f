import type { Rational } from './rational.js';

// The evaluator's options and results (see arith.ts), apart from it so that its parser and
// literal reader can share them without an import cycle.

export interface ArithmeticLimits {
  /** Longest text read at all, in UTF-16 units. Default 10,000. */
  readonly maxLength?: number;
  /** Most digits in one literal. Default 200. */
  readonly maxDigits?: number;
  /** Largest |exponent| in `a^n` or `1e n`. Default 1,000. */
  readonly maxExponent?: number;
  /** Largest numerator or denominator of any intermediate value, in bits. Default 20,000 (about 6,000 digits). */
  readonly maxBits?: number;
  /** Deepest nesting of parentheses and powers. Default 64. */
  readonly maxDepth?: number;
}

export interface ArithmeticOptions extends ArithmeticLimits {
  /**
   * What `%` means. `'value'` (default): 25% is 1/4. `'ignore'`: the sign is a
   * label and 25% is 25, which is how prose such as "100 - 20 = 80%" reads.
   */
  readonly percent?: 'value' | 'ignore';
  /** Accept `1,234` as one thousand two hundred and thirty-four. Default true. */
  readonly thousands?: boolean;
}

export type ArithmeticErrorKind = 'empty' | 'syntax' | 'too-long' | 'too-many-digits' | 'too-deep' | 'too-large' | 'division-by-zero' | 'fractional-exponent';

export type ArithmeticResult =
  | {
      readonly ok: true;
      readonly value: Rational;
      /** How many binary operators the text applies: 0 means it is a bare number. */
      readonly operators: number;
      /** Whether a `%` sign was read. */
      readonly percent: boolean;
    }
  | { readonly ok: false; readonly error: ArithmeticErrorKind; /** offset in the text */ readonly at: number };
