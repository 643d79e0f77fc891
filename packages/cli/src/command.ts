import type { ParseArgsConfig } from 'node:util';
import type { CommandIo } from './io';

/** A CLI command: one file under commands/ plus one registry line. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Argument synopsis, e.g. "FILE... [--json]". */
  usage: string;
  /** Longer help: what it prints and its exit codes. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run(args: { positionals: string[]; values: Record<string, string | boolean | (string | boolean)[] | undefined> }, io: CommandIo): Promise<number>;
}

export const defineCommand = (command: Command): Command => command;
