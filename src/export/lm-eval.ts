import { join } from 'node:path';
import { DEFAULT_TEMPLATE, FEWSHOT_DELIMITER, jinjaTemplate, selectFewshot, TARGET_DELIMITER } from '../prompt/index.js';
import type { ProblemRecord } from '../records/problem.js';
import { answerPatterns, REGEXES_TO_IGNORE } from './answers.js';
import { byVariant, canonicalSolution, jsonl } from './dataset.js';
import { provenanceLines, safeName } from './provenance.js';
import type { ExportedFile, ExportFormat, ExportInput } from './types.js';
import { toYaml } from './yaml.js';

/** One row of a data file: GSM8K's two fields, so prompts and few-shot targets read as the harness's gsm8k task, plus our ids. */
function row(record: ProblemRecord): Record<string, unknown> {
  return {
    id: record.id,
    question: record.question,
    answer: canonicalSolution(record),
    target: record.answer,
    variant: record.variant.kind,
    template: record.template?.id ?? null,
    set: record.set,
    base_id: record.base_id,
  };
}

/**
 * lm-evaluation-harness: one generate_until task per variant, each reading
 * its own JSON file through `dataset_path: json`, scored like the harness's
 * gsm8k task (the strict `#### N` and the flexible last-number filters, then
 * exact_match with the same ignore rules), and a group over them so the
 * harness prints per-variant accuracy in one table. Data paths are absolute,
 * because the datasets library reads them relative to the working directory.
 */
export const lmEval: ExportFormat = {
  name: 'lm-eval',
  summary: 'lm-evaluation-harness task YAMLs (one per variant) and a group',
  fewshot: 'prompt',
  build(input: ExportInput): ExportedFile[] {
    const name = safeName(input.name);
    const files: ExportedFile[] = [];
    // The examples are chosen here, once, and written in order as the whole train split; the harness's
    // first_n sampler then shows exactly these, in this order, as `reasonforge run` does.
    const shots = input.fewshot === undefined ? [] : selectFewshot(input.dataset, input.fewshot, input.numFewshot ?? 5, input.fewshotSeed ?? 0);
    const withShots = shots.length > 0;
    if (withShots) files.push({ path: 'data/train.jsonl', content: jsonl(shots.map(row)) });
    const tasks: string[] = [];
    const header = `Made by reasonforge export --format lm-eval from ${input.dataset.path}. Run: see README.txt.`;
    for (const [variant, records] of byVariant(input.dataset.records)) {
      const task = `${name}_${variant}`;
      tasks.push(task);
      const dataFile = `data/${variant}.jsonl`;
      files.push({ path: dataFile, content: jsonl(records.map(row)) });
      const patterns = answerPatterns([...records, ...shots]);
      const dataFiles: Record<string, string> = { test: join(input.outDir, dataFile) };
      if (withShots) dataFiles['train'] = join(input.outDir, 'data/train.jsonl');
      const config = {
        task,
        dataset_path: 'json',
        dataset_kwargs: { data_files: dataFiles },
        output_type: 'generate_until',
        ...(withShots && { training_split: 'train', fewshot_split: 'train', fewshot_config: { sampler: 'first_n' } }),
        test_split: 'test',
        doc_to_text: jinjaTemplate(DEFAULT_TEMPLATE),
        doc_to_target: '{{answer}}',
        target_delimiter: TARGET_DELIMITER,
        fewshot_delimiter: FEWSHOT_DELIMITER,
        metric_list: [
          {
            metric: 'exact_match',
            aggregation: 'mean',
            higher_is_better: true,
            ignore_case: true,
            ignore_punctuation: false,
            regexes_to_ignore: [...REGEXES_TO_IGNORE],
          },
        ],
        generation_kwargs: { until: ['Question:', '</s>', '<|im_end|>'], do_sample: false, temperature: 0.0 },
        repeats: 1,
        num_fewshot: shots.length,
        filter_list: [
          { name: 'strict-match', filter: [{ function: 'regex', regex_pattern: patterns.strict }, { function: 'take_first' }] },
          { name: 'flexible-extract', filter: [{ function: 'regex', group_select: -1, regex_pattern: patterns.flexible }, { function: 'take_first' }] },
        ],
        metadata: { version: 1 },
      };
      files.push({ path: `${task}.yaml`, content: toYaml(config, header) });
    }
    files.push({
      path: `${name}.yaml`,
      content: toYaml(
        {
          group: name,
          task: tasks,
          aggregate_metric_list: [{ metric: 'exact_match', aggregation: 'mean', weight_by_size: true, filter_list: ['strict-match', 'flexible-extract'] }],
          metadata: { version: 1 },
        },
        header,
      ),
    });
    files.push({
      path: 'README.txt',
      content: [
        ...provenanceLines(input, 'lm-eval'),
        '',
        'Run every variant (the group prints one row per variant task):',
        `  lm_eval --model hf --model_args pretrained=MODEL --include_path ${input.outDir} --tasks ${name}`,
        'or one variant:',
        `  lm_eval --model hf --model_args pretrained=MODEL --include_path ${input.outDir} --tasks ${tasks[0]}`,
        '',
        `Tasks: ${tasks.join(', ')}; group: ${name}.`,
        `Scoring follows the harness's gsm8k task: "strict-match" reads "#### N", "flexible-extract" the last number; exact_match ignores case, commas, dollar signs and a final full stop. Reference answers are canonical (72, 12.5, 7/3).`,
        withShots
          ? `Few-shot: the same ${shots.length} solved examples before every question (${shots.map((s) => s.id).join(', ')}), base items of distinct templates chosen with seed ${input.fewshotSeed ?? 0}; data/train.jsonl holds exactly these, and the first_n sampler keeps their order. Their worked solutions end in "#### N".`
          : 'No few-shot examples, so prompts are zero-shot (num_fewshot 0): read the flexible-extract score, since a model is not shown the "#### N" format.',
        'The data files are referenced by absolute path: move the folder and export again.',
        '',
      ].join('\n'),
    });
    return files;
  },
};
