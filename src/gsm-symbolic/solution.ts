import type { SolutionLineSpec } from '../template/spec.js';
import type { TranslationContext } from './context.js';
import { Untranslatable } from './errors.js';
import { annotateProse } from './prose.js';
import { escapeText, splitSlots, type Segment } from './slots.js';

export interface TranslatedSolution {
  readonly lines: SolutionLineSpec[];
  /** Our expression for each step, in order (the last one must give the answer). */
  readonly steps: string[];
  /** The expression after `####`, or null when the line is missing. */
  readonly final: string | null;
  readonly notes: string[];
}

/** A unit of annotated text: one character, or a whole slot. */
type Unit = { readonly kind: 'char'; readonly ch: string } | { readonly kind: 'slot'; readonly source: string; readonly default?: string };

function units(segments: readonly Segment[]): Unit[] {
  return segments.flatMap((s): Unit[] => (s.kind === 'text' ? [...s.text].map((ch) => ({ kind: 'char', ch })) : [{ kind: 'slot', source: s.source }]));
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The annotated solution as our solution lines. Each `<<lhs=rhs>>` becomes
 * one step computing lhs, shown by `{=}` as `a * b = <<a*b=c>>c`: the
 * restated calculation before the annotation (`{r}*{w} = `) and the repeated
 * result after it (`{w*r}`) are absorbed into that form; other words stay.
 * A line with two annotations becomes two lines; lines without one are
 * joined to the next step (or the last). Where the source's rhs differs from
 * lhs as an expression, a condition keeps only draws where they agree, so no
 * annotation we print can be wrong. An annotation without `=result` (drift)
 * is read as its lhs.
 */
export function translateSolution(text: string, context: TranslationContext): TranslatedSolution {
  const notes: string[] = [];
  const lines = text.split('\n');
  let finalIndex = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.trim().startsWith('####')) {
      finalIndex = i;
      break;
    }
  }
  let final: string | null = null;
  if (finalIndex >= 0) {
    const body = lines[finalIndex]!.trim().slice(4).trim();
    const slot = /^\{([^{}]+)\}$/.exec(body);
    if (slot === null) throw new Untranslatable(`a final line "#### ${body}" that is not one {expression}`, 'answer_annotated');
    final = context.expression(slot[1]!, 'answer_annotated, the #### line', 'num');
    if (lines.slice(finalIndex + 1).some((l) => l.trim() !== '')) notes.push('text after the #### line was dropped');
  } else notes.push('answer_annotated has no #### line; the answer line is made from #answer');

  const out: SolutionLineSpec[] = [];
  const steps: string[] = [];
  let pending = '';
  const body = finalIndex >= 0 ? lines.slice(0, finalIndex) : lines;
  body.forEach((raw, index) => {
    const where = `answer_annotated line ${index + 1}`;
    const bare = withoutBareAnnotations(raw);
    if (bare.removed > 0) notes.push(`${where}: ${bare.removed} annotation(s) that compute nothing (<<{x}={x}>>) are shown as their value`);
    const prose = annotateProse(bare.line, context, where);
    if (prose.annotated > 0) notes.push(`${where}: ${prose.annotated} calculation(s) written in prose became annotated steps`);
    const line = prose.line;
    const pieces = annotationsOf(line, where);
    if (pieces.annotations.length === 0) {
      pending += (pending === '' ? '' : '\n') + render(splitSlots(line, where), context, where);
      if (out.length > 0) {
        const last = out.pop()!;
        out.push({ ...last, text: `${last.text}\n${pending}` });
        pending = '';
      }
      return;
    }
    pieces.annotations.forEach((annotation, k) => {
      const lhs = context.annotationSide(annotation.lhs, `${where}, <<${annotation.raw}>>`);
      steps.push(lhs);
      if (annotation.rhs !== null) {
        try {
          const rhs = context.annotationSide(annotation.rhs, `${where}, <<${annotation.raw}>>`);
          context.guard(lhs, rhs, `${where}: <<${annotation.raw}>> does not compute its result`);
        } catch (error) {
          if (!(error instanceof Untranslatable)) throw error;
          notes.push(`${where}: the result of <<${annotation.raw}>> is not an expression; the computed value is shown`);
        }
      } else notes.push(`${where}: <<${annotation.raw}>> has no "=result"; the computed value is shown`);
      const before = cutRestatement(units(splitSlots(annotation.before, where)), units(splitSlots(annotation.lhs, where)));
      if (!before.cut) notes.push(`${where}: the calculation of <<${annotation.raw}>> is written out before it`);
      let beforeUnits = before.units;
      if (k > 0) {
        // The words after a result up to the end of their sentence or clause ("kg," in "= 32 kg, so ...")
        // stay on that result's line; the rest starts the next one.
        const cut = clauseEnd(beforeUnits);
        if (cut > 0) {
          const previous = out.pop()!;
          out.push({ ...previous, text: `${previous.text}${renderUnits(beforeUnits.slice(0, cut), context, where)}` });
          beforeUnits = beforeUnits.slice(cut);
        }
      }
      let textBefore = renderUnits(beforeUnits, context, where);
      // A line cut after an annotation goes on as a new line: no leading space.
      if (k > 0) textBefore = textBefore.trimStart();
      if (pending !== '') {
        textBefore = `${pending}\n${textBefore}`;
        pending = '';
      }
      const isLast = k === pieces.annotations.length - 1;
      const after = isLast ? render(splitSlots(skipResult(pieces.rest, annotation.rhs), where), context, where) : '';
      out.push({ text: `${textBefore}{=}${after}`, expr: lhs });
    });
    if (pieces.annotations.length > 1) notes.push(`${where}: ${pieces.annotations.length} annotations on one line became ${pieces.annotations.length} lines`);
  });
  if (out.length === 0) throw new Untranslatable('a solution without any <<...>> annotation', 'answer_annotated');
  if (pending !== '') {
    const last = out.pop()!;
    out.push({ ...last, text: `${last.text}\n${pending}` });
  }
  return { lines: out, steps, final, notes };
}

/** Just past the first sentence or clause end (`.`, `!`, `?`, `;`, `,` before a space) of some text, or 0. */
function clauseEnd(list: readonly Unit[]): number {
  for (let i = 0; i + 1 < list.length; i++) {
    const u = list[i]!;
    const next = list[i + 1]!;
    if (u.kind === 'char' && '.!?;,'.includes(u.ch) && next.kind === 'char' && next.ch === ' ') return i + 1;
  }
  return 0;
}

/**
 * Drops annotations whose calculation is a single value (`<<{n1}={n1}>>`,
 * `<<1=1>>`): they compute nothing, so they are no step; the value written
 * after them stays.
 */
function withoutBareAnnotations(line: string): { line: string; removed: number } {
  let removed = 0;
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('<<', from);
    if (open < 0) break;
    const close = line.indexOf('>>', open);
    if (close < 0) break;
    const body = line.slice(open + 2, close);
    const equals = lastTopLevelEquals(body);
    const lhs = (equals < 0 ? body : body.slice(0, equals)).trim();
    out += line.slice(from, open);
    if (/^\{[^{}]+\}$/.test(lhs) || /^[0-9][0-9,]*(\.[0-9]+)?$/.test(lhs)) removed++;
    else out += line.slice(open, close + 2);
    from = close + 2;
  }
  return { line: out + line.slice(from), removed };
}

interface Annotation {
  readonly raw: string;
  /** Text from the end of the previous annotation (and its result) to this one. */
  readonly before: string;
  readonly lhs: string;
  readonly rhs: string | null;
}

/** The annotations of a line, each with the text before it; `rest` is what follows the last. */
function annotationsOf(line: string, where: string): { annotations: Annotation[]; rest: string } {
  const annotations: Annotation[] = [];
  let from = 0;
  let previousRhs: string | null = null;
  for (;;) {
    const open = line.indexOf('<<', from);
    if (open < 0) break;
    const close = line.indexOf('>>', open);
    if (close < 0) throw new Untranslatable('an unclosed <<', where);
    const raw = line.slice(open + 2, close);
    const equals = lastTopLevelEquals(raw);
    const before = annotations.length === 0 ? line.slice(from, open) : skipResult(line.slice(from, open), previousRhs);
    annotations.push({ raw, before, lhs: equals < 0 ? raw : raw.slice(0, equals), rhs: equals < 0 ? null : raw.slice(equals + 1) });
    previousRhs = equals < 0 ? null : raw.slice(equals + 1);
    from = close + 2;
  }
  return { annotations, rest: line.slice(from) };
}

/** The `=` that separates result from calculation: the last one outside slots and not part of a comparison. */
function lastTopLevelEquals(body: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '=' && depth === 0 && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1] ?? '')) found = i;
  }
  return found;
}

/** The text after an annotation without the repeated result (`{w*r}` or the literal value) at its start. */
function skipResult(text: string, rhs: string | null): string {
  const slot = /^\{[^{}]+\}/.exec(text);
  if (slot !== null) return text.slice(slot[0].length);
  if (rhs !== null && rhs.trim() !== '' && text.startsWith(rhs.trim())) return text.slice(rhs.trim().length);
  return text;
}

/**
 * Cuts `lhs =` (spaces, `$` signs and `x`/`×` for `*` allowed) off the end of
 * the text before an annotation, since `{=}` writes the calculation itself.
 */
function cutRestatement(before: Unit[], lhs: Unit[]): { units: Unit[]; cut: boolean } {
  const skippable = (u: Unit) => u.kind === 'char' && (/\s/.test(u.ch) || u.ch === '$' || u.ch === '%');
  let i = before.length - 1;
  while (i >= 0 && skippable(before[i]!)) i--;
  const equals = before[i];
  if (equals === undefined || equals.kind !== 'char' || equals.ch !== '=') return { units: before, cut: false };
  i--;
  const wanted = lhs.filter((u) => !skippable(u));
  for (let k = wanted.length - 1; k >= 0; k--) {
    while (i >= 0 && skippable(before[i]!)) i--;
    const have = before[i];
    const want = wanted[k]!;
    if (have === undefined || !sameUnit(have, want)) return { units: before, cut: false };
    i--;
  }
  return { units: before.slice(0, i + 1), cut: true };
}

function sameUnit(have: Unit, want: Unit): boolean {
  if (have.kind === 'slot' || want.kind === 'slot') return have.kind === 'slot' && want.kind === 'slot' && compact(have.source) === compact(want.source);
  if (have.ch === want.ch) return true;
  if (want.ch === '*') return have.ch === 'x' || have.ch === 'X' || have.ch === '×';
  if (want.ch === '/') return have.ch === '÷';
  return false;
}

function render(segments: readonly Segment[], context: TranslationContext, where: string): string {
  return segments.map((s) => (s.kind === 'text' ? escapeText(s.text) : context.placeholder(s.source, where))).join('');
}

function renderUnits(list: readonly Unit[], context: TranslationContext, where: string): string {
  return list.map((u) => (u.kind === 'char' ? escapeText(u.ch) : context.placeholder(u.source, where))).join('');
}
