import { describe, expect, it } from 'vitest';
import { dropDegrees, splitLetterWords } from '../../src/verify/answer-words.js';
import { tokenize } from '../../src/verify/tokens.js';

const texts = (tokens: ReturnType<typeof tokenize>): string[] => tokens!.map((t) => (t.t === 'num' ? t.whole : t.text));

describe('the words around an answer', () => {
  it('drops the degree sign and its ^', () => {
    expect(texts(dropDegrees(tokenize('30^°')!))).toEqual(['30']);
    expect(texts(dropDegrees(tokenize('30^(°)')!))).toEqual(['30']);
    expect(texts(dropDegrees(tokenize('30°')!))).toEqual(['30']);
  });

  it('splits short words standing as factors into one-letter variables, and nothing else', () => {
    expect(texts(splitLetterWords(tokenize('2pq')!))).toEqual(['2', 'p', 'q']);
    expect(texts(splitLetterWords(tokenize('x = ab')!))).toEqual(['x', '=', 'a', 'b']);
    expect(texts(splitLetterWords(tokenize('5km')!))).toEqual(['5', 'km']);
    expect(texts(splitLetterWords(tokenize('5 apples')!))).toEqual(['5', 'apples']);
    expect(texts(splitLetterWords(tokenize('AB = 4')!))).toEqual(['AB', '=', '4']);
    expect(texts(splitLetterWords(tokenize('2sin')!))).toEqual(['2', 'sin']);
  });
});
