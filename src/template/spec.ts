/**
 * A template as written in generators/*.json. schemas/template.schema.json
 * describes the same shape for editors and for the loader's first check.
 */
export type ExactNumber = number | string;

export type VariableSpec =
  | { readonly int: readonly [number, number]; readonly step?: number }
  | { readonly decimal: readonly [ExactNumber, ExactNumber]; readonly step: ExactNumber }
  | { readonly values: readonly ExactNumber[] }
  | { readonly pool: string }
  | { readonly words: readonly string[] };

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
  readonly premises: readonly string[];
  readonly question: string;
  readonly answer: AnswerSpec;
  readonly solution: readonly SolutionLineSpec[];
  readonly intermediate?: 'decimal' | 'any';
  readonly distractors: readonly DistractorSpec[];
  readonly extensions: readonly ExtensionSpec[];
}
