import { ReasonforgeError } from '../errors.js';

/**
 * What went wrong in a failed system call, in words a person reads: Node's
 * "ENOSPC: no space left on device, write" becomes "no space left on device
 * (ENOSPC)". Used where a write can fail for reasons outside reasonforge (a
 * full disk, a quota, a device error), so that the user sees one line naming
 * the file instead of a stack trace.
 */
export function describeFsFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1];
  if (code === undefined) return message;
  return words === undefined ? code : `${words} (${code})`;
}

/** The one-line error for a file that could not be written, naming it and why. */
export function unwritable(path: string, error: unknown): ReasonforgeError<'file-unwritable'> {
  return new ReasonforgeError('file-unwritable', `cannot be written: ${describeFsFailure(error)}`, { file: path });
}

/**
 * Runs `write`, a write to `path` that can fail for reasons outside
 * reasonforge (a full disk, a quota, a device error): such a failure is the
 * user's to fix, so it becomes one line naming the file, not a stack trace.
 */
export function writingTo<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw unwritable(path, error);
  }
}
