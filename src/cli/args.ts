import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ReasonforgeError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends ReasonforgeError<'usage'> {
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * node:util's parseArgs, strict, with its errors turned into usage errors
 * that list the options the command does accept.
 */
type Parsed<O extends OptionSpec> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

export function parseCommandArgs<const O extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals = true,
): Parsed<O> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals }) as Parsed<O>;
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${reason}. Options: ${known}`);
  }
}

export function requireString(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${command}: --${flag} is required`);
  return value;
}

/** Reads a non-negative integer flag, naming the flag when the value is not one. */
export function integerFlag(command: string, value: string | undefined, flag: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`${command}: --${flag} must be an integer >= ${min}, got "${value}"`);
  }
  return Number(value);
}

export function listFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
