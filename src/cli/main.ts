import { readFileSync } from 'node:fs';
import { isReasonforgeError, nearest, printable } from '../errors.js';
import type { WorkerSetup } from '../dataset/generate-protocol.js';
import { cleanUpOnSignals } from '../io/interrupt.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CommandIO } from './command.js';
import { commands } from './commands/index.js';
import { hasStreamWriter, stdoutUnwritable } from './stream-writer.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Error kinds that mean the command line was wrong: exit 2, like every usage error. */
const USAGE_KINDS: ReadonlySet<string> = new Set(['usage', 'unknown-name']);

async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length), 4);
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `reasonforge ${packageJson.version}: seeded reasoning benchmarks, verifiers and metrics\n\nUsage: reasonforge <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "reasonforge help <command>" (or "reasonforge <command> --help") for a command's options.\n`;
}

function unknownCommand(name: string): string {
  const near = nearest(
    name,
    commands.map((c) => c.name),
  );
  return `reasonforge: unknown command "${printable(name)}"${near === null ? '' : `; did you mean "${near}"?`} Commands: ${commands.map((c) => c.name).join(', ')}\n`;
}

/** The whole CLI: pick a command, run it, turn known errors into a message and an exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) {
    // `reasonforge help generate` is `reasonforge generate --help`.
    if (rest.length > 1) {
      io.stderr.write('reasonforge help: give one command name\n');
      return EXIT_USAGE;
    }
    return main([rest[0]!, '--help'], io);
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr.write(unknownCommand(name));
    return EXIT_USAGE;
  }
  const command = await entry.load();
  // Only before `--`: after it, "--help" is text (`verify --expected 1 -- --help`).
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!isReasonforgeError(error)) throw error;
    const usage = USAGE_KINDS.has(error.kind);
    // Usage messages name the command themselves ("generate: --sets ..."); others get it here.
    const message = usage && error.message.startsWith(`${name}: `) ? error.message : `${name}: ${error.message}`;
    io.stderr.write(`reasonforge ${printable(message)}\n`);
    return usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/**
 * The work of a `generate --jobs N` worker thread, for src/dataset/generate-worker.ts to run
 * from this bundle. Imported only here, so that no other start of the CLI initialises it.
 */
export async function serveGenerate(setup: WorkerSetup): Promise<void> {
  const { serveGenerate: serve } = await import('../dataset/generate-service.js');
  serve(setup);
}

/**
 * The real process's streams. When the reader of stdout goes away (`| head`),
 * the output has simply ended: exit quietly rather than with an EPIPE trace.
 * An interrupt removes the temporary files of a write under way (see io/interrupt).
 */
export function processIO(): CommandIO {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    // A command streaming through a StreamWriter reports any other failure (a full disk) itself, in its own words.
    if (hasStreamWriter(process.stdout)) return;
    process.stderr.write(`reasonforge: ${stdoutUnwritable(error)}\n`);
    process.exit(EXIT_FAILURE);
  });
  cleanUpOnSignals();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
  };
}
