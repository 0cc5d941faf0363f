import type { TranslationContext } from './context.js';
import { splitSlots, type Segment } from './slots.js';

/**
 * The release's solutions state many calculations in prose, without a
 * `<<...>>` annotation: "That means his total bill was {a}+{b}={a+b}" (often
 * the final sum, so the answer was never annotated). Where such a claim is
 * plain arithmetic over numbers and slots, and its two sides agree as algebra
 * on draws meeting the release's conditions, it is rewritten in the release's
 * own annotation syntax (`{a}+{b} = <<{a}+{b}={a+b}>>{a+b}`), so the
 * translator makes it a checked step like any other. Claims that mix in
 * words or units ("{n} puppies / {m} puppies * 100%"), or whose sides
 * disagree, stay prose.
 */
export function annotateProse(line: string, context: TranslationContext, where: string): { line: string; annotated: number } {
  if (line.includes('<<')) return { line, annotated: 0 };
  let segments: Segment[];
  try {
    segments = splitSlots(line, where);
  } catch {
    return { line, annotated: 0 };
  }
  const units = segments.flatMap((s): Unit[] =>
    s.kind === 'text'
      ? [...s.text].map((ch) => ({ kind: 'char', ch }))
      : [{ kind: 'slot', source: s.source, ...(s.default !== undefined && { default: s.default }) }],
  );
  const isText = (u: Unit) => u.kind === 'slot' && context.variables.get(u.source.trim())?.symbol.kind === 'text';
  const claims: { start: number; equals: number; rhs: number }[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (
      u.kind !== 'char' ||
      u.ch !== '=' ||
      isChar(units[i + 1], '=') ||
      isChar(units[i - 1], '=') ||
      isChar(units[i - 1], '!') ||
      isChar(units[i - 1], '<') ||
      isChar(units[i - 1], '>')
    )
      continue;
    // The result: one numeric slot, after spaces, $ or a currency slot, and not followed by more arithmetic.
    let r = i + 1;
    while (r < units.length && (isChar(units[r], ' ') || isChar(units[r], '$') || isText(units[r]!))) r++;
    const result = units[r];
    if (result === undefined || result.kind !== 'slot' || isText(result)) continue;
    let after = r + 1;
    while (after < units.length && isChar(units[after], ' ')) after++;
    const next = units[after];
    if (next !== undefined && next.kind === 'char' && /[-+*/×÷^=0-9({]/.test(next.ch)) continue;
    // The calculation: numbers, slots and operators back to the first word.
    let s = i - 1;
    while (s >= 0 && calcUnit(units, s, isText)) s--;
    let start = s + 1;
    while (start < i && !(units[start]!.kind === 'slot' && !isText(units[start]!)) && !isChar(units[start], '(') && !/[0-9]/.test(charOf(units[start])))
      start++;
    if (start >= i || (claims.length > 0 && start <= claims[claims.length - 1]!.rhs)) continue;
    claims.push({ start, equals: i, rhs: r });
  }
  let out = '';
  let from = 0;
  let annotated = 0;
  for (const claim of claims) {
    const calc = textOf(units.slice(claim.start, claim.equals)).trim();
    const numbers = calc.replaceAll('%', '');
    const rhs = textOf([units[claim.rhs]!]);
    if (!isArithmetic(units.slice(claim.start, claim.equals), isText) || !agree(numbers, rhs.slice(1, -1), context, where)) continue;
    out += textOf(units.slice(from, claim.rhs)) + `<<${calc.replaceAll('%', '')}=${rhs.slice(1, -1)}>>` + rhs;
    from = claim.rhs + 1;
    annotated++;
  }
  return annotated === 0 ? { line, annotated: 0 } : { line: out + textOf(units.slice(from)), annotated };
}

type Unit = { readonly kind: 'char'; readonly ch: string } | { readonly kind: 'slot'; readonly source: string; readonly default?: string };

const isChar = (u: Unit | undefined, ch: string) => u !== undefined && u.kind === 'char' && u.ch === ch;
const charOf = (u: Unit | undefined) => (u !== undefined && u.kind === 'char' ? u.ch : '');

/** Characters and slots a calculation is made of; `x` counts as times only between spaces. */
function calcUnit(units: readonly Unit[], i: number, isText: (u: Unit) => boolean): boolean {
  const u = units[i]!;
  if (u.kind === 'slot') return true;
  if (/[0-9 .+\-*/×÷()$]/.test(u.ch)) return !(u.ch === '.' && !/[0-9]/.test(charOf(units[i + 1])));
  // A percent sign after a number reads as a unit ("{a}% - 25%"): the two sides must still agree as numbers.
  if (u.ch === '%') return i > 0 && (units[i - 1]!.kind === 'slot' || /[0-9]/.test(charOf(units[i - 1])));
  if (u.ch === 'x' || u.ch === 'X') return isChar(units[i - 1], ' ') && isChar(units[i + 1], ' ');
  return isText(u);
}

/** At least two operands joined by an operator, with balanced parentheses. */
function isArithmetic(units: readonly Unit[], isText: (u: Unit) => boolean): boolean {
  let depth = 0;
  let operators = 0;
  let operands = 0;
  let inNumber = false;
  for (const u of units) {
    if (u.kind === 'slot') {
      if (!isText(u)) operands++;
      inNumber = false;
      continue;
    }
    if (/[0-9]/.test(u.ch)) {
      if (!inNumber) operands++;
      inNumber = true;
      continue;
    }
    inNumber = u.ch === '.' && inNumber;
    if (u.ch === '(') depth++;
    else if (u.ch === ')') depth--;
    else if (/[+\-*/×÷xX]/.test(u.ch)) operators++;
    if (depth < 0) return false;
  }
  return depth === 0 && operators > 0 && operands >= 2;
}

function textOf(units: readonly Unit[]): string {
  return units.map((u) => (u.kind === 'char' ? u.ch : u.default === undefined ? `{${u.source}}` : `{${u.source},${u.default}}`)).join('');
}

/** Whether the claim's two sides agree as algebra; a side that cannot be read leaves it prose. */
function agree(calc: string, rhs: string, context: TranslationContext, where: string): boolean {
  try {
    const left = context.annotationSide(calc, where);
    const right = context.annotationSide(`{${rhs}}`, where);
    return context.equivalent(left, right);
  } catch {
    return false;
  }
}
