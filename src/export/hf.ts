import { checkFewshotDisjoint } from '../prompt/index.js';
import type { ProblemRecord, VariantId } from '../records/problem.js';
import { byVariant, jsonl } from './dataset.js';
import { generationCommand, provenanceLines, safeName } from './provenance.js';
import type { ExportedFile, ExportFormat, ExportInput } from './types.js';
import { toYaml } from './yaml.js';

/**
 * A record as a row with one Arrow type per column. Two fields change shape:
 * `bindings` (its keys differ by template and its values mix numbers and
 * exact strings) becomes a JSON string, and `variant` is split into its kind
 * and the lists it carries, always present.
 */
function row(record: ProblemRecord): Record<string, unknown> {
  return {
    id: record.id,
    question: record.question,
    answer: record.answer,
    answer_type: record.answer_type,
    solution: record.solution,
    steps: record.steps,
    template_id: record.template?.id ?? null,
    template_version: record.template?.version ?? null,
    variant: record.variant.kind,
    inserted: record.variant.inserted ?? [],
    changed: record.variant.changed ?? [],
    base_id: record.base_id,
    set: record.set,
    split: record.split,
    seed: record.seed,
    bindings: JSON.stringify(record.bindings),
    difficulty: record.difficulty,
    generator_version: record.generator.version,
    source: record.source === undefined ? null : JSON.stringify(record.source),
  };
}

const string = { dtype: 'string' };
const int64 = { dtype: 'int64' };

/** The features of a row, in the card's dataset_info form. */
export const FEATURES = [
  { name: 'id', ...string },
  { name: 'question', ...string },
  { name: 'answer', ...string },
  { name: 'answer_type', ...string },
  { name: 'solution', ...string },
  {
    name: 'steps',
    list: [
      { name: 'text', ...string },
      { name: 'expr', ...string },
      { name: 'value', ...string },
    ],
  },
  { name: 'template_id', ...string },
  { name: 'template_version', ...int64 },
  { name: 'variant', ...string },
  {
    name: 'inserted',
    list: [
      { name: 'kind', ...string },
      { name: 'id', ...string },
      { name: 'after', ...int64 },
      { name: 'text', ...string },
    ],
  },
  { name: 'changed', sequence: 'string' },
  { name: 'base_id', ...string },
  { name: 'set', ...int64 },
  { name: 'split', ...string },
  { name: 'seed', ...int64 },
  { name: 'bindings', ...string },
  {
    name: 'difficulty',
    struct: [
      { name: 'steps', ...int64 },
      { name: 'operations', ...int64 },
      { name: 'max_number', dtype: 'float64' },
    ],
  },
  { name: 'generator_version', ...string },
  { name: 'source', ...string },
] as const;

const FIELD_DOCS: readonly (readonly [string, string])[] = [
  [
    'id',
    'Item id. Generated items: `<template>:<split>:<seed>:<set>:<variant>`, enough to regenerate the item; imported items are named after their source (`gsm-plus/test:12`).',
  ],
  ['question', 'The problem text given to the model.'],
  [
    'answer',
    'The exact answer in canonical form: an integer (`72`), a terminating decimal without trailing zeros (`12.5`), a reduced fraction (`7/3`), or `unanswerable`.',
  ],
  ['answer_type', '`integer`, `decimal`, `fraction` or `unanswerable`.'],
  ['solution', 'A worked solution in GSM8K format: lines with `<<expr=value>>` calculator annotations, last line `#### <answer>`.'],
  ['steps', 'The calculations of the solution in order: the line (`text`), the expression (`expr`) and its exact value (`value`).'],
  ['template_id', 'The template that made the item; null for imported items.'],
  ['template_version', 'The template version; a template whose output changes gets a new version.'],
  [
    'variant',
    'How the item was made: `base` (fresh names and numbers), `names`, `numbers`, `noop` (an irrelevant clause added), `p1`/`p2` (one or two extra clauses that change the answer), `external` (imported and paired with nothing), `symbolic` (an imported GSM-Symbolic instance), and the other ids of the reasonforge design.',
  ],
  ['inserted', 'Clauses added to the base problem (noop, p1, p2): kind, clause id, the premise index it follows, its text.'],
  ['changed', 'Bindings that differ from the base item (names and numbers variants).'],
  ['base_id', 'The id of the base item this item was derived from (itself for base and external items): pair items by it to measure drops.'],
  [
    'set',
    'The instance set: set j holds one instance of every template, so accuracy has a distribution over sets; null for imported items that belong to none.',
  ],
  ['split', '`test` or `train`; one seed never puts an item in both.'],
  ['seed', 'The generation seed; null for imported items.'],
  ['bindings', 'JSON object of the sampled values by variable name (numbers, or exact strings such as "7/3").'],
  ['difficulty', 'Number of solution steps, arithmetic operations, and the largest number in the problem and solution.'],
  ['generator_version', 'The reasonforge version that wrote the item.'],
  [
    'source',
    "Imported items only (null for generated ones): JSON object naming the dataset, file and line the item was read from, and the dataset's own label for it (a GSM-Plus perturbation type, for instance).",
  ],
];

function sizeCategory(n: number): string {
  if (n < 1000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  if (n < 10_000_000) return '1M<n<10M';
  return '10M<n<100M';
}

interface SplitFile {
  readonly split: 'test' | 'train';
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * A Hugging Face datasets folder: data/<variant>/<split>.jsonl and a README.md
 * whose YAML header declares a config per variant plus a default config over
 * all of them (data files, features, split sizes), the license and the size
 * category, and whose body documents every field and the generation command.
 */
export const hf: ExportFormat = {
  name: 'hf',
  summary: 'Hugging Face datasets folder: data files per split and a dataset card',
  fewshot: 'split',
  build(input: ExportInput): ExportedFile[] {
    // The --fewshot file becomes the train split, all of it: a split that shares items with test would leak.
    if (input.fewshot !== undefined) checkFewshotDisjoint(input.dataset, input.fewshot);
    const files: ExportedFile[] = [];
    const byConfig = new Map<VariantId, SplitFile[]>();
    const add = (variant: VariantId, split: 'test' | 'train', records: readonly ProblemRecord[]) => {
      const path = `data/${variant}/${split}.jsonl`;
      const content = jsonl(records.map(row));
      files.push({ path, content });
      const list = byConfig.get(variant) ?? [];
      list.push({ split, path, rows: records.length, bytes: Buffer.byteLength(content) });
      byConfig.set(variant, list);
    };
    for (const [variant, records] of byVariant(input.dataset.records)) add(variant, 'test', records);
    if (input.fewshot !== undefined) for (const [variant, records] of byVariant(input.fewshot.records)) add(variant, 'train', records);

    const splitInfo = (list: readonly SplitFile[]) => {
      const splits = (['test', 'train'] as const)
        .map((split) => list.filter((f) => f.split === split))
        .filter((group) => group.length > 0)
        .map((group) => ({ name: group[0]!.split, num_bytes: group.reduce((s, f) => s + f.bytes, 0), num_examples: group.reduce((s, f) => s + f.rows, 0) }));
      const size = list.reduce((s, f) => s + f.bytes, 0);
      return { features: FEATURES, splits, download_size: size, dataset_size: size };
    };
    const all = [...byConfig.values()].flat();
    const allSplits = (['test', 'train'] as const).filter((split) => all.some((f) => f.split === split));
    const configs = [
      { config_name: 'default', default: true, data_files: allSplits.map((split) => ({ split, path: `data/*/${split}.jsonl` })) },
      ...[...byConfig].map(([variant, list]) => ({ config_name: variant, data_files: list.map((f) => ({ split: f.split, path: f.path })) })),
    ];
    const datasetInfo = [
      { config_name: 'default', ...splitInfo(all) },
      ...[...byConfig].map(([variant, list]) => ({ config_name: variant, ...splitInfo(list) })),
    ];
    const records = [...input.dataset.records, ...(input.fewshot?.records ?? [])];
    const foreign = records.some((r) => r.template === null || r.template.id.startsWith('gsm-symbolic/'));
    const license = input.license ?? (foreign ? 'other' : 'mit');
    const header = {
      license,
      pretty_name: `${input.name} (reasonforge)`,
      language: ['en'],
      task_categories: ['question-answering'],
      tags: ['math', 'reasoning', 'gsm8k', 'synthetic', 'reasonforge'],
      size_categories: [sizeCategory(records.length)],
      configs,
      dataset_info: datasetInfo,
    };
    const command = generationCommand(input.dataset);
    const variantRows = [...byConfig].map(([variant, list]) => `| \`${variant}\` | ${list.map((f) => `${f.split} ${f.rows}`).join(', ')} |`);
    const body = [
      `# ${input.name}`,
      '',
      'Grade-school math word problems with exact answers and worked solutions in GSM8K format, made by',
      'reasonforge. Every item is one variant of a template instance; variants of one instance share `base_id`,',
      'so accuracy drops can be measured on paired items. reasonforge is not on the npm registry yet: install it',
      'from a clone of its repository (`npm ci`, then `npx reasonforge ...` inside it, or `npm install /path/to/clone`).',
      '',
      '## How it was made',
      '',
      command === null ? `Exported from \`${input.dataset.path}\` (no generation manifest was found beside it).` : `\`\`\`sh\n${command}\n\`\`\``,
      '',
      '## Configurations',
      '',
      '| config | rows |',
      '|---|---|',
      `| \`default\` | every variant: ${allSplits.map((split) => `${split} ${all.filter((f) => f.split === split).reduce((s, f) => s + f.rows, 0)}`).join(', ')} |`,
      ...variantRows,
      '',
      '```python',
      'from datasets import load_dataset',
      `ds = load_dataset("path/to/this/folder", "${[...byConfig.keys()][0]}")`,
      '```',
      '',
      '## Fields',
      '',
      '| field | meaning |',
      '|---|---|',
      ...FIELD_DOCS.map(([field, doc]) => `| \`${field}\` | ${doc} |`),
      '',
      '## License',
      '',
      foreign && input.license === undefined
        ? 'Some items come from outside reasonforge (imported GSM8K-format data, or GSM-Symbolic templates). Their text is under the license of its source; check it before redistributing, and set the license with `npx reasonforge export --format hf --license ID`.'
        : `${license}.`,
      '',
    ].join('\n');
    files.push({ path: 'README.md', content: `---\n${toYaml(header)}---\n\n${body}` });
    files.push({
      path: 'README.txt',
      content: [
        ...provenanceLines(input, 'hf'),
        '',
        'Load it:',
        `  python -c "from datasets import load_dataset; print(load_dataset('${input.outDir}', '${[...byConfig.keys()][0]}'))"`,
        'Publish it:',
        `  huggingface-cli upload --repo-type dataset YOUR_NAME/${safeName(input.name)} ${input.outDir} .`,
        '',
      ].join('\n'),
    });
    return files;
  },
};
