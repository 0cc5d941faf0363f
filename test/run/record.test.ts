import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../src/prompt/index.js';
import { identityDifference, publicEndpoint, readRunRecord, recordPath, type RunIdentity } from '../../src/run/record.js';
import { requestSeed } from '../../src/run/seed.js';
import { tempDir } from '../support/cli.js';

const identity: RunIdentity = {
  model: 'm',
  api: 'chat',
  sampling: { temperature: 0.6, top_p: 1, max_tokens: 512, seed: 1, stop: null },
  prompt: { source: 'default', template: DEFAULT_TEMPLATE.text, template_sha256: DEFAULT_TEMPLATE.sha256, fewshot: null },
  dataset: { file: 'd.jsonl', sha256: 'a'.repeat(64), items: 3 },
};

describe('the run record', () => {
  it('keeps user names and passwords in an endpoint URL out of what it writes', () => {
    expect(publicEndpoint('https://user:s3cret@api.example.com/v1/')).toBe('https://api.example.com/v1');
    expect(publicEndpoint('http://127.0.0.1:8000/v1')).toBe('http://127.0.0.1:8000/v1');
  });

  it('names the first difference that stops a session from appending, and lets --samples and the endpoint change', () => {
    expect(identityDifference(identity, identity)).toBeNull();
    expect(identityDifference(identity, { ...identity, sampling: { ...identity.sampling, top_p: 0.9 } })).toBe(
      'was made with --top-p 1, and this run asks 0.9',
    );
    expect(identityDifference(identity, { ...identity, prompt: { ...identity.prompt, fewshot: { file: 't', sha256: null, seed: 0, ids: ['x'] } } })).toBe(
      'was made with the few-shot examples [], and this run asks ["x"]',
    );
    expect(identityDifference(identity, { ...identity, dataset: { ...identity.dataset, file: 'elsewhere.jsonl' } })).toBeNull();
  });

  it('refuses a record it cannot read, naming it', () => {
    const out = join(tempDir('record'), 'p.jsonl');
    writeFileSync(recordPath(out), '{"format": "something-else"}');
    expect(() => readRunRecord(out)).toThrow(/p\.jsonl\.run\.json: not a reasonforge-run record of version 1/);
    writeFileSync(recordPath(out), '{oops');
    expect(() => readRunRecord(out)).toThrow(/p\.jsonl\.run\.json: not valid JSON/);
    expect(readRunRecord(join(tempDir('record'), 'none.jsonl'))).toBeNull();
  });
});

describe('requestSeed', () => {
  it('is the same for the same request and differs between items, samples and run seeds, below 2^31', () => {
    const seeds = [requestSeed(1, 'a', 0), requestSeed(1, 'a', 1), requestSeed(1, 'b', 0), requestSeed(2, 'a', 0)];
    expect(new Set(seeds).size).toBe(4);
    expect(requestSeed(1, 'a', 0)).toBe(seeds[0]);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
  });
});
