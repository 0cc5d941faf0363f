import seedrandom from 'seedrandom';
import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import type { Entity, Env } from '../expr/types.js';
import { itemId } from '../records/ids.js';
import type { BindingValue, InsertedClause, ProblemRecord, Step, VariantInfo } from '../records/problem.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { DisplayError } from '../template/format.js';
import type { CompiledText } from '../template/text.js';
import { GENERATOR } from '../version.js';
import { drawCosmetic } from './cosmetic.js';
import type { Instance } from './instance.js';
import { assembleQuestion, renderPremises, variantShape, type VariantShape } from './shape.js';
import { laneOf, type Split, type TemplateSampler } from './sampler.js';
import type { GeneratedVariant } from './variants.js';

const CALC = '\u0000';

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

/**
 * The records of one set of one template. Everything is derived from
 * (seed, split, template, set): the instance from the sampler's lane, names
 * and clause choices from seedrandom streams keyed by a string of those, with
 * one stream per purpose so that asking for one variant never shifts another.
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
      return this.render(variant);
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

  private render(variant: GeneratedVariant): ProblemRecord {
    const base = this.base();
    const t = this.template;
    const shape = variantShape(t, variant);
    switch (variant) {
      case 'base':
        return this.build('base', base, [], shape, base.instance.steps, base.instance.answer, { kind: 'base' });
      case 'names': {
        const filled = this.fill(base.instance, 'names');
        const info: VariantInfo = { kind: 'names', changed: changedBindings(base.bindings, filled.bindings) };
        return this.build('names', filled, [], shape, base.instance.steps, base.instance.answer, info);
      }
      case 'numbers': {
        const filled = this.fill(this.sampler.nth(laneOf(this.split, 'numbers'), this.set), undefined, base.env);
        const info: VariantInfo = { kind: 'numbers', changed: changedBindings(base.bindings, filled.bindings) };
        return this.build('numbers', filled, [], shape, filled.instance.steps, filled.instance.answer, info);
      }
      case 'noop': {
        const random = this.stream('noop');
        const distractor = t.distractors[Math.floor(random() * t.distractors.length)]!;
        const after = distractor.after[Math.floor(random() * distractor.after.length)]!;
        const placed = place(distractor.text, base.env, after, { kind: 'distractor', id: distractor.id });
        return this.build('noop', base, [placed], shape, base.instance.steps, base.instance.answer, { kind: 'noop', inserted: [placed.info] });
      }
      case 'p1':
      case 'p2': {
        // One stream for both, so p2 holds p1's clause in the same place plus one more.
        const random = this.stream('extensions');
        const placed: Placed[] = [];
        let steps: readonly N.Num[] = base.instance.steps;
        for (let i = 0; i < shape.extensions; i++) {
          const extension = t.extensions[i]!;
          const drawn = extension.after[Math.floor(random() * extension.after.length)]!;
          const after = Math.max(drawn, placed[i - 1]?.after ?? 0);
          placed.push(place(extension.text, base.env, after, { kind: 'extension', id: extension.id }));
          steps = [...steps, ...base.instance.extensions[i]!.steps];
        }
        const answer = base.instance.extensions[shape.extensions - 1]!.answer;
        return this.build(variant, base, placed, shape, steps, answer, { kind: variant, inserted: placed.map((p) => p.info) });
      }
    }
  }

  private build(
    variant: GeneratedVariant,
    filled: Filled,
    placed: readonly Placed[],
    shape: VariantShape,
    values: readonly N.Num[],
    answer: N.Num,
    info: VariantInfo,
  ): ProblemRecord {
    const env = filled.env;
    const { question, lines } = shape;

    let maxNumber = 0;
    const see = (value: N.Num) => {
      const magnitude = Math.abs(N.toNumber(value));
      if (magnitude > maxNumber) maxNumber = magnitude;
    };
    for (const premise of this.template.premises) for (const slot of premise.text.numericSlots) see(env[slot] as N.Num);
    for (const p of placed) for (const slot of p.numericSlots) see(env[slot] as N.Num);
    for (const slot of question.numericSlots) see(env[slot] as N.Num);

    const steps: Step[] = [];
    const solutionLines: string[] = [];
    let operations = 0;
    lines.forEach((line, i) => {
      const value = N.canonical(values[i]!);
      see(values[i]!);
      operations += line.expr.operations;
      const spaced = line.expr.display(env, true);
      const compact = line.expr.display(env, false);
      const rendered = line.text.render(env, CALC);
      const cut = rendered.indexOf(CALC);
      const before = rendered.slice(0, cut);
      const after = rendered.slice(cut + 1);
      solutionLines.push(`${before}${spaced} = <<${compact}=${value}>>${value}${after}`);
      steps.push({ text: `${before}${spaced} = ${value}${after}`, expr: compact, value });
    });
    const answerText = N.canonical(answer);
    solutionLines.push(`#### ${answerText}`);

    return {
      id: this.idPrefix + variant,
      question: assembleQuestion(filled.premises, placed, question.render(env)),
      answer: answerText,
      answer_type: shape.answer.type,
      solution: solutionLines.join('\n'),
      steps,
      template: { id: this.template.id, version: this.template.version },
      variant: info,
      base_id: `${this.idPrefix}base`,
      set: this.set,
      split: this.split,
      seed: this.sampler.seed,
      bindings: filled.bindings,
      difficulty: { steps: steps.length, operations, max_number: maxNumber },
      generator: GENERATOR,
    };
  }
}

function place(text: CompiledText, env: Env, after: number, clause: Omit<InsertedClause, 'after' | 'text'>): Placed {
  const rendered = text.render(env);
  return { after, text: rendered, info: { ...clause, after, text: rendered }, numericSlots: text.numericSlots };
}

function bindingsOf(template: CompiledTemplate, env: Env): Record<string, BindingValue> {
  const bindings: Record<string, BindingValue> = {};
  const slots = template.slots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const value = env[slot.index];
    if (value === undefined) continue;
    // The slot's compiled kind says what it holds; asking the value would be a megamorphic check per binding.
    bindings[slot.name] = slot.kind === 'entity' ? (value as Entity).name : N.toJsonValue(value as N.Num);
  }
  return bindings;
}

function changedBindings(before: Readonly<Record<string, BindingValue>>, after: Readonly<Record<string, BindingValue>>): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}
