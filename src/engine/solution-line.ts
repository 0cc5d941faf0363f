import * as N from '../exact/num.js';
import type { Env } from '../expr/types.js';
import type { Step } from '../records/problem.js';
import type { SolutionLine } from '../template/compiled.js';
import type { FormatOverrides } from '../template/text.js';

/** Stands in the rendered text where the calculation goes; no template text can contain it. */
const CALC = '\u0000';

/** One solution line as a record writes it: with its annotation, and as the plain step. */
export interface RenderedLine {
  /** `So she has 3 * 4 = <<3*4=12>>12 apples.` */
  readonly annotated: string;
  readonly step: Step;
}

/**
 * Renders a solution line whose expression gives `value` on `env`: the one
 * definition of what a line reads, which generation writes and validation
 * re-renders to compare. The text is rendered once, with a marker where
 * `{=}` stands and the value for a noun that agrees with it.
 */
export function renderSolutionLine(line: SolutionLine, env: Env, value: N.Num, formats?: FormatOverrides): RenderedLine {
  const shown = N.canonical(value);
  const spaced = line.expr.display(env, true);
  const compact = line.expr.display(env, false);
  const rendered = line.text.render(env, { shown: CALC, value }, formats);
  const cut = rendered.indexOf(CALC);
  const before = rendered.slice(0, cut);
  const after = rendered.slice(cut + CALC.length);
  return {
    annotated: `${before}${spaced} = <<${compact}=${shown}>>${shown}${after}`,
    step: { text: `${before}${spaced} = ${shown}${after}`, expr: compact, value: shown },
  };
}
