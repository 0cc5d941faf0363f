import { SIGNAL_EXIT_CODES as EXIT_CODES } from '../io/interrupt.js';

/**
 * Ctrl-C, kill and a closed terminal for `reasonforge run`, in one place so
 * that it can join the interrupt handling the other commands share. `run`
 * appends each response to its output as it arrives (no temporary file), so
 * there is nothing to clean up: the first signal aborts the run, which stops
 * sending, abandons the requests in flight, finishes the run record and
 * returns; the command then exits 128 + the signal's number (130 for SIGINT),
 * the codes of the shared interrupt handling (src/io/interrupt.ts).
 * A second signal exits at once: every line already written is on disk.
 */
type Handled = keyof typeof EXIT_CODES;

export interface SignalTrap {
  /** The exit code of the signal received, or null if none came. */
  readonly exitCode: () => number | null;
  readonly dispose: () => void;
}

export function abortOnSignals(controller: AbortController, onSignal: (signal: Handled) => void = () => {}): SignalTrap {
  let received: Handled | null = null;
  const handlers = (Object.keys(EXIT_CODES) as Handled[]).map((signal) => {
    const handler = () => {
      if (received !== null) process.exit(EXIT_CODES[received]);
      received = signal;
      onSignal(signal);
      controller.abort(new Error(`interrupted by ${signal}`));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    exitCode: () => (received === null ? null : EXIT_CODES[received]),
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
