import { parseArgs } from 'node:util';
import type { Command } from './command';
import { COMMANDS } from './commands/registry';
import { style, UsageError, type CommandIo } from './io';

export const VERSION = '0.1.0';

function overview(io: CommandIo): string {
  const s = style(io);
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${s.bold('backarch')} ${VERSION} — design backend systems before you build them`,
    '',
    `Usage: backarch <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `backarch <command> --help` for a command\'s options and exit codes.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `Usage: backarch ${command.name} ${command.usage}\n\n${command.summary}.\n\n${command.help}\n`;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? commandHelp(topic) : overview(io));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`backarch: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals, values }, io);
  } catch (error) {
    const isArgError = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isArgError) throw error;
    io.err(`backarch ${command.name}: ${(error as Error).message}\nUsage: backarch ${command.name} ${command.usage}\n`);
    return 2;
  }
}
