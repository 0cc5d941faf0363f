import { readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ReasonforgeError } from '../errors.js';

/**
 * Every check a path given on the command line needs, in one place, so that
 * each command refuses the same mistakes with the same words before it does
 * any work: an empty name, `-` where a stream cannot go, a folder where a file
 * belongs (and the reverse), a missing parent folder, and an existing output
 * without --force.
 *
 * `-` means standard input for every file a command reads and standard output
 * for every single file it writes; a command decides that before calling
 * these, and a folder can never be `-`.
 */
export const STDIO = '-';

function usage(message: string, flag: string | undefined): ReasonforgeError<'usage'> {
  return new ReasonforgeError('usage', flag === undefined ? message : `${flag}: ${message}`);
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export interface OutputCheck {
  /** Replace an existing file (or the contents of an existing folder). */
  readonly force?: boolean;
  /** The option that named the path, for messages: `--out`. */
  readonly flag?: string;
}

/** A file about to be written atomically: throws unless the write can start. */
export function checkOutputFile(path: string, options: OutputCheck = {}): void {
  if (path === '') throw usage('the file name is empty', options.flag);
  if (path === STDIO) throw usage('"-" (standard output) cannot be used here; give a file name', options.flag);
  const stat = statOf(path);
  if (stat?.isDirectory()) throw new ReasonforgeError('output-path', 'is a folder; give a file name (inside it, if you like)', { file: path });
  // A finished file is renamed over the target: over a device or a pipe (/dev/null, a FIFO) that would replace it.
  if (stat !== null && !stat.isFile()) {
    throw new ReasonforgeError('output-path', 'is not a regular file (a device, pipe or socket); give a file name, or --out - for standard output', {
      file: path,
    });
  }
  checkParent(path);
  if (stat !== null && options.force !== true) throw new ReasonforgeError('file-exists', 'already exists; pass --force to replace it', { file: path });
}

/** A folder an export fills: it may exist (empty, or with --force to replace what it holds); its parent folders are made. */
export function checkOutputFolder(path: string, options: OutputCheck = {}): void {
  if (path === '') throw usage('the folder name is empty', options.flag);
  if (path === STDIO) throw usage('"-" (standard output) cannot hold a folder; give a folder name', options.flag);
  const stat = statOf(path);
  if (stat === null) {
    // Missing folders are made, but not through a file.
    for (let parent = dirname(resolve(path)); ; parent = dirname(parent)) {
      const above = statOf(parent);
      if (above !== null) {
        if (!above.isDirectory()) throw new ReasonforgeError('output-path', `${parent} is a file, so the folder cannot be made`, { file: path });
        break;
      }
      if (parent === dirname(parent)) break;
    }
    return;
  }
  if (!stat.isDirectory()) throw new ReasonforgeError('output-path', 'is a file; give a folder name', { file: path });
  if (readdirSync(path).length > 0 && options.force !== true) {
    throw new ReasonforgeError('file-exists', 'the folder is not empty; pass --force to replace its contents', { file: path });
  }
}

/** A file about to be read: it exists and is not a folder (`-` is standard input and always passes). */
export function checkInputFile(path: string, options: { flag?: string } = {}): void {
  if (path === '') throw usage('the file name is empty', options.flag);
  if (path === STDIO) return;
  const stat = statOf(path);
  if (stat === null) throw new ReasonforgeError('file-missing', 'no such file', { file: path });
  if (stat.isDirectory()) throw new ReasonforgeError('input-path', 'is a folder; give a file', { file: path });
}

/** A folder about to be read (templates, a GSM-Symbolic release). */
export function checkInputFolder(path: string, options: { flag?: string } = {}): void {
  if (path === '' || path === STDIO) throw usage(path === '' ? 'the folder name is empty' : '"-" (standard input) cannot be a folder', options.flag);
  const stat = statOf(path);
  if (stat === null) throw new ReasonforgeError('file-missing', 'no such folder', { file: path });
  if (!stat.isDirectory()) throw new ReasonforgeError('input-path', 'is a file; give a folder', { file: path });
}

function checkParent(path: string): void {
  const parent = dirname(resolve(path));
  const stat = statOf(parent);
  if (stat === null) throw new ReasonforgeError('output-path', `cannot be written: its folder ${parent} does not exist`, { file: path });
  if (!stat.isDirectory()) throw new ReasonforgeError('output-path', `cannot be written: ${parent} is a file, not a folder`, { file: path });
}
