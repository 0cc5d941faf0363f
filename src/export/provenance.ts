import { basename } from 'node:path';
import { byVariant } from './dataset.js';
import type { ExportInput, LoadedDataset } from './types.js';

/** The `reasonforge generate` command that made a dataset, read back from its manifest, or null. */
export function generationCommand(dataset: LoadedDataset): string | null {
  const config = dataset.manifest?.['config'] as Record<string, unknown> | undefined;
  if (config === undefined || typeof config['seed'] !== 'number') return null;
  const parts = ['npx reasonforge generate', `--seed ${config['seed']}`, `--sets ${String(config['sets'])}`];
  if (Array.isArray(config['variants'])) parts.push(`--variants ${(config['variants'] as string[]).join(',')}`);
  if (config['split'] === 'train') parts.push('--split train');
  if (Array.isArray(config['templates'])) {
    const ids = (config['templates'] as { id: string }[]).map((t) => t.id);
    if (ids.length <= 12) parts.push(`--templates ${ids.join(',')}`);
  }
  if (typeof config['shard'] === 'string') parts.push(`--shard ${config['shard']}`);
  const generators = config['generators'];
  if (typeof generators === 'string') {
    parts.push(generators.startsWith('gsm-symbolic:') ? `--from-gsm-symbolic ${generators.slice('gsm-symbolic:'.length)}` : `--generators ${generators}`);
  }
  parts.push(`--out ${basename(dataset.path)}`);
  return parts.join(' ');
}

/** Lines every README.txt starts with: what was exported, from where, how many items of each variant. */
export function provenanceLines(input: ExportInput, format: string): string[] {
  const { dataset } = input;
  const counts = [...byVariant(dataset.records)].map(([variant, rows]) => `${variant} ${rows.length}`).join(', ');
  const lines = [`npx reasonforge export --format ${format}`, '', `Dataset: ${basename(dataset.path)} (${dataset.records.length} items: ${counts})`];
  const command = generationCommand(dataset);
  if (command !== null) lines.push(`Made by: ${command}`);
  if (input.fewshot !== undefined) lines.push(`Few-shot examples from: ${basename(input.fewshot.path)} (${input.fewshot.records.length} items)`);
  return lines;
}

/** A name safe for task ids and file names: lowercase letters, digits and underscores. */
export function safeName(name: string): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return clean === '' ? 'reasonforge' : /^[a-z]/.test(clean) ? clean : `rf_${clean}`;
}
