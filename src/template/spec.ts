/**
 * A template as written in generators/*.json. schemas/template.schema.json
 * describes the same shape for editors and for the loader's first check.
 */
export type ExactNumber = number | string;

/**
 * How the digits variant grows a stated number: its value v becomes
 * v * 10^append + r, with r one of 0, step, 2 * step, ... below 10^append.
 * Every grown number gains exactly `append` digits, and the base value can be
 * read back from the grown one, so distinct base items never grow into the
 * same numbers.
 */
export interface DigitsSpec {
  readonly append: number;
  readonly step?: number;
}

/**
 * How the decimal or fraction variant rewrites a stated whole number: v
 * becomes v + part, one of `parts` (each strictly between 0 and 1). The
 * whole part stays v, so the base value can be read back.
 */
export interface PartsSpec {
  readonly parts: readonly ExactNumber[];
  /** Fractions only: "mixed" (2 1/2, the default) or "words" (two and a half). */
  readonly show?: 'mixed' | 'words';
}

export interface PerturbSpec {
  readonly digits?: DigitsSpec;
  readonly decimal?: PartsSpec;
  readonly fraction?: PartsSpec;
}

/** What a stated number means and how the number-changing variants may rewrite it. */
export interface NumericExtras {
  /** A noun phrase naming the quantity ("how many trays {baker} filled"), for the critical variant's solution. */
  readonly about?: string;
  readonly perturb?: PerturbSpec;
}

export type VariableSpec =
  | ({ readonly int: readonly [number, number]; readonly step?: number } & NumericExtras)
  | ({ readonly decimal: readonly [ExactNumber, ExactNumber]; readonly step: ExactNumber } & NumericExtras)
  | ({ readonly values: readonly ExactNumber[] } & NumericExtras)
  | { readonly pool: string }
  | { readonly words: readonly string[] };

/** A premise with the alternatives the paraphrase variant may use, and the premises it must follow if reordered. */
export interface PremiseObject {
  readonly text: string;
  readonly paraphrases?: readonly string[];
  /** Premise indices that must come before this one in any order (it refers back to them). */
  readonly follows?: readonly number[];
  /** Whether the premise reads well as the problem's first sentence when premises are reordered (the first premise always does). */
  readonly opens?: boolean;
  /**
   * false when the problem still reads as complete without this premise, because a
   * reader would assume a default in its place (no offer, no discount, no leak):
   * the critical variant then never removes it.
   */
  readonly removable?: false;
}

export type PremiseSpec = string | PremiseObject;

export interface QuestionObject {
  readonly text: string;
  readonly paraphrases?: readonly string[];
}

export type QuestionSpec = string | QuestionObject;

/**
 * A reversed problem: the base answer becomes a given (`{answer}` in its
 * texts) and the variable `unknown` becomes what is asked. Premises that state
 * the unknown, or anything computed from it, are replaced by `premises`.
 */
export interface ReverseSpec {
  readonly id: string;
  readonly unknown: string;
  /** Replacement texts by premise index. */
  readonly premises?: Readonly<Record<string, string>>;
  /** The sentence stating the base answer. */
  readonly given: string;
  /** The premise the given sentence follows (default: the last). */
  readonly after?: number;
  readonly question: string;
  readonly derived?: Readonly<Record<string, string>>;
  readonly solution: readonly SolutionLineSpec[];
}

export type AnswerType = 'integer' | 'decimal' | 'fraction';

export interface AnswerSpec {
  readonly expr: string;
  readonly type: AnswerType;
  readonly places?: number;
  readonly range?: readonly [number, number];
}

export interface SolutionLineSpec {
  readonly text: string;
  readonly expr: string;
}

export interface DistractorSpec {
  readonly id: string;
  readonly text: string;
  readonly variables?: Readonly<Record<string, VariableSpec>>;
  readonly constraints?: readonly string[];
  readonly after?: readonly number[];
}

export interface ExtensionSpec {
  readonly id: string;
  readonly text: string;
  readonly variables?: Readonly<Record<string, VariableSpec>>;
  readonly derived?: Readonly<Record<string, string>>;
  readonly constraints?: readonly string[];
  readonly after?: readonly number[];
  readonly question?: string;
  readonly answer: AnswerSpec;
  readonly solution: readonly SolutionLineSpec[];
}

export const TOPICS = [
  'shopping-money',
  'time-schedules',
  'speed-distance',
  'work-rates',
  'fractions-ratios',
  'percentages-discounts',
  'ages',
  'measurement-units',
  'perimeter-area',
  'containers-inventory',
  'sports-scores',
  'saving-spending',
  'comparisons',
  'averages',
  'clocks-calendars',
  'counting',
  'remainders',
] as const;

export type Topic = (typeof TOPICS)[number];

export interface TemplateSpec {
  readonly id: string;
  readonly version: number;
  readonly topic: Topic;
  readonly tags?: readonly string[];
  readonly variables: Readonly<Record<string, VariableSpec>>;
  readonly derived?: Readonly<Record<string, string>>;
  readonly constraints?: readonly string[];
  readonly premises: readonly PremiseSpec[];
  readonly question: QuestionSpec;
  readonly answer: AnswerSpec;
  readonly solution: readonly SolutionLineSpec[];
  readonly intermediate?: 'decimal' | 'any';
  readonly distractors: readonly DistractorSpec[];
  readonly extensions: readonly ExtensionSpec[];
  readonly reverse?: readonly ReverseSpec[];
}

export function premiseText(premise: PremiseSpec): string {
  return typeof premise === 'string' ? premise : premise.text;
}

export function questionText(question: QuestionSpec): string {
  return typeof question === 'string' ? question : question.text;
}
