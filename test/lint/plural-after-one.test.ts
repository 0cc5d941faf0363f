import { describe, expect, it } from 'vitest';
import { pluralAfterOne } from '../../src/lint/plural-after-one.js';

const phrases = (text: string) => pluralAfterOne(text).map((s) => s.phrase);

describe('pluralAfterOne', () => {
  it.each([
    ['Kai packed 1 boxes.', '1 boxes'],
    ['The truck must make 1 more trips.', '1 more trips'],
    ['So 6 / 6 = <<6/6=1>>1 pounds.', '1 pounds'],
    ['The gap is 4 - 3 = 1 points.', '1 points'],
    ['There were 1 people at the stall.', '1 people'],
    ['She bought one chairs.', 'one chairs'],
    ['He went around 1 times.', '1 times'],
  ])('finds the slip in %j', (text, phrase) => {
    expect(phrases(text)).toEqual([phrase]);
  });

  it.each([
    'Kai packed 21 boxes and 11 crates.',
    'Kai packed 1 box.',
    'The pool lost 1.5 litres, then 1.0 litres.',
    'The ratio has 2 + 1 parts, and each trip carried 31 - 1 visitors.',
    'She paid with $1 coins and €1 notes.',
    'He took 1 bus, 1 glass, 1 series of lessons and 1 species of fern.',
    'Each one costs 3 dollars; no one knows.',
    'Box 1 holds 5 apples and day 1 has 3 hours of rain.',
    'It took 1 1/2 hours and 1 of the boxes was lost.',
    'The rope is 1 cm thick, and 1/2 litres is split.',
    'It was 1 kilogram and one more lap.',
  ])('says nothing of %j', (text) => {
    expect(phrases(text)).toEqual([]);
  });
});
