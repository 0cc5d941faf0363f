import { ReasonforgeError } from '../../src/errors.js';

/** The ReasonforgeError `run` throws; fails the test if it throws nothing, rethrows anything else. */
export function reasonforgeErrorOf(run: () => unknown): ReasonforgeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReasonforgeError) return error;
    throw error;
  }
  throw new Error('expected a ReasonforgeError, and nothing was thrown');
}
