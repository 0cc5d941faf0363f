import type { ProblemRecord } from '../records/problem.js';
import { byVariant, jsonl } from './dataset.js';
import { provenanceLines, safeName } from './provenance.js';
import type { ExportedFile, ExportFormat, ExportInput } from './types.js';
import { toYaml } from './yaml.js';

const SYSTEM =
  'Solve the grade-school math problem. Reply with the final answer only: one number (an integer, a decimal, or a fraction such as 7/3), with no units and no other words.';

function sample(record: ProblemRecord): Record<string, unknown> {
  return {
    input: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: record.question },
    ],
    ideal: record.answer,
  };
}

/**
 * OpenAI evals: a registry folder (evals/, data/, eval_sets/) with one Match
 * eval per variant, whose samples are chat inputs and an ideal answer, and an
 * eval set over them. Match compares the start of the reply with `ideal`, so
 * the system message asks for the bare number, and ideals are canonical.
 */
export const openaiEvals: ExportFormat = {
  name: 'openai-evals',
  summary: 'OpenAI evals registry: samples.jsonl per variant, eval YAML, eval set',
  fewshot: 'unused',
  build(input: ExportInput): ExportedFile[] {
    const name = safeName(input.name).replace(/_/g, '-');
    const files: ExportedFile[] = [];
    const registry: Record<string, unknown> = {};
    const evals: string[] = [];
    for (const [variant, records] of byVariant(input.dataset.records)) {
      const evalName = `${name}-${variant}`;
      evals.push(evalName);
      const samplesPath = `${name}/${variant}/samples.jsonl`;
      files.push({ path: `registry/data/${samplesPath}`, content: jsonl(records.map(sample)) });
      registry[evalName] = {
        id: `${evalName}.test.v1`,
        description: `reasonforge ${variant} items (${records.length}) from ${input.dataset.path}`,
        metrics: ['accuracy'],
      };
      registry[`${evalName}.test.v1`] = { class: 'evals.elsuite.basic.match:Match', args: { samples_jsonl: samplesPath } };
    }
    const header = 'Made by reasonforge export --format openai-evals. Run: see README.txt.';
    files.push({ path: `registry/evals/${name}.yaml`, content: toYaml(registry, header) });
    files.push({ path: `registry/eval_sets/${name}.yaml`, content: toYaml({ [name]: { evals } }, header) });
    files.push({
      path: 'README.txt',
      content: [
        ...provenanceLines(input, 'openai-evals'),
        '',
        'Run one variant:',
        `  oaieval gpt-4o-mini ${evals[0]} --registry_path ${input.outDir}/registry`,
        'or all of them:',
        `  oaievalset gpt-4o-mini ${name} --registry_path ${input.outDir}/registry`,
        '',
        `Evals: ${evals.join(', ')} (class evals.elsuite.basic.match:Match, metric accuracy).`,
        'Each sample is a system message asking for the bare final answer, the question, and the canonical answer as ideal.',
        '',
      ].join('\n'),
    });
    return files;
  },
};
