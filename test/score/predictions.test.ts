import { describe, expect, it } from 'vitest';
import { parsePrediction } from '../../src/score/predictions.js';

/**
 * An lm-evaluation-harness --log_samples line for a generate_until task, in
 * the shape its evaluator writes (one line per document and filter; `resps`
 * holds one list per request, with one generation per repeat).
 */
function harnessLine(id: string, generations: string[], filter = 'strict-match'): Record<string, unknown> {
  return {
    doc_id: 0,
    doc: { id, question: 'How many?', answer: '4' },
    target: '4',
    arguments: { gen_args_0: { arg_0: 'Question: How many?\nAnswer:', arg_1: { until: ['Question:'] } } },
    resps: [generations],
    filtered_resps: [generations[0]?.split('#### ')[1] ?? '[invalid]'],
    filter,
    metrics: ['exact_match'],
    doc_hash: 'a'.repeat(64),
    prompt_hash: 'b'.repeat(64),
    target_hash: 'c'.repeat(64),
    exact_match: 1,
  };
}

describe('parsePrediction', () => {
  it('reads one sample per {"id", "output"} line and several per {"id", "outputs"} line', () => {
    expect(parsePrediction({ id: 'a', output: 'x', model: 'm' })).toEqual({ ok: true, line: { format: 'output', id: 'a', outputs: ['x'], filter: null } });
    expect(parsePrediction({ id: 'a', outputs: ['x', 'y'] })).toEqual({ ok: true, line: { format: 'outputs', id: 'a', outputs: ['x', 'y'], filter: null } });
    expect(parsePrediction({ id: 'a', output: '' })).toMatchObject({ ok: true });
  });

  it('reads an lm-evaluation-harness sample: our id from doc.id, the raw generations from resps, the filter kept', () => {
    const parsed = parsePrediction(harnessLine('t:test:1:0:base', ['#### 4', '#### 5'], 'flexible-extract'));
    expect(parsed).toEqual({ ok: true, line: { format: 'lm-eval', id: 't:test:1:0:base', outputs: ['#### 4', '#### 5'], filter: 'flexible-extract' } });
  });

  it('falls back to filtered_resps only when a harness line has no resps, and accepts lines without a filter (older harnesses)', () => {
    const line = harnessLine('x', ['#### 4']);
    delete line['resps'];
    delete line['filter'];
    expect(parsePrediction(line)).toEqual({ ok: true, line: { format: 'lm-eval', id: 'x', outputs: ['4'], filter: null } });
  });

  it.each([
    [[1, 2], 'must be a JSON object'],
    [{ output: 'x' }, '"id" must be a non-empty string'],
    [{ id: '', output: 'x' }, '"id" must be a non-empty string'],
    [{ id: 'a' }, 'no "output" or "outputs" field'],
    [{ id: 'a', output: 3 }, '"output" must be a string, got number'],
    [{ id: 'a', output: null }, '"output" must be a string, got null'],
    [{ id: 'a', output: 'x', outputs: ['y'] }, 'not both'],
    [{ id: 'a', outputs: [] }, 'non-empty array'],
    [{ id: 'a', outputs: ['x', 2] }, '"outputs"[1] must be a string'],
    [{ ...harnessLine('x', ['a']), doc: { question: 'q' } }, 'has no string "id"'],
    [{ ...harnessLine('x', ['a']), resps: [[[-1.5, false]]] }, 'was this a generate_until task?'],
  ])('rejects %j: %s', (value, message) => {
    const parsed = parsePrediction(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
