import { bracedContent, isLetter, type Span } from './spans.js';

/**
 * The boxed answer of a text: the last `\boxed{...}` (or `\fbox{...}`), and
 * the boxes just before it when they are parts of one answer, as in
 * "\boxed{1} and \boxed{2}", "\boxed{k = 45} \quad \boxed{n = 2}" or
 * "$y_1 = \boxed{...}$ and $y_2 = \boxed{...}$". Boxes are found from the end
 * with lastIndexOf and a bounded number of tries, so the cost is linear.
 */
const MAX_TRIES = 32;
const MAX_GROUP = 16;
const MAX_GAP = 80;

/**
 * Words that start a new statement or revise an old one: a box after one of
 * them is a new result ("so \boxed{8}", "and later \boxed{2}"), not the next
 * part of an answer.
 */
const NEW_STATEMENT = [
  'therefore',
  'thus',
  'hence',
  'so',
  'then',
  'answer',
  'since',
  'because',
  'which',
  'later',
  'wait',
  'actually',
  'but',
  'instead',
  'however',
  'rather',
  'correct',
  'corrected',
];
const JOINER_WORDS = ['and', 'or', 'quad'];
const JOINER_MARKS = [',', ';', '&'];

/** The contents of the boxes that make up the final answer, in text order; empty when there is no box. */
export function finalBoxes(text: string): Span[] {
  const finder = new BoxFinder(text);
  const group: Span[] = [];
  let groupStart = -1;
  for (let tries = 0; tries < MAX_TRIES && group.length < MAX_GROUP; tries++) {
    const at = finder.previous();
    if (at < 0) break;
    const content = contentAt(text, at);
    if (content === null || text.slice(content.start, content.end).trim() === '') {
      if (group.length === 0) continue; // an empty or unclosed box is skipped
      break;
    }
    if (group.length > 0) {
      const later = group[group.length - 1]!;
      // a box inside the later one, or a later box that only repeats this one, ends the group
      if (content.end > groupStart || sameText(text, content, later)) break;
      if (!joins(text.slice(content.end + 1, groupStart))) break;
    }
    group.push(content);
    groupStart = at;
  }
  return group.reverse();
}

/** Finds `\boxed` and `\fbox` from the end, each with its own cursor, so no search repeats. */
class BoxFinder {
  private boxed: number;
  private fbox: number;

  constructor(private readonly text: string) {
    this.boxed = text.lastIndexOf('\\boxed');
    this.fbox = text.lastIndexOf('\\fbox');
  }

  /** The start of the next box command before the last one returned, or -1. */
  previous(): number {
    const at = Math.max(this.boxed, this.fbox);
    if (at < 0) return -1;
    if (at === this.boxed) this.boxed = at > 0 ? this.text.lastIndexOf('\\boxed', at - 1) : -1;
    else this.fbox = at > 0 ? this.text.lastIndexOf('\\fbox', at - 1) : -1;
    return at;
  }
}

function contentAt(text: string, at: number): Span | null {
  let open = at + (text.startsWith('\\boxed', at) ? 6 : 5);
  if (isLetter(text[open])) return null; // \boxedfoo is another command
  while (text[open] === ' ') open++;
  if (text[open] === '{') return bracedContent(text, open);
  // \boxed 5: one token
  let end = open;
  while (end < text.length && end < open + 100 && !/[\s$]/.test(text[end]!)) end++;
  return end > open ? { start: open, end } : null;
}

function sameText(text: string, a: Span, b: Span): boolean {
  return text.slice(a.start, a.end).trim() === text.slice(b.start, b.end).trim();
}

/** Whether the text between two boxes joins them into one answer: short, one sentence, with a joiner or nothing at all. */
function joins(gap: string): boolean {
  if (gap.length > MAX_GAP || gap.includes('\n\n')) return false;
  const lower = gap.toLowerCase();
  if (NEW_STATEMENT.some((word) => hasWord(lower, word))) return false;
  if (/[.!?]\s/.test(gap)) return false;
  let bare = '';
  for (let i = 0; i < gap.length; i++) {
    const ch = gap[i]!;
    if (ch === '$' || ch === ' ' || ch === '\n' || ch === '~' || ch === '}') continue;
    if (ch === '\\' && (gap[i + 1] === '(' || gap[i + 1] === ')' || gap[i + 1] === '[' || gap[i + 1] === ']' || gap[i + 1] === ',' || gap[i + 1] === ';')) {
      i++;
      continue;
    }
    bare += ch;
  }
  return bare.length === 0 || JOINER_MARKS.some((mark) => gap.includes(mark)) || JOINER_WORDS.some((word) => hasWord(lower, word));
}

/** Whether `word` occurs in `text` with no letter on either side. */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
  }
  return false;
}
