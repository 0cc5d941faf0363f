import { isReasonforgeError } from '../errors.js';
import { SetItems } from '../engine/render.js';
import { TemplateSampler, type Split } from '../engine/sampler.js';
import { supportedVariants, type GeneratedVariant } from '../engine/variants.js';
import { assertValidRecord } from '../records/validate-record.js';
import type { CompiledTemplate } from '../template/compiled.js';

export interface PreflightFailure {
  readonly template: CompiledTemplate;
  readonly message: string;
}

/**
 * Draws every record a generation will ask of each template, before writing
 * anything, and returns the templates that cannot make them (constraints
 * that almost never hold, too few distinct instances, a value that cannot be
 * shown). Our own templates are held to this by lint and the property suite;
 * imported ones meet it here, so one bad template is reported and left out
 * instead of stopping the whole run. Records are pure functions of their
 * address, so the real run makes the same ones again.
 *
 * A template whose question repeats one already made (by itself, or by a
 * template kept before it: the release holds near-identical templates such
 * as p1/0039 and p2/0039) is left out too, since `validate` would reject the
 * repeat and a repeated item would count twice in every score.
 */
export function preflight(
  templates: readonly CompiledTemplate[],
  config: { readonly seed: number; readonly sets: number; readonly split: Split; readonly variants: readonly GeneratedVariant[] },
): { ok: CompiledTemplate[]; failures: PreflightFailure[] } {
  const ok: CompiledTemplate[] = [];
  const failures: PreflightFailure[] = [];
  const questions = new Map<string, string>();
  for (const template of templates) {
    const variants = config.variants.filter((v) => supportedVariants(template).includes(v));
    try {
      const sampler = new TemplateSampler(template, config.seed);
      const mine = new Map<string, string>();
      let repeat: string | null = null;
      for (let set = 0; set < config.sets && repeat === null; set++) {
        const items = new SetItems(sampler, config.split, set);
        for (const variant of variants) {
          const record = assertValidRecord(items.record(variant));
          const first = questions.get(record.question) ?? mine.get(record.question);
          if (first !== undefined) {
            repeat = `${record.id} repeats the question of ${first}${first.startsWith(`${template.id}:`) ? '' : ' (another template of the release makes the same questions)'}`;
            break;
          }
          mine.set(record.question, record.id);
        }
      }
      if (repeat !== null) {
        failures.push({ template, message: repeat });
        continue;
      }
      for (const [question, id] of mine) questions.set(question, id);
      ok.push(template);
    } catch (error) {
      if (!isReasonforgeError(error)) throw error;
      failures.push({ template, message: error.message });
    }
  }
  return { ok, failures };
}
