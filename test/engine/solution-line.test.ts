import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import type { GeneratedVariant } from '../../src/engine/variants.js';
import { compileWordedPunch } from '../support/spec.js';

describe('a solution line with a worded calculation', () => {
  const template = compileWordedPunch();
  const records = (variant: GeneratedVariant) => Array.from({ length: 80 }, (_, set) => generateOne(template, 3, 'test', set, variant));

  it('takes the singular after a result of 1 and the plural after any other, decimals included', () => {
    const lines = [...records('base'), ...records('decimal'), ...records('fraction')].map((r) => ({ step: r.steps[1]!, line: r.solution.split('\n')[1]! }));
    const ones = lines.filter(({ step }) => step.value === '1');
    const others = lines.filter(({ step }) => step.value !== '1');
    expect(ones.length).toBeGreaterThan(0);
    expect(others.some(({ step }) => step.value.includes('.') || step.value.includes('/'))).toBe(true);
    for (const { step, line } of ones) {
      expect(line).toMatch(/ = <<[^>]+=1>>1 litre\.$/);
      expect(step.text).toMatch(/ = 1 litre\.$/);
    }
    for (const { step, line } of others) {
      expect(line.endsWith(`>>${step.value} litres.`)).toBe(true);
      expect(step.text.endsWith(` = ${step.value} litres.`)).toBe(true);
    }
  });
});
