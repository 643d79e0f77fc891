import { parseDocument, type ArchDocument } from '@backarch/core';
import { style, type CommandIo } from './io';

/**
 * Reads and validates a document for commands that analyse it (price, check). On failure prints what `validate`
 * would and returns exit code 2: the input cannot be analysed.
 */
export async function readDocument(file: string, io: CommandIo): Promise<{ doc: ArchDocument } | { exitCode: number }> {
  const s = style(io);
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.err(`${s.red('✗')} ${file}: cannot read the file: ${reason}\n`);
    return { exitCode: 2 };
  }
  const result = parseDocument(text);
  if (result.ok) return { doc: result.document };
  if (result.syntaxError) {
    const { line, column, message } = result.syntaxError;
    io.err(`${s.red('✗')} ${file}:${line}:${column}: not valid JSON: ${message}\n`);
  } else {
    io.err(`${s.red('✗')} ${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
    for (const e of result.errors) io.err(`  ${s.bold(e.path || '(document)')}: ${e.message}\n`);
  }
  return { exitCode: 2 };
}
