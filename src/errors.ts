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

/** Lists the valid names when a user asks for one that does not exist. */
export function unknownName(kind: string, asked: string, valid: readonly string[]): ReasonforgeError<'unknown-name'> {
  const shown = valid.length > 40 ? [...valid.slice(0, 40), `… (${valid.length - 40} more)`] : valid;
  return new ReasonforgeError('unknown-name', `unknown ${kind} "${asked}"; valid ${kind}s: ${shown.join(', ')}`, {}, { asked, valid });
}
