import { describe, expect, it } from 'vitest';
import { CORRECT } from '../../src/score/sample-store.js';
import { judgeLines, type AnswerKey } from '../../src/score/judge-lines.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';

describe('judgeLines', () => {
  it("reads each item's reference in its own form: a rounded reference accepts the exact value it rounds, an exact one does not", () => {
    // Score workers judge through judgeLines, so the form must travel in the key, not only in the dataset.
    const key: AnswerKey = { index: new Map([['rounded', 0], ['exact', 1]]), answers: ['4.33', '4.33'], references: ['rounded', 'exact'] };
    const lines = ['rounded', 'exact'].map((id) => JSON.stringify({ id, output: 'So the answer is 13/3.' }));
    const batch = judgeLines(lines, key, verifierJudge(), null);
    expect([...batch.item]).toEqual([0, 1]);
    expect([...batch.flags].map((flags) => (flags & CORRECT) !== 0)).toEqual([true, false]);
  });
});
