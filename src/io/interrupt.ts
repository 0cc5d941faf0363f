import { rmSync } from 'node:fs';

/**
 * Paths that exist only while a write is under way (temporary files and
 * folders), removed if the process is interrupted before it finishes: a
 * stopped command leaves nothing behind. Every atomic write registers its
 * temporary path here, so one handler covers every command.
 *
 * The handlers are installed only while something is registered (and for two
 * turns of the event loop after: see `update`), and only in a process that
 * asked for them with `cleanUpOnSignals`, as the CLI does. The rest of the
 * time a signal keeps its default effect, so a long computation that writes
 * nothing still stops at once.
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

let removalScheduled = false;

function wanted(): boolean {
  return enabled && pending.size > 0;
}

function setInstalled(want: boolean): void {
  for (const signal of SIGNALS) {
    if (want) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  installed = want;
}

/**
 * Installs the handlers at once, but removes them only two turns of the event
 * loop later: a signal that arrived during the synchronous write that just
 * released the last path is still queued in the loop, and removing the last
 * listener now would drop it (Node stops watching the signal), so the user's
 * Ctrl-C would be lost. Delivered meanwhile, it stops the process as the
 * default would have. Two turns, because on Node 20 a signal is delivered in
 * the first turn only if the loop was already watching for it; when the
 * handlers were installed in the same synchronous stretch (a whole atomic
 * write without an await), it comes in the second.
 */
function update(): void {
  if (wanted() === installed) return;
  if (!installed) return setInstalled(true);
  if (removalScheduled) return;
  removalScheduled = true;
  const removeIfStillUnwanted = () => {
    removalScheduled = false;
    if (installed && !wanted()) setInstalled(false);
  };
  setImmediate(() => setImmediate(removeIfStillUnwanted).unref()).unref();
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
