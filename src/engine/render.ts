import seedrandom from 'seedrandom';
import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import type { Entity, Env } from '../expr/types.js';
import { itemId } from '../records/ids.js';
import type { BindingValue, InsertedClause, ProblemRecord, Step, VariantInfo } from '../records/problem.js';
import type { CompiledTemplate, SolutionLine } from '../template/compiled.js';
import { DisplayError } from '../template/format.js';
import type { CompiledText, FormatOverrides } from '../template/text.js';
import { GENERATOR } from '../version.js';
import { answerTypeOf } from '../variants/answer-type.js';
import { composedTexts, composeQuestion, composeVariant, type Composition } from '../variants/compose.js';
import { criticalAnalysis, criticalSolution } from '../variants/critical.js';
import { pickRewrites } from '../variants/paraphrase.js';
import { pickOrder } from '../variants/reorder.js';
import { drawCosmetic } from './cosmetic.js';
import type { Instance } from './instance.js';
import { assembleQuestion, renderPremises, variantShape } from './shape.js';
import { laneOf, type Split, type TemplateSampler } from './sampler.js';
import { renderSolutionLine } from './solution-line.js';
import type { GeneratedVariant } from './variants.js';

/** A filled-in item: an instance plus its names, with the texts every variant shares rendered once. */
interface Filled {
  readonly instance: Instance;
  readonly env: Env;
  readonly premises: readonly string[];
  readonly bindings: Readonly<Record<string, BindingValue>>;
}

interface Placed {
  readonly after: number;
  readonly text: string;
  readonly info: InsertedClause;
  readonly numericSlots: readonly number[];
}

/** Everything a record is built from, whatever the variant. */
interface Parts {
  readonly variant: GeneratedVariant;
  readonly env: Env;
  readonly bindings: Readonly<Record<string, BindingValue>>;
  readonly question: string;
  /** The texts the question is made of: where its numbers are stated. */
  readonly texts: readonly Pick<CompiledText, 'numericSlots'>[];
  readonly lines: readonly SolutionLine[];
  readonly values: readonly N.Num[];
  readonly answer: N.Num | 'unanswerable';
  /** A solution that is not made of calculations (a critical item's). */
  readonly solution?: string;
  readonly formats?: FormatOverrides;
  readonly info: VariantInfo;
}

/**
 * The records of one set of one template. Everything is derived from
 * (seed, split, template, set): the instance from the sampler's lane, names
 * and every choice a variant makes from seedrandom streams keyed by a string
 * of those, with one stream per purpose so that asking for one variant never
 * shifts another.
 */
export class SetItems {
  private readonly template: CompiledTemplate;
  private readonly sampler: TemplateSampler;
  private readonly split: Split;
  private readonly set: number;
  private readonly key: string;
  private readonly idPrefix: string;
  private baseFilled: Filled | undefined;

  constructor(sampler: TemplateSampler, split: Split, set: number) {
    this.sampler = sampler;
    this.template = sampler.template;
    this.split = split;
    this.set = set;
    this.key = `${sampler.seed}|${split}|${this.template.id}@${this.template.version}|${set}`;
    this.idPrefix = itemId({ template: this.template.id, split, seed: sampler.seed, set, variant: 'base' }).slice(0, -'base'.length);
  }

  record(variant: GeneratedVariant): ProblemRecord {
    try {
      return this.build(this.parts(variant));
    } catch (error) {
      if (error instanceof DisplayError) {
        throw new ReasonforgeError('template-bug', `${error.message} (seed ${this.sampler.seed}, split ${this.split}, set ${this.set}, variant ${variant})`, {
          file: this.template.file,
        });
      }
      throw error;
    }
  }

  private stream(purpose: string): () => number {
    return seedrandom.tychei(`${this.key}|${purpose}`);
  }

  private fill(instance: Instance, purpose: 'names' | undefined, cosmeticFrom?: Env): Filled {
    const env = instance.env.slice();
    if (cosmeticFrom !== undefined) {
      for (const c of this.template.cosmetic) env[c.slot] = cosmeticFrom[c.slot]!;
    } else {
      drawCosmetic(this.template, env, this.stream(purpose ?? 'names-base'), purpose === 'names' ? this.base().env : undefined);
    }
    return { instance, env, premises: renderPremises(this.template, env), bindings: bindingsOf(this.template, env) };
  }

  private base(): Filled {
    this.baseFilled ??= this.fill(this.sampler.nth(laneOf(this.split, 'base'), this.set), undefined);
    return this.baseFilled;
  }

  private parts(variant: GeneratedVariant): Parts {
    const base = this.base();
    const t = this.template;
    const { instance } = base;
    switch (variant) {
      case 'base':
      case 'names':
      case 'numbers': {
        const filled =
          variant === 'base'
            ? base
            : variant === 'names'
              ? this.fill(instance, 'names')
              : this.fill(this.sampler.nth(laneOf(this.split, 'numbers'), this.set), undefined, base.env);
        const info: VariantInfo = variant === 'base' ? { kind: 'base' } : { kind: variant, changed: changedBindings(base.bindings, filled.bindings) };
        return this.clauses(variant, filled, [], filled.instance.steps, filled.instance.answer, info);
      }
      case 'noop': {
        const random = this.stream('noop');
        const distractor = t.distractors[Math.floor(random() * t.distractors.length)]!;
        const after = distractor.after[Math.floor(random() * distractor.after.length)]!;
        const placed = place(distractor.text, base.env, after, { kind: 'distractor', id: distractor.id });
        return this.clauses('noop', base, [placed], instance.steps, instance.answer, { kind: 'noop', inserted: [placed.info] });
      }
      case 'p1':
      case 'p2': {
        // One stream for both, so p2 holds p1's clause in the same place plus one more.
        const random = this.stream('extensions');
        const count = variant === 'p1' ? 1 : 2;
        const placed: Placed[] = [];
        let steps: readonly N.Num[] = instance.steps;
        for (let i = 0; i < count; i++) {
          const extension = t.extensions[i]!;
          const drawn = extension.after[Math.floor(random() * extension.after.length)]!;
          const after = Math.max(drawn, placed[i - 1]?.after ?? 0);
          placed.push(place(extension.text, base.env, after, { kind: 'extension', id: extension.id }));
          steps = [...steps, ...instance.extensions[i]!.steps];
        }
        const answer = instance.extensions[count - 1]!.answer;
        return this.clauses(variant, base, placed, steps, answer, { kind: variant, inserted: placed.map((p) => p.info) });
      }
      case 'digits':
      case 'decimal':
      case 'fraction': {
        const rewritten = instance.rewrites[variant]!;
        const env = rewritten.env.slice();
        for (const c of t.cosmetic) env[c.slot] = base.env[c.slot]!;
        const info: VariantInfo = { kind: variant, changed: rewritten.changed.map((s) => s.name) };
        return this.composed(variant, env, coreBindingsOf(t, env), info, rewritten.steps, rewritten.answer);
      }
      case 'reverse': {
        const k = Math.floor(this.stream('reverse')() * t.reverse.length);
        const reverse = t.reverse[k]!;
        const solved = instance.reverse[k]!;
        const info: VariantInfo = { kind: 'reverse', reversed: { id: reverse.id, unknown: reverse.unknown.name } };
        return this.composed('reverse', base.env, base.bindings, info, solved.steps, solved.answer);
      }
      case 'paraphrase':
        return this.composed(
          'paraphrase',
          base.env,
          base.bindings,
          { kind: 'paraphrase', rewritten: pickRewrites(t, this.stream('paraphrase')) },
          instance.steps,
          instance.answer,
        );
      case 'critical': {
        const options = criticalAnalysis(t).options;
        const option = options[Math.floor(this.stream('critical')() * options.length)]!;
        const removed = { premise: option.premise, text: base.premises[option.premise]!, missing: option.missing };
        return this.composed('critical', base.env, base.bindings, { kind: 'critical', removed }, [], 'unanswerable');
      }
      case 'reorder':
        return this.composed(
          'reorder',
          base.env,
          base.bindings,
          { kind: 'reorder', order: pickOrder(t, this.stream('reorder')) },
          instance.steps,
          instance.answer,
        );
    }
  }

  /** The base problem with clauses inserted (none for base, names and numbers). */
  private clauses(variant: GeneratedVariant, filled: Filled, placed: readonly Placed[], values: readonly N.Num[], answer: N.Num, info: VariantInfo): Parts {
    const shape = variantShape(this.template, variant);
    const env = filled.env;
    return {
      variant,
      env,
      bindings: filled.bindings,
      question: assembleQuestion(filled.premises, placed, shape.question.render(env)),
      texts: [...this.template.premises.map((p) => p.text), ...placed, shape.question],
      lines: shape.lines,
      values,
      answer,
      info,
    };
  }

  /** A variant composed from its choices, exactly as validate re-composes it. */
  private composed(
    variant: GeneratedVariant,
    env: Env,
    bindings: Readonly<Record<string, BindingValue>>,
    info: VariantInfo,
    values: readonly N.Num[],
    answer: N.Num | 'unanswerable',
  ): Parts {
    const composition: Composition | string = composeVariant(this.template, info);
    if (typeof composition === 'string') {
      throw new ReasonforgeError('template-bug', `the ${variant} item of set ${this.set} is not valid: ${composition}`, { file: this.template.file });
    }
    return {
      variant,
      env,
      bindings,
      question: composeQuestion(composition, env),
      texts: composedTexts(composition),
      lines: composition.lines ?? [],
      values,
      answer,
      ...(composition.critical !== undefined && { solution: criticalSolution(this.template, composition.critical, env) }),
      ...(composition.formats !== undefined && { formats: composition.formats }),
      info,
    };
  }

  private build(parts: Parts): ProblemRecord {
    const { env, formats } = parts;
    let maxNumber = 0;
    const see = (value: N.Num) => {
      const magnitude = Math.abs(N.toNumber(value));
      if (magnitude > maxNumber) maxNumber = magnitude;
    };
    for (const text of parts.texts) for (const slot of text.numericSlots) see(env[slot] as N.Num);

    const steps: Step[] = [];
    const solutionLines: string[] = [];
    let operations = 0;
    parts.lines.forEach((line, i) => {
      see(parts.values[i]!);
      operations += line.expr.operations;
      const rendered = renderSolutionLine(line, env, parts.values[i]!, formats);
      solutionLines.push(rendered.annotated);
      steps.push(rendered.step);
    });
    const answerText = parts.answer === 'unanswerable' ? 'unanswerable' : N.canonical(parts.answer);
    const solution = parts.solution ?? [...solutionLines, `#### ${answerText}`].join('\n');

    return {
      id: this.idPrefix + parts.variant,
      question: parts.question,
      answer: answerText,
      answer_type: answerTypeOf(parts.answer),
      solution,
      steps,
      template: { id: this.template.id, version: this.template.version },
      variant: parts.info,
      base_id: `${this.idPrefix}base`,
      set: this.set,
      split: this.split,
      seed: this.sampler.seed,
      bindings: parts.bindings,
      difficulty: { steps: steps.length, operations, max_number: maxNumber },
      generator: GENERATOR,
    };
  }
}

function place(text: CompiledText, env: Env, after: number, clause: Omit<InsertedClause, 'after' | 'text'>): Placed {
  const rendered = text.render(env);
  return { after, text: rendered, info: { ...clause, after, text: rendered }, numericSlots: text.numericSlots };
}

/** A record's bindings: every slot's value, names by their name. */
export function bindingsOf(
  template: CompiledTemplate,
  env: Env,
  keep: (slot: CompiledTemplate['slots'][number]) => boolean = () => true,
): Record<string, BindingValue> {
  const bindings: Record<string, BindingValue> = {};
  const slots = template.slots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const value = env[slot.index];
    if (value === undefined || !keep(slot)) continue;
    // The slot's compiled kind says what it holds; asking the value would be a megamorphic check per binding.
    bindings[slot.name] = slot.kind === 'entity' ? (value as Entity).name : N.toJsonValue(value as N.Num);
  }
  return bindings;
}

/** The bindings of an item without clauses or reversed problems: the base problem's own slots. */
export function coreBindingsOf(template: CompiledTemplate, env: Env): Record<string, BindingValue> {
  return bindingsOf(template, env, (slot) => slot.clause === undefined);
}

function changedBindings(before: Readonly<Record<string, BindingValue>>, after: Readonly<Record<string, BindingValue>>): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}
