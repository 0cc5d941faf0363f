/**
 * Errors as tagged data. Every failure a user can cause carries a `kind` that
 * programs can switch on and a `where` that points at the file, line or JSON
 * pointer to fix; `message` is the sentence a person reads.
 */
export interface Where {
  readonly file?: string;
  readonly line?: number;
  readonly pointer?: string;
}

export class ReasonforgeError<Kind extends string = string> extends Error {
  readonly kind: Kind;
  readonly where: Where;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(kind: Kind, message: string, where: Where = {}, details: Record<string, unknown> = {}) {
    super(prefixOf(where) + message);
    this.name = 'ReasonforgeError';
    this.kind = kind;
    this.where = where;
    this.details = details;
  }
}

/** `file:line: `, `file#/pointer: `, or nothing: the prefix compilers and linters use. */
export function prefixOf(where: Where): string {
  if (where.file === undefined) return where.pointer === undefined ? '' : `${where.pointer}: `;
  if (where.line !== undefined) return `${where.file}:${where.line}: `;
  if (where.pointer !== undefined) return `${where.file}#${where.pointer}: `;
  return `${where.file}: `;
}

export function isReasonforgeError(value: unknown): value is ReasonforgeError {
  return value instanceof ReasonforgeError;
}

/** Lists the valid names when a user asks for one that does not exist, nearest first when one is close. */
export function unknownName(kind: string, asked: string, valid: readonly string[]): ReasonforgeError<'unknown-name'> {
  const shown = valid.length > 40 ? [...valid.slice(0, 40), `… (${valid.length - 40} more)`] : valid;
  const near = nearest(asked, valid);
  const hint = near === null ? '' : `did you mean "${near}"? `;
  return new ReasonforgeError('unknown-name', `unknown ${kind} "${printable(asked)}"; ${hint}valid ${kind}s: ${shown.join(', ')}`, {}, { asked, valid });
}

/**
 * Text from input made safe to print on one line: control characters (a
 * byte-order mark, a carriage return, an escape sequence, a newline) are
 * shown as escapes instead of moving the cursor or hiding themselves.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The valid name closest to a mistyped one, if it is close enough to be what
 * was meant: at most one edit per three characters (swapping two neighbours
 * counts as one), at least one and at most three.
 */
export function nearest(asked: string, valid: readonly string[]): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(asked.length / 3)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const name of valid) {
    const distance = editDistance(asked.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
