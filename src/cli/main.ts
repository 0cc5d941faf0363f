import { readFileSync } from 'node:fs';
import { isReasonforgeError } from '../errors.js';
import { UsageError } from './args.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CommandIO } from './command.js';
import { commands } from './commands/index.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length), 4);
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `reasonforge ${packageJson.version}: seeded reasoning benchmarks, verifiers and metrics\n\nUsage: reasonforge <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "reasonforge <command> --help" for a command's options.\n`;
}

/** The whole CLI: pick a command, run it, turn known errors into a message and an exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
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
    io.stderr.write(`reasonforge: unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`reasonforge ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isReasonforgeError(error)) {
      io.stderr.write(`reasonforge ${name}: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}

/**
 * The real process's streams. When the reader of stdout goes away (`| head`),
 * the output has simply ended: exit quietly rather than with an EPIPE trace.
 */
export function processIO(): CommandIO {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, stderrIsTTY: process.stderr.isTTY === true };
}
