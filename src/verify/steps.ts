import { Rational } from '../exact/rational.js';
import { claimAccuracy } from './approximation.js';
import { findClaims, type Claim } from './claims.js';
import { mathView } from './view.js';

export { checkAnnotations, findAnnotations, type AnnotationCheck, type AnnotationSpan } from './annotations.js';
export { findClaims, type Claim, type ClaimVerdict, type FindClaimsResult } from './claims.js';

/**
 * The step checker behind CoT-pass@k: an answer counts only if the
 * arithmetic that led to it holds. Reads the claims in a chain of thought
 * (findClaims) and reports every wrong one with its position; given an item,
 * also whether the item's reference intermediate values appear.
 */
export interface StepItem {
  /** Reference steps; `value` is canonical (`42`, `12.5`, `7/3`). */
  readonly steps?: ReadonlyArray<{ readonly value: string }>;
}

export interface StepCheckOptions {
  /**
   * Accept a claimed value that is the exact value rounded (or truncated) to
   * the decimals it shows, at least one decimal (10/3 = 3.33). Default true.
   * An integer is never accepted as a rounding unless the claim says ≈.
   */
  readonly allowRounding?: boolean;
}

export interface WrongStep {
  /** The claim as it stands in the output. */
  readonly text: string;
  /** The computation. */
  readonly expr: string;
  /** The value the output claims. */
  readonly claimed: string;
  /** The exact value of `expr`. */
  readonly actual: string;
  readonly start: number;
  readonly end: number;
}

export interface ReferenceValues {
  readonly total: number;
  readonly found: number;
  /** Per reference step, in order: its value and where it first appears in the output (null: nowhere). */
  readonly values: ReadonlyArray<{ readonly value: string; readonly found: boolean; readonly at: number | null }>;
}

export interface StepCheck {
  /** Arithmetic claims read (prose claims restating an annotation count once). */
  readonly claims: number;
  readonly wrong: WrongStep[];
  /** Claims accepted as roundings or truncations, listed so they are not silent. */
  readonly rounded: WrongStep[];
  /** No wrong claim (an output with no claims is valid). */
  readonly valid: boolean;
  /** More claims than the checker reads; `valid` covers only those read. */
  readonly truncated: boolean;
  readonly referenceValuesFound?: ReferenceValues;
}

function step(claim: Claim): WrongStep {
  return { text: claim.text, expr: claim.expr, claimed: claim.claimed, actual: claim.actual, start: claim.start, end: claim.end };
}

export function checkSteps(output: string, item?: StepItem, options: StepCheckOptions = {}): StepCheck {
  const text = typeof output === 'string' ? output : '';
  const allowRounding = options.allowRounding ?? true;
  let found: ReturnType<typeof findClaims>;
  try {
    found = findClaims(text);
  } catch {
    found = { claims: [], truncated: true };
  }
  const wrong: WrongStep[] = [];
  const rounded: WrongStep[] = [];
  for (const claim of found.claims) {
    if (claim.verdict === 'wrong') wrong.push(step(claim));
    else if (claim.verdict === 'rounded' || claim.verdict === 'truncated') {
      // Annotations carry no ≈, so the integer rule applies to them as to prose.
      const acceptable = allowRounding && (claim.approximate || (claim.places ?? 0) >= 1);
      (acceptable ? rounded : wrong).push(step(claim));
    }
  }
  const result: StepCheck = { claims: found.claims.length, wrong, rounded, valid: wrong.length === 0, truncated: found.truncated };
  if (item?.steps === undefined) return result;
  return { ...result, referenceValuesFound: referenceValues(text, item.steps) };
}

interface NumberSeen {
  readonly value: Rational;
  readonly places: number | null;
  readonly at: number;
}

const MAX_NUMBERS = 100_000;

/** Every number in the output (separators, decimals, a/b fractions), in order, with its position. */
function numbersIn(output: string): NumberSeen[] {
  const view = mathView(output);
  const text = view.text;
  const seen: NumberSeen[] = [];
  let i = 0;
  while (i < text.length && seen.length < MAX_NUMBERS) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let places: number | null = null;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch >= '0' && ch <= '9') {
        digits += ch;
        if (places !== null) places++;
        i++;
      } else if (ch === ',' && places === null && /^[0-9]{3}(?![0-9])/.test(text.slice(i + 1, i + 5))) i++;
      else if (ch === '.' && places === null && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
        places = 0;
        i++;
      } else break;
      if (digits.length > 200) break;
    }
    const value = Rational.of(BigInt(digits), 10n ** BigInt(places ?? 0));
    seen.push({ value, places, at: view.toSource(start) });
    // a/b and ((a)/(b)) from \frac{a}{b}
    let k = i;
    while (text[k] === ')') k++;
    if (text[k] === '/' && places === null) {
      k++;
      while (text[k] === '(') k++;
      let bottom = '';
      while (k < text.length && text[k]! >= '0' && text[k]! <= '9' && bottom.length <= 200) bottom += text[k++];
      if (bottom !== '' && BigInt(bottom) !== 0n && text[k] !== '.') seen.push({ value: value.div(Rational.of(BigInt(bottom))), places: null, at: view.toSource(start) });
    }
  }
  return seen;
}

function referenceValues(output: string, steps: ReadonlyArray<{ readonly value: string }>): ReferenceValues {
  const numbers = numbersIn(output);
  const first = new Map<string, number>();
  for (const number of numbers) {
    const key = number.value.toCanonical();
    if (!first.has(key)) first.set(key, number.at);
  }
  const values = steps.map(({ value }) => {
    const exact = typeof value === 'string' ? Rational.parse(value.trim()) : null;
    if (exact === null) return { value, found: false, at: null };
    // Sign is not required: "she loses 5" states the -5 of a step.
    const at = first.get(exact.toCanonical()) ?? first.get(exact.abs().toCanonical());
    if (at !== undefined) return { value, found: true, at };
    // A value with no exact decimal form (7/3) also appears as a rounding with two or more decimals.
    if (!exact.isFiniteDecimal()) {
      for (const number of numbers) {
        if (number.places !== null && number.places >= 2) {
          const accuracy = claimAccuracy(number.value, exact.abs(), number.places);
          if (accuracy === 'rounded' || accuracy === 'truncated') return { value, found: true, at: number.at };
        }
      }
    }
    return { value, found: false, at: null };
  });
  return { total: values.length, found: values.filter((v) => v.found).length, values };
}
