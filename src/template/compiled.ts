import type { Num } from '../exact/num.js';
import type { CompiledExpr } from '../expr/types.js';
import type { Pool } from './pools.js';
import type { AnswerType, TemplateSpec, Topic } from './spec.js';
import type { NumberFormat } from './format.js';
import type { CompiledText } from './text.js';
import type { Domain } from './variables.js';

/**
 * Where a variable's value comes from, which decides how it is sampled:
 * - domain: a number (or an entity the arithmetic reads) stated in the base
 *   question; together they form the space a keyed permutation walks, so two
 *   sets never share them.
 * - derived: computed from the variables before it.
 * - clause: a number only a distractor or extension states, drawn for each
 *   candidate from a counter-based stream.
 * - cosmetic: a name or word the arithmetic never reads, drawn per set; the
 *   names variant redraws exactly these.
 */
export type SlotOrigin = 'domain' | 'derived' | 'clause' | 'cosmetic';

export interface Slot {
  readonly name: string;
  readonly index: number;
  readonly origin: SlotOrigin;
  readonly kind: 'num' | 'entity';
  /** The clause that owns it, for clause variables and clause-derived values. */
  readonly clause?: string;
  readonly pointer: string;
}

export interface DomainVar {
  readonly slot: number;
  readonly domain: Domain;
}

export interface CheckedExpr {
  readonly expr: CompiledExpr;
  /** JSON pointer into the template file: where to fix it. */
  readonly pointer: string;
}

export interface DerivedValue extends CheckedExpr {
  readonly slot: number;
  readonly name: string;
}

export interface CompiledAnswer extends CheckedExpr {
  readonly type: AnswerType;
  readonly places: number;
  /** Inclusive bounds, exact: a range may be written with decimals such as 0.5. */
  readonly min: Num;
  readonly max: Num;
}

export interface SolutionLine extends CheckedExpr {
  readonly text: CompiledText;
  /**
   * The slot of a derived value with the very same expression, computed on
   * the same draw before the line runs: the line reads it instead of
   * working it out again (most solution lines restate a derived value).
   */
  readonly valueSlot?: number;
}

/** One step of checking a draw: computing a derived value into its slot, or testing a constraint (slot -1). */
export interface CheckStep {
  readonly slot: number;
  readonly check: CheckedExpr;
}

/** Numbers a clause states, drawn per candidate after the core draw is accepted. */
export interface ClauseSampling {
  readonly id: string;
  readonly vars: readonly DomainVar[];
  readonly derived: readonly DerivedValue[];
  readonly constraints: readonly CheckedExpr[];
  /** `derived` and `constraints` in the order a draw of the clause is checked (see checkOrder). */
  readonly checks: readonly CheckStep[];
}

export interface Distractor {
  readonly id: string;
  readonly text: CompiledText;
  /** Premise indices it may follow. */
  readonly after: readonly number[];
  readonly sampling: ClauseSampling;
}

export interface Extension {
  readonly id: string;
  readonly text: CompiledText;
  readonly after: readonly number[];
  readonly question?: CompiledText;
  readonly answer: CompiledAnswer;
  readonly solution: readonly SolutionLine[];
  readonly sampling: ClauseSampling;
}

export interface CosmeticVar {
  readonly slot: number;
  readonly pool: Pool;
  /** False for names only a clause mentions: the names variant still redraws them, but they do not make it visible. */
  readonly inBaseText: boolean;
}

export interface Premise {
  readonly text: CompiledText;
  /** Variables first mentioned here: what removing or moving this premise would take away. */
  readonly introduces: readonly string[];
  /** Other wordings with the same facts, for the paraphrase variant. */
  readonly paraphrases: readonly CompiledText[];
  /** Premises that must come before this one when premises are reordered. */
  readonly follows: readonly number[];
  /** Whether it may open the problem in a reordered item. */
  readonly opens: boolean;
  /** False when a reader would assume a default without it, so the critical variant may not remove it. */
  readonly removable: boolean;
}

/** The whole-number rewrites of the decimal and fraction variants: v becomes v + part. */
export interface PartsRewrite {
  readonly parts: readonly Num[];
  /** How the text shows a rewritten value (the fraction variant's 2 1/2). */
  readonly format?: NumberFormat;
}

/**
 * A number the base problem states (a numeric domain variable): what it
 * means, and how the number-changing variants may rewrite it.
 */
export interface StatedNumber {
  readonly slot: number;
  readonly name: string;
  readonly pointer: string;
  readonly domain: Domain;
  readonly about?: CompiledText;
  readonly digits?: { readonly append: number; readonly step: number };
  readonly decimal?: PartsRewrite;
  readonly fraction?: PartsRewrite;
}

/** A reversed problem, compiled: see ReverseSpec. */
export interface Reverse {
  readonly id: string;
  readonly pointer: string;
  /** The stated number that becomes the unknown. */
  readonly unknown: StatedNumber;
  /** Premise texts by index: the replacement where the template gives one, else the premise itself. */
  readonly premises: readonly CompiledText[];
  readonly given: CompiledText;
  readonly after: number;
  readonly question: CompiledText;
  readonly derived: readonly DerivedValue[];
  readonly solution: readonly SolutionLine[];
}

export interface CompiledTemplate {
  readonly id: string;
  readonly version: number;
  readonly topic: Topic;
  readonly tags: readonly string[];
  readonly file: string;
  readonly spec: TemplateSpec;
  readonly slots: readonly Slot[];
  readonly domain: readonly DomainVar[];
  /** Number of distinct domain tuples: the size of the space the permutation walks. */
  readonly domainSize: number;
  readonly derived: readonly DerivedValue[];
  readonly constraints: readonly CheckedExpr[];
  /** `derived` and `constraints` in the order a draw is checked (see checkOrder). */
  readonly coreChecks: readonly CheckStep[];
  readonly cosmetic: readonly CosmeticVar[];
  readonly premises: readonly Premise[];
  readonly question: CompiledText;
  readonly answer: CompiledAnswer;
  readonly solution: readonly SolutionLine[];
  /** Whether intermediate step values may be repeating fractions. */
  readonly anyIntermediate: boolean;
  /**
   * Present on templates compiled with the import rules (translated from
   * GSM-Symbolic's release): their answer is stated by the solution's `####`
   * line and need not be the last annotated step, and `relaxations` lists
   * the library rules this template breaks and was let through.
   */
  readonly imported?: { readonly relaxations: readonly string[] };
  readonly distractors: readonly Distractor[];
  readonly extensions: readonly Extension[];
  /** The numbers the base problem states, in declaration order. */
  readonly stated: readonly StatedNumber[];
  readonly questionParaphrases: readonly CompiledText[];
  readonly reverse: readonly Reverse[];
  /** For each derived value, the stated numbers it is computed from. */
  readonly dependsOn: ReadonlyMap<string, ReadonlySet<string>>;
  /** The env slot that holds the base answer where a reversed problem states it as {answer}. */
  readonly answerSlot: number;
  /** Length of an env: every slot plus the answer slot. */
  readonly envSize: number;
}
