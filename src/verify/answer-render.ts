import type { Interval, ParsedAnswer } from './answer-types.js';
import { renderExpression } from './expression-render.js';

/**
 * Prints a parsed answer; parsing the result gives the same answer back (a
 * property test checks that normalising twice changes nothing).
 */
export function renderAnswer(answer: ParsedAnswer): string {
  switch (answer.kind) {
    case 'number': {
      const body = answer.places === null ? answer.value.toFractionString() : answer.value.toFixed(answer.places);
      return answer.percent ? `${body}%` : body;
    }
    case 'expression':
      return renderExpression(answer.expr);
    case 'tuple':
      return `${answer.open}${answer.items.map(renderAnswer).join(', ')}${answer.close}`;
    case 'set':
      return `{${answer.items.map(renderAnswer).join(', ')}}`;
    case 'intervals': {
      // With no variable, the empty union is printed as the empty set reads back: "∅" parses as {}.
      if (answer.parts.length === 0 && answer.variable === null) return '{}';
      const body = answer.parts.length === 0 ? '∅' : answer.parts.map(renderInterval).join(' ∪ ');
      return answer.variable === null ? body : `${answer.variable} ∈ ${body}`;
    }
    case 'relation':
      return answer.sides.map((side, k) => (k === 0 ? renderExpression(side) : ` ${answer.ops[k - 1]} ${renderExpression(side)}`)).join('');
    case 'assignments':
      return answer.names.map((name, k) => `${name} = ${renderAnswer(answer.values[k]!)}`).join(', ');
    case 'matrix':
      return `\\begin{pmatrix}${answer.rows.map((row) => row.map(renderAnswer).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
    case 'unanswerable':
      return 'unanswerable';
    case 'text':
      // Braces and & are escaped so that reading the text again keeps them as they are.
      return answer.text.replace(/[{}&]/g, '\\$&');
  }
}

function renderInterval(interval: Interval): string {
  const low = renderAnswer(interval.low.value);
  const high = renderAnswer(interval.high.value);
  if (interval.low.closed && interval.high.closed && low === high) return `{${low}}`;
  return `${interval.low.closed ? '[' : '('}${low}, ${high}${interval.high.closed ? ']' : ')'}`;
}
