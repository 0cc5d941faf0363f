import { answerLineExample, selectFewshot } from '../prompt/index.js';
import type { ProblemRecord } from '../records/problem.js';
import { byVariant, jsonl } from './dataset.js';
import { provenanceLines, safeName } from './provenance.js';
import type { ExportedFile, ExportFormat, ExportInput } from './types.js';

/** An Inspect Sample as json_dataset reads it without a field mapping. */
function sample(record: ProblemRecord): Record<string, unknown> {
  return {
    id: record.id,
    input: record.question,
    target: record.answer,
    metadata: {
      template: record.template?.id ?? null,
      variant: record.variant.kind,
      set: record.set,
      base_id: record.base_id,
      split: record.split,
      answer_type: record.answer_type,
    },
  };
}

/**
 * Inspect AI: samples.jsonl in Sample form (input, target, id, metadata) and
 * a task file that reads it with json_dataset, asks for the answer on a last
 * `ANSWER:` line, scores with match(numeric=True) at the end of the output,
 * and reports accuracy per variant with grouped().
 */
export const inspect: ExportFormat = {
  name: 'inspect',
  summary: 'Inspect AI samples (json_dataset) and a task file',
  fewshot: 'prompt',
  build(input: ExportInput): ExportedFile[] {
    const name = safeName(input.name);
    const records = [...byVariant(input.dataset.records).values()].flat();
    const shots = input.fewshot === undefined ? [] : selectFewshot(input.dataset, input.fewshot, input.numFewshot ?? 5, input.fewshotSeed ?? 0);
    const fractions = records.some((r) => r.answer_type === 'fraction' || r.answer_type === 'unanswerable');
    const fewshotText = shots.map(answerLineExample).join('\n\n');
    const task = `"""Inspect AI task for a reasonforge dataset (made by reasonforge export --format inspect).

Run: inspect eval ${name}_task.py --model PROVIDER/MODEL
"""

from pathlib import Path

from inspect_ai import Task, task
from inspect_ai.dataset import json_dataset
from inspect_ai.scorer import accuracy, grouped, match, stderr
from inspect_ai.solver import generate, prompt_template

# Solved examples shown before each question (empty when exported without --fewshot).
FEWSHOT = ${JSON.stringify(fewshotText)}

PROMPT = (
    "Solve the following grade-school math problem. Show your reasoning, then give the "
    "final answer as a number on its own last line, in the form ANSWER: <number>.\\n\\n"
    + (FEWSHOT + "\\n\\n" if FEWSHOT else "")
    + "Question: {prompt}"
)


@task
def ${name}() -> Task:
    return Task(
        dataset=json_dataset(str(Path(__file__).parent / "samples.jsonl")),
        solver=[prompt_template(PROMPT), generate()],
        scorer=match(location="end", numeric=True),
        metrics=[grouped(accuracy(), "variant"), stderr()],
    )
`;
    return [
      { path: 'samples.jsonl', content: jsonl(records.map(sample)) },
      { path: `${name}_task.py`, content: task },
      {
        path: 'README.txt',
        content: [
          ...provenanceLines(input, 'inspect'),
          '',
          'Run (needs inspect_ai with grouped metrics):',
          `  cd ${input.outDir} && inspect eval ${name}_task.py --model PROVIDER/MODEL`,
          '',
          'samples.jsonl holds one Inspect Sample per item: input (the question), target (the canonical answer),',
          'id (the reasonforge item id) and metadata (template, variant, set, base_id, split, answer_type).',
          'The score is accuracy per variant (grouped by metadata.variant) with match(numeric=True) on the',
          'last number of the output.',
          ...(fractions ? ['Note: some answers are fractions or "unanswerable", which a numeric match cannot read; score those items with reasonforge.'] : []),
          shots.length > 0
            ? `Few-shot: ${shots.length} solved examples are written into the prompt (${shots.map((s) => s.id).join(', ')}), base items of distinct templates chosen with seed ${input.fewshotSeed ?? 0}.`
            : 'Zero-shot: no few-shot examples.',
          '',
        ].join('\n'),
      },
    ];
  },
};
