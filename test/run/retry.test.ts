import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/run/retry.js';

const policy = (random: number) => ({ baseDelayMs: 500, maxDelayMs: 30_000, random: () => random });

describe('backoffDelay', () => {
  it('doubles its ceiling with every retry, up to the cap, and jitters below it', () => {
    expect([0, 1, 2, 3, 10].map((retry) => backoffDelay(retry, policy(0.999999), null))).toEqual([499, 999, 1999, 3999, 29_999]);
    expect(backoffDelay(3, policy(0.5), null)).toBe(2000);
    expect(backoffDelay(3, policy(0), null)).toBe(0);
  });

  it('honours Retry-After as given, up to five minutes', () => {
    expect(backoffDelay(0, policy(0.9), 7000)).toBe(7000);
    expect(backoffDelay(5, policy(0.9), 0)).toBe(0);
    expect(backoffDelay(0, policy(0.9), 3_600_000)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    [' 12 ', 12_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
  ])('reads %j as %d ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it.each([null, '', 'soon', '-3'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});

describe('abortableSleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    await expect(abortableSleep(10, controller.signal)).rejects.toThrow('stop');
  });
});
