import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import type { Env } from '../../src/expr/types.js';
import { numberWords } from '../../src/template/format.js';
import { makeEntity } from '../../src/template/pools.js';
import { compileText, TextError, type Calculation, type TextSymbol } from '../../src/template/text.js';

const maya = makeEntity('Maya', { pronoun: 'she' });
const apple = makeEntity('apple', { plural: 'apples' });
const symbols: Record<string, TextSymbol> = {
  kid: { kind: 'entity', slot: 0, fields: Object.keys(maya.text) },
  fruit: { kind: 'entity', slot: 1, fields: Object.keys(apple.text) },
  n: { kind: 'num', slot: 2, format: { kind: 'plain' } },
  price: { kind: 'num', slot: 3, format: { kind: 'fixed', places: 2 } },
  share: { kind: 'num', slot: 4, format: { kind: 'plain' } },
  one: { kind: 'num', slot: 5, format: { kind: 'plain' } },
  third: { kind: 'num', slot: 6, format: { kind: 'plain' } },
};
const env: Env = [maya, apple, 3, N.numFrom('2.5'), N.numFrom('3/4'), 1, N.numFrom('1/3')];
const render = (source: string, calc?: Calculation) => compileText(source, (name) => symbols[name]).render(env, calc);

describe('template text', () => {
  it.each([
    ['{kid} has {n} {fruit.plural}.', 'Maya has 3 apples.'],
    ['{kid.Subj} gave {kid.poss} {fruit} to {kid.reflex}.', 'She gave her apple to herself.'],
    ['{fruit.Plural} cost {price} each, or {price|money}.', 'Apples cost 2.50 each, or 2.50.'],
    ['{n|money} and {n|fixed:1}', '3 and 3.0'],
    ['{share|frac} is {share|percent} of it? no: {share}', '3/4 is 0.75% of it? no: 0.75'],
    ['the {n|ordinal} of {n|words}, {n|times}', 'the 3rd of three, 3 times'],
    ['{one|count:fruit} and {n|count:fruit}; {one|times}', '1 apple and 3 apples; once'],
    ['literal {{braces}} stay', 'literal {braces} stay'],
    ['{one|noun:paper bag:paper bags}, {n|noun:litre:litres}, {price|noun:metre:metres}', '1 paper bag, 3 litres, 2.50 metres'],
  ])('renders %s', (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('puts the calculation where {=} stands', () => {
    expect(render('So {kid} has {=} {fruit.plural}.', { shown: '3 * 4 = <<3*4=12>>12', value: 12 })).toBe('So Maya has 3 * 4 = <<3*4=12>>12 apples.');
  });

  it.each([
    [1, 'pound'],
    [0, 'pounds'],
    [2, 'pounds'],
    ['1.5', 'pounds'],
    ['0.5', 'pounds'],
    ['1/2', 'pounds'],
  ])('words a calculation worth %s with {=|noun:...} as "%s"', (value, noun) => {
    const calc = { shown: 'CALC', value: N.numFrom(value) };
    expect(render('It cost {=|noun:pound:pounds}.', calc)).toBe(`It cost CALC ${noun}.`);
  });

  it("words a calculation with an entity's name or plural through {=|count:...}, as {n|count:...} words a number", () => {
    const text = compileText('{kid} has {=|count:fruit}.', (name) => symbols[name]);
    expect(text.render(env, { shown: '4 - 3 = <<4-3=1>>1', value: 1 })).toBe('Maya has 4 - 3 = <<4-3=1>>1 apple.');
    expect(text.render(env, { shown: '2 * 3 = <<2*3=6>>6', value: 6 })).toBe('Maya has 2 * 3 = <<2*3=6>>6 apples.');
    expect(text.uses).toEqual(['kid', 'fruit']);
    expect(text.calcCount).toBe(1);
    expect(compileText('{=|noun:more bag:more bags}', (name) => symbols[name]).calcCount).toBe(1);
  });

  it('allows a worded calculation only where a calculation goes', () => {
    expect(() => render('It cost {=|noun:pound:pounds}.')).toThrow('{=|noun:pound:pounds} is only allowed in solution lines');
    expect(() => render('{kid} has {=|count:fruit}.')).toThrow(/only allowed in solution lines/);
  });

  it('records the variables used and the numbers shown', () => {
    const text = compileText('{kid} has {n} {fruit.plural} at {price|money}.', (name) => symbols[name]);
    expect(text.uses).toEqual(['kid', 'n', 'fruit', 'price']);
    expect(text.numericSlots).toEqual([2, 3]);
  });

  it('refuses to round a number it cannot show exactly', () => {
    expect(render('{share|money}')).toBe('0.75');
    expect(() => render('{third|money}')).toThrow('money cannot show 1/3 with 2 decimal places without rounding');
    expect(render('{third}')).toBe('1/3');
    expect(() => render('{price|fixed:0}')).toThrow(/without rounding/);
  });

  it.each([
    ['{kid', /unclosed/],
    ['kid}', /unmatched/],
    ['{Kid}', /malformed placeholder/],
    ['{nobody}', /unknown variable "nobody"/],
    ['{kid|money}', /filters apply to numbers/],
    ['{n.plural}', /has no field "plural"/],
    ['{n|count:n}', /count needs an entity with a plural/],
    ['{n|dance}', /unknown filter "dance"/],
    ['{kid|noun:a:b}', /noun needs a number/],
    ['{=|count:kid}', /count needs an entity with a plural/],
    ['{=|count:nobody}', /count needs an entity with a plural/],
    ['{=|noun:Pound:pounds}', /a calculation is \{=\}, \{=\|noun:bag:bags\} or \{=\|count:item\}/],
    ['{=|noun:pound}', /malformed placeholder/],
    ['{=|money}', /malformed placeholder/],
  ])('refuses %s', (source, message) => {
    expect(() => compileText(source, (name) => symbols[name])).toThrow(TextError);
    expect(() => compileText(source, (name) => symbols[name])).toThrow(message);
  });

  it('spells numbers up to one hundred', () => {
    expect([0, 7, 13, 20, 42, 99, 100].map(numberWords)).toEqual(['zero', 'seven', 'thirteen', 'twenty', 'forty-two', 'ninety-nine', 'one hundred']);
    expect(() => numberWords(101)).toThrow(RangeError);
  });
});

describe('number formats and filters for clocks, mixed units and fractions', () => {
  const show = (value: number | string, source: string) => {
    const only: Record<string, TextSymbol> = { x: { kind: 'num', slot: 0, format: { kind: 'plain' } } };
    return compileText(source, (name) => only[name]).render([N.numFrom(value)]);
  };

  it.each([
    [0, '{x|clock}', 'midnight'],
    [720, '{x|clock}', 'noon'],
    [545, '{x|clock}', '9:05 a.m.'],
    [750, '{x|clock}', '12:30 p.m.'],
    [1439 + 61, '{x|clock}', '1:00 a.m.'],
    [135, '{x|hm}', '2 hours 15 minutes'],
    [45, '{x|hm}', '45 minutes'],
    [60, '{x|hm}', '1 hour'],
    [61, '{x|hm}', '1 hour 1 minute'],
    [320, '{x|mcm}', '3 metres 20 centimetres'],
    [2500, '{x|kgg}', '2 kilograms 500 grams'],
    [0, '{x|weekday}', 'Monday'],
    [9, '{x|weekday}', 'Wednesday'],
    [12, '{x|month}', 'December'],
    [13, '{x|month}', 'January'],
  ])('shows %s through %s as %s', (value, source, expected) => {
    expect(show(value, source)).toBe(expected);
  });

  it('refuses what a clock or a mixed unit cannot show', () => {
    expect(() => show('2.5', '{x|hm}')).toThrow(/hm needs a whole number/);
    expect(() => show(-5, '{x|mcm}')).toThrow(/needs a quantity/);
  });

  it('shows fractions as mixed numbers or in words, through a per-render override', () => {
    const text = compileText('{x} hours', () => ({ kind: 'num', slot: 0, format: { kind: 'plain' } }));
    const at = (value: string, kind: 'mixed' | 'fraction-words') => text.render([N.numFrom(value)], undefined, new Map([[0, { kind }]]));
    expect(text.render([N.numFrom('7/2')])).toBe('3.5 hours');
    expect(at('7/2', 'mixed')).toBe('3 1/2 hours');
    expect(at('2/3', 'mixed')).toBe('2/3 hours');
    expect(at('7/2', 'fraction-words')).toBe('three and a half hours');
    expect(at('3/4', 'fraction-words')).toBe('three quarters hours');
    expect(at('11/5', 'fraction-words')).toBe('2 1/5 hours');
  });
});
