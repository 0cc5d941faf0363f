import { nearest, printable, ReasonforgeError } from '../errors.js';

/**
 * The one option parser every command uses, with one set of rules:
 *
 * - `--name value` and `--name=value`; a boolean option takes no value.
 * - The value of an option is the next argument even when it starts with `-`
 *   (`--sets -1` is a value, refused by the number check with its own words);
 *   only another `--option` is taken as a forgotten value.
 * - An option given twice is an error unless it is declared `multiple`
 *   (documented as repeatable): a silently ignored first value loses input.
 * - An unknown option or a misspelt one says what it is and suggests the
 *   nearest valid option.
 * - `--` ends the options; everything after it is positional.
 */
export interface OptionDef {
  readonly type: 'string' | 'boolean';
  /** The option may be repeated; its values are collected in order. */
  readonly multiple?: boolean;
  /** A one-letter alias, given as `-x` (node:util parseArgs' spelling, so specs carry over). */
  readonly short?: string;
  /** The value when the option is not given. */
  readonly default?: string | boolean | readonly string[];
}

export type OptionSpec = Readonly<Record<string, OptionDef>>;

type ValueOf<D extends OptionDef> = D extends { type: 'boolean' } ? boolean : D extends { multiple: true } ? string[] : string;

export type OptionValues<O extends OptionSpec> = { -readonly [K in keyof O]?: ValueOf<O[K]> };

export interface Parsed<O extends OptionSpec> {
  readonly values: OptionValues<O>;
  readonly positionals: string[];
}

export class UsageError extends ReasonforgeError<'usage'> {
  constructor(message: string) {
    super('usage', message);
  }
}

/** Where a usage error sends the reader for the whole list. */
const seeHelp = (command: string) => `(reasonforge help ${command} lists them)`;

export function parseCommandArgs<const O extends OptionSpec>(command: string, argv: readonly string[], options: O, allowPositionals = true): Parsed<O> {
  let args = argv;
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  const names = Object.keys(options);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const alias = arg.length === 2 && arg[0] === '-' ? names.find((n) => options[n]!.short === arg[1]) : undefined;
    if (alias !== undefined) {
      args = [...args.slice(0, i), `--${alias}`, ...args.slice(i + 1)];
      i--;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.length > 1 && arg.startsWith('-') && !/^-[0-9.]/.test(arg)) {
        throw new UsageError(`${command}: unknown option ${printable(arg)}; options are spelt out in full, as in --force ${seeHelp(command)}`);
      }
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const def = Object.hasOwn(options, name) ? options[name] : undefined;
    if (def === undefined) {
      const near = nearest(name, names);
      throw new UsageError(`${command}: unknown option --${printable(name)}${near === null ? '' : `; did you mean --${near}?`} ${seeHelp(command)}`);
    }
    let value: string | boolean;
    if (def.type === 'boolean') {
      if (equals >= 0) throw new UsageError(`${command}: --${name} takes no value (got "${printable(arg.slice(equals + 1))}")`);
      value = true;
    } else if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`${command}: --${name} needs a value`);
      if (next.startsWith('--') && next.length > 2)
        throw new UsageError(
          `${command}: --${name} needs a value, but the next argument is the option ${printable(next)} (write --${name}=${printable(next)} if that is the value)`,
        );
      value = next;
      i++;
    }
    const earlier = values[name];
    if (def.multiple === true) {
      values[name] = [...((earlier as string[] | undefined) ?? []), value as string];
    } else {
      if (earlier !== undefined) {
        const both = def.type === 'boolean' ? '' : ` ("${printable(String(earlier))}" and "${printable(String(value))}")`;
        throw new UsageError(`${command}: --${name} is given twice${both}; it takes one value`);
      }
      values[name] = value;
    }
  }
  for (const name of names) {
    const fallback = options[name]!.default;
    if (values[name] === undefined && fallback !== undefined)
      values[name] = Array.isArray(fallback) ? [...(fallback as string[])] : (fallback as string | boolean);
  }
  if (!allowPositionals && positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${printable(positionals[0]!)}"; this command takes only options ${seeHelp(command)}`);
  }
  return { values: values as OptionValues<O>, positionals };
}

export function requireString(command: string, value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${command}: --${flag} is required`);
  if (value === '') throw new UsageError(`${command}: --${flag} is empty`);
  return value;
}

/** The largest integer a flag accepts unless it says otherwise: the largest a double holds exactly (2^53 - 1). */
export const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

/** Reads a whole-number flag between min and max, naming the flag, the range and the value when it is not one. */
export function integerFlag(command: string, value: string | undefined, flag: string, fallback: number, min = 0, max = MAX_INTEGER): number {
  if (value === undefined) return fallback;
  const range = max === MAX_INTEGER ? `${min} or more (at most ${MAX_INTEGER})` : `from ${min} to ${max}`;
  const number = /^-?[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${command}: --${flag} must be a whole number ${range}, got "${printable(value)}"`);
  }
  return number;
}

/** A comma-separated list; an empty element (`1,,2`, a trailing comma) is refused rather than dropped. */
export function listFlag(command: string, value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    throw new UsageError(`${command}: --${flag} has an empty element in "${printable(value)}"; write the values separated by single commas`);
  }
  return parts;
}
