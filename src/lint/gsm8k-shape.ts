import { readFileSync } from 'node:fs';

/** GSM8K's shape, read from its JSONL: every final answer and the number of <<...>> steps of every solution. */
export interface ReferenceShape {
  readonly answers: readonly number[];
  readonly steps: readonly number[];
}

export function readGsm8kShape(file: string): ReferenceShape {
  const answers: number[] = [];
  const steps: number[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const solution = (JSON.parse(line) as { answer: string }).answer;
    answers.push(
      Number(
        solution
          .slice(solution.lastIndexOf('####') + 4)
          .trim()
          .replace(/,/g, ''),
      ),
    );
    steps.push(solution.split('<<').length - 1);
  }
  return { answers, steps };
}
