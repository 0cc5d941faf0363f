import { rmSync } from 'node:fs';

/**
 * Paths that exist only while a write is under way (temporary files and
 * folders), removed if the process is interrupted before it finishes: a
 * stopped command leaves nothing behind. Every atomic write registers its
 * temporary path here, so one handler covers every command.
 *
 * The handlers are installed only while something is registered (and only in
 * a process that asked for them with `cleanUpOnSignals`, as the CLI does):
 * the rest of the time a signal keeps its default effect, so a long
 * computation that writes nothing still stops at once.
 */
const pending = new Set<string>();

/** The exit codes shells use for a process stopped by these signals: 128 + the signal's number. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;
const SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[];

let enabled = false;
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  process.exit(SIGNAL_EXIT_CODES[signal as HandledSignal]);
}

/** Removes every registered path now; the registry is empty afterwards. */
export function removePending(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
  update();
}

function update(): void {
  const want = enabled && pending.size > 0;
  if (want === installed) return;
  for (const signal of SIGNALS) {
    if (want) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  installed = want;
}

/** Makes SIGINT, SIGTERM and SIGHUP remove every registered path and exit with 130, 143 or 129. */
export function cleanUpOnSignals(): void {
  enabled = true;
  update();
}

/** Registers a temporary path; call the returned function once it is renamed into place or removed. */
export function removeOnInterrupt(path: string): () => void {
  pending.add(path);
  update();
  return () => {
    pending.delete(path);
    update();
  };
}

/** The paths registered now (for tests). */
export function pendingPaths(): readonly string[] {
  return [...pending];
}

/**
 * Lets the event loop run, so that a signal that arrived during a long
 * synchronous stretch is handled: a loop that writes a temporary file and
 * never awaits real I/O calls this now and then.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
