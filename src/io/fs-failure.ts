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
