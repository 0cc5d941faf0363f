import { existsSync, readFileSync } from 'node:fs';
import { fileDigest } from '../io/file-digest.js';
import { printable } from '../errors.js';
import { lineBatches } from '../io/line-batches.js';
import type { Manifest } from './manifest.js';

/** Where `generate --out FILE` writes the manifest of FILE. */
export function manifestPathOf(file: string): string {
  return `${file}.manifest.json`;
}

export interface ManifestCheck {
  readonly manifest: string;
  /** Each disagreement between the manifest and the file, as a sentence; empty when they agree. */
  readonly problems: readonly string[];
}

/** Disagreements listed one by one before the rest are counted. */
const SHOWN = 10;

/**
 * Checks a dataset file against the manifest written beside it: its size, its
 * sha256 and its record counts in all, per variant and per template. A record
 * removed, added or edited after generation shows here even when every
 * remaining line is valid on its own. Returns null when there is no manifest.
 */
export async function checkManifest(file: string): Promise<ManifestCheck | null> {
  const manifestPath = manifestPathOf(file);
  if (file === '-' || !existsSync(manifestPath)) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (error) {
    return { manifest: manifestPath, problems: [`not valid JSON: ${printable(error instanceof Error ? error.message : String(error))}`] };
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.data !== 'object' || typeof manifest.counts !== 'object') {
    return { manifest: manifestPath, problems: ['not a reasonforge manifest (no "data" and "counts")'] };
  }
  const problems: string[] = [];
  const { bytes, sha256 } = await fileDigest(file);
  if (manifest.data.bytes !== bytes) problems.push(`says the data file has ${manifest.data.bytes} bytes; it has ${bytes}`);
  if (manifest.data.sha256 !== sha256) problems.push(`says the data file's sha256 is ${manifest.data.sha256}; it is ${sha256}`);
  const counted = await countRecords(file);
  if (manifest.counts.records !== counted.records) problems.push(`says ${manifest.counts.records} records; the file has ${counted.records}`);
  compareCounts('by_variant', manifest.counts.by_variant, counted.byVariant, problems);
  const templates = new Set([...Object.keys(manifest.counts.by_template ?? {}), ...Object.keys(counted.byTemplate)]);
  for (const template of [...templates].sort()) {
    compareCounts(`by_template.${template}`, manifest.counts.by_template?.[template] ?? {}, counted.byTemplate[template] ?? {}, problems);
  }
  if (problems.length > SHOWN) problems.splice(SHOWN, problems.length - SHOWN, `and ${problems.length - SHOWN} more disagreement(s)`);
  return { manifest: manifestPath, problems };
}

function compareCounts(label: string, stated: Readonly<Record<string, number>>, found: Readonly<Record<string, number>>, problems: string[]): void {
  for (const key of [...new Set([...Object.keys(stated ?? {}), ...Object.keys(found)])].sort()) {
    const a = stated?.[key] ?? 0;
    const b = found[key] ?? 0;
    if (a !== b) problems.push(`says ${label}.${key} is ${a}; the file has ${b}`);
  }
}

/** Records by variant and template, read leniently: lines that are not records are validate's to report. */
async function countRecords(file: string): Promise<{ records: number; byVariant: Record<string, number>; byTemplate: Record<string, Record<string, number>> }> {
  let records = 0;
  const byVariant: Record<string, number> = {};
  const byTemplate: Record<string, Record<string, number>> = {};
  for await (const { lines } of lineBatches(file)) {
    for (const line of lines) {
      if (line.trim() === '') continue;
      records++;
      let value: { variant?: { kind?: unknown }; template?: { id?: unknown } | null };
      try {
        value = JSON.parse(line) as typeof value;
      } catch {
        continue;
      }
      const variant = typeof value?.variant?.kind === 'string' ? value.variant.kind : '(unreadable)';
      const template = typeof value?.template?.id === 'string' ? value.template.id : '(unreadable)';
      byVariant[variant] = (byVariant[variant] ?? 0) + 1;
      const row = (byTemplate[template] ??= {});
      row[variant] = (row[variant] ?? 0) + 1;
    }
  }
  return { records, byVariant, byTemplate };
}
