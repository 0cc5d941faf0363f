import { mergeShards } from '../../dataset/merge.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

export const merge: Command = {
  name: 'merge',
  summary: 'join the shard files of one generate run into the file the unsharded run writes',
  usage: `Usage: reasonforge merge OUT.jsonl SHARD.jsonl... [--force]

  Each SHARD is a file written by generate --shard i/n --out SHARD, with SHARD.manifest.json
  beside it. merge checks that the shards come from one configuration and generator version,
  that together they hold every record of the run exactly once, and that each file is the one
  its manifest describes; then it writes OUT and OUT.manifest.json atomically, byte for byte
  what generate --out OUT without --shard writes. Shards may be given in any order.

  --force             replace OUT if it exists`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('merge', args, { force: { type: 'boolean' } });
    const [out, ...shards] = positionals;
    if (out === undefined || shards.length === 0) throw new UsageError('merge: give the output file, then at least one shard file');
    const manifest = mergeShards(out, shards, { force: values.force === true });
    io.stderr.write(
      `reasonforge merge: wrote ${manifest.counts.records} records from ${shards.length} shard(s) to ${out} (${manifest.data.sha256.slice(0, 12)}…) and ${out}.manifest.json\n`,
    );
    return EXIT_OK;
  },
};
