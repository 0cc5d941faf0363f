/**
 * When and how long to wait before trying a request again. Exponential
 * backoff with full jitter (a uniform delay up to base * 2^attempt, capped):
 * many concurrent requests that failed together do not retry together. A
 * server's Retry-After is honoured as given (it knows when it will have room),
 * up to MAX_RETRY_AFTER_MS. The clock and the random source are injected, so
 * tests check the delays without waiting for them.
 */
export interface RetryPolicy {
  /** Attempts per request in all, the first included (retries + 1). */
  readonly attempts: number;
  /** Upper bound of the first backoff, in ms; each further one doubles it. */
  readonly baseDelayMs: number;
  /** Cap of the exponential backoff, in ms. */
  readonly maxDelayMs: number;
  /** A uniform number in [0, 1), for the jitter. */
  readonly random: () => number;
  /** Waits `ms`, or rejects with the signal's reason when it aborts first. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A server asking for longer than this is waited on for this long, then asked again. */
export const MAX_RETRY_AFTER_MS = 300_000;

export const DEFAULT_RETRIES = 6;
export const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 30_000;

/** The delay before retry number `retry` (0 for the first retry). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

/**
 * Retry-After in milliseconds: delay-seconds (RFC 9110; a decimal is
 * accepted, as some servers send one) or an HTTP date; null when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its weekday and month; V8 would also read "-3" or "2026" as dates.
  if (!/[A-Za-z]{3}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** The real sleep: a timer that an abort cancels. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    attempts: DEFAULT_RETRIES + 1,
    baseDelayMs: DEFAULT_BASE_DELAY_MS,
    maxDelayMs: DEFAULT_MAX_DELAY_MS,
    random: Math.random,
    sleep: abortableSleep,
    ...overrides,
  };
}
