import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { AtomicFile, writeFileAtomic } from '../io/atomic-write.js';
import { checkInputFile, checkOutputFile, STDIO } from '../io/paths.js';
import { formatManifest, manifestPathOf, readManifest, RecordCounter, type Manifest } from './manifest.js';

interface Shard {
  readonly file: string;
  readonly manifest: Manifest;
}

/**
 * Joins shard files of one generate configuration (`--shard i/n`, each with
 * its manifest) into the file the unsharded run writes, with the same
 * manifest. The shards may be given in any order and split any way, as long
 * as their ranges tile the whole run exactly: a gap, an overlap, a shard of
 * another configuration or generator version, or a file that is not the one
 * its manifest describes is refused, and nothing is written. The output and
 * its manifest are written atomically.
 */
export function mergeShards(out: string, files: readonly string[], options: { readonly force?: boolean } = {}): Manifest {
  if (files.length === 0) throw new ReasonforgeError('config-invalid', 'no shard files to merge');
  const outManifest = manifestPathOf(out);
  for (const file of files) {
    if (resolve(file) === resolve(out)) throw new ReasonforgeError('config-invalid', 'is both the output and one of the shards', { file });
  }
  for (const path of [out, outManifest]) checkOutputFile(path, { force: options.force === true });
  const shards = files.map((file) => {
    if (file === STDIO) throw new ReasonforgeError('usage', 'a shard is a file with its manifest beside it; "-" (standard input) cannot be one');
    checkInputFile(file);
    return { file, manifest: readManifest(file) };
  });
  checkOneConfiguration(shards);
  const ordered = checkCoverage(shards);

  const target = new AtomicFile(out, { force: true });
  const hash = createHash('sha256');
  const counter = new RecordCounter();
  let bytes = 0;
  try {
    for (const shard of ordered) {
      bytes += copyChecked(shard, (chunk) => {
        hash.update(chunk);
        target.write(chunk);
      });
      counter.absorb(shard.manifest.counts);
    }
    target.commit();
  } catch (error) {
    target.abort();
    throw error;
  }
  const first = ordered[0]!.manifest;
  const manifest: Manifest = {
    generator: first.generator,
    config: { ...first.config, shard: null },
    range: { start: 0, end: first.range.total, total: first.range.total },
    counts: counter.counts(),
    skipped: first.skipped,
    data: { file: basename(out), bytes, sha256: hash.digest('hex') },
  };
  writeFileAtomic(outManifest, formatManifest(manifest), { force: true });
  return manifest;
}

/** What must be equal across shards of one run: everything but the shard, its range and its data. */
function configurationOf(manifest: Manifest): Record<string, unknown> {
  const { shard: _shard, ...config } = manifest.config;
  return { generator: manifest.generator, ...config, total: manifest.range.total, skipped: manifest.skipped };
}

function checkOneConfiguration(shards: readonly Shard[]): void {
  const reference = configurationOf(shards[0]!.manifest);
  for (const shard of shards.slice(1)) {
    const other = configurationOf(shard.manifest);
    for (const [field, value] of Object.entries(reference)) {
      if (JSON.stringify(other[field]) !== JSON.stringify(value)) {
        throw new ReasonforgeError(
          'shards-mixed',
          `was made by another configuration than ${shards[0]!.file}: its ${field} is ${describe(other[field])}, not ${describe(value)}; only shards of one run can be merged`,
          { file: shard.file },
        );
      }
    }
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The shards in record order, checked to cover 0..total-1 once each. */
function checkCoverage(shards: readonly Shard[]): Shard[] {
  const ordered = [...shards].sort((a, b) => a.manifest.range.start - b.manifest.range.start || a.manifest.range.end - b.manifest.range.end);
  const total = ordered[0]!.manifest.range.total;
  const span = (shard: Shard) => `${shard.file} (records ${shard.manifest.range.start}..${shard.manifest.range.end - 1})`;
  let covered = 0;
  let previous: Shard | null = null;
  for (const shard of ordered) {
    const { start, end } = shard.manifest.range;
    if (shard.manifest.counts.records !== end - start) {
      throw new ReasonforgeError('manifest-invalid', `counts ${shard.manifest.counts.records} records for the range ${start}..${end - 1}`, { file: manifestPathOf(shard.file) });
    }
    if (start > covered) {
      const where = previous === null ? 'before the first shard' : `between ${previous.file} and ${shard.file}`;
      throw new ReasonforgeError('shards-gap', `records ${covered}..${start - 1} of ${total} are in no shard given (${where}); merge needs every shard of the run`);
    }
    if (start < covered) {
      const same = previous !== null && resolve(previous.file) === resolve(shard.file);
      throw new ReasonforgeError('shards-overlap', same ? `${shard.file} is given twice` : `${span(previous!)} and ${span(shard)} overlap; give each part of the run once`);
    }
    covered = end;
    previous = shard;
  }
  if (covered < total) {
    throw new ReasonforgeError('shards-gap', `records ${covered}..${total - 1} of ${total} are in no shard given (after ${previous!.file}); merge needs every shard of the run`);
  }
  return ordered;
}

/** Streams a shard's bytes to `sink` and checks them against its manifest's size and sha256; returns the size. */
function copyChecked(shard: Shard, sink: (chunk: Uint8Array) => void): number {
  const hash = createHash('sha256');
  const fd = openSync(shard.file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const piece = chunk.subarray(0, read);
      hash.update(piece);
      sink(piece);
      bytes += read;
    }
  } finally {
    closeSync(fd);
  }
  const { data } = shard.manifest;
  if (bytes !== data.bytes || hash.digest('hex') !== data.sha256) {
    throw new ReasonforgeError('shard-changed', `is not the file its manifest describes (${bytes} bytes against ${data.bytes}, or another sha256): was it changed or cut short after it was written?`, { file: shard.file });
  }
  return bytes;
}
