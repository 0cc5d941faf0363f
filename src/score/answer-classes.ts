import type { Votes } from './maj-at-k.js';

/**
 * Groups one item's extracted answers into equivalence classes for majority
 * voting. Answers with the same normalised text are one class without asking;
 * distinct texts are compared with `same` (the verifier's equivalence, tried
 * both ways because its rounding tolerance is one-sided) against the first
 * answer of each existing class, and join the first class that matches.
 * Classes are numbered in order of first appearance.
 *
 * A class is right when its first answer was judged right: members of one
 * class agree with each other, and the first member decides for all of them,
 * so that a vote is never split into a right and a wrong half.
 */
export function answerClasses(
  answers: ArrayLike<number>,
  correct: ArrayLike<number>,
  textOf: (answer: number) => string,
  same: (a: string, b: string) => boolean,
): Votes {
  const n = answers.length;
  const votes = new Int32Array(n);
  const classOfAnswer = new Map<number, number>();
  const representatives: string[] = [];
  const classCorrect: number[] = [];
  for (let i = 0; i < n; i++) {
    const answer = answers[i]!;
    if (answer < 0) {
      votes[i] = -1;
      continue;
    }
    let cls = classOfAnswer.get(answer);
    if (cls === undefined) {
      const text = textOf(answer);
      cls = representatives.findIndex((rep) => same(text, rep) || same(rep, text));
      if (cls < 0) {
        cls = representatives.length;
        representatives.push(text);
        classCorrect.push(correct[i]! ? 1 : 0);
      }
      classOfAnswer.set(answer, cls);
    }
    votes[i] = cls;
  }
  return { votes, classCorrect: Uint8Array.from(classCorrect) };
}
