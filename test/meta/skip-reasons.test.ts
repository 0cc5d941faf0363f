import { describe, expect, it } from 'vitest';
import { skipReason, summarizeSkips } from '../support/skip-reasons.js';

describe('the skip-reason reporter', () => {
  it('reads the reason from a note, a "(skipped: ...)" title, or an ancestor suite', () => {
    expect(skipReason('t', [], 'chromium not installed')).toBe('chromium not installed');
    expect(skipReason('reads x (skipped: /data/x.jsonl not found; set RF_SHARED_DATA)', [], undefined)).toBe('/data/x.jsonl not found; set RF_SHARED_DATA');
    expect(skipReason('case', ['outer (skipped: no GSM8K (see README))'], undefined)).toBe('no GSM8K (see README)');
    expect(skipReason('plain title', ['plain suite'], undefined)).toBeNull();
  });

  it('summarises one line per reason, and names tests that gave none', () => {
    expect(
      summarizeSkips([
        { reason: 'no data', where: 'a.test.ts: one' },
        { reason: 'no data', where: 'a.test.ts: two' },
        { reason: null, where: 'b.test.ts: three' },
      ]),
    ).toEqual(['Skipped 3 test(s):', '  2 × no data', '  1 × no reason given (b.test.ts: three)']);
    expect(summarizeSkips([])).toEqual([]);
  });
});
