/**
 * The vocabulary of equivalence: its options and its verdict, shared by the
 * comparison of numbers, collections and the dispatcher that uses both.
 */
export interface EquivalenceOptions {
  /**
   * How far a number may be from the reference:
   * - `'rounded'` (default): exact, or the candidate is the reference rounded
   *   (half away from zero) to the decimals the candidate shows, when it shows
   *   at least `minRoundedPlaces` of them and the reference cannot be written
   *   in that many (1/3 accepts 0.33 and 0.333; 12.5 does not accept 13 or
   *   12.50001); or the candidate is a printed binary double (15 or more
   *   significant digits, such as 14.666666666666666) within a relative 1e-12.
   * - `'exact'`: exact rational equality only.
   * - `{ relative, absolute }`: |candidate − reference| ≤ max(absolute, relative·|reference|).
   */
  readonly tolerance?: 'rounded' | 'exact' | { readonly relative?: number; readonly absolute?: number };
  /** The fewest decimals a rounded candidate must show under `'rounded'`. Default 2. */
  readonly minRoundedPlaces?: number;
  /**
   * What the reference is:
   * - `'exact'` (default): the reference's value is the answer.
   * - `'rounded'`: a decimal reference with at least 2 decimals may itself be
   *   rounded (as some GSM-Plus answers are: 4.33 for 26/6), so a candidate is
   *   also right when its exact value, rounded half away from zero to the
   *   reference's decimals, is the reference: 13/3, 4.333 and 4.3333 match
   *   4.33; 4.34 and 4.3 do not. Integers and one-decimal references stay exact.
   *   This holds whatever `tolerance` says, which governs the candidate's rounding.
   */
  readonly reference?: ReferenceForm;
  /**
   * What a `%` on one side only means:
   * - `'either'` (default): 25% matches 25 (percent as a label, the GSM8K
   *   convention for "what percent ...?") and 0.25 (percent as a value).
   * - `'label'`: 25% matches 25 only.
   * - `'value'`: 25% matches 0.25 only.
   * With % on both sides, the numbers are compared as written.
   */
  readonly percent?: 'either' | 'label' | 'value';
  /** Read `1,22` as 1.22 (a comma that cannot separate thousands is a decimal comma). Default false. */
  readonly decimalComma?: boolean;
}

/** Whether a reference answer is the exact value or possibly a rounding of it. */
export type ReferenceForm = 'exact' | 'rounded';

export type MatchReason =
  | 'exact'
  | 'rounded'
  | 'rounded-reference'
  | 'float'
  | 'tolerance'
  | 'symbolic'
  | 'numeric'
  | 'elementwise'
  | 'intervals'
  | 'relation'
  | 'unanswerable'
  | 'text'
  | 'different-value'
  | 'different-kind'
  | 'different-length';

export interface Match {
  readonly equivalent: boolean;
  readonly reason: MatchReason;
  /** Set when a % sign was read to make the match. */
  readonly percent?: 'label' | 'value';
}
