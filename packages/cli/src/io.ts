/** What a command may touch, so tests can run commands in-process and read what they printed. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  /** Colour output (a TTY without NO_COLOR). */
  color: boolean;
  /** stderr is a terminal: long-running commands may draw a progress bar there. */
  stderrIsTTY?: boolean;
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

export function style(io: Pick<CommandIo, 'color'>): Style {
  const wrap = (open: number, close: number) => (s: string) => (io.color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}

/** A user error in the command line itself: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
