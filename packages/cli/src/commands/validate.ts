import { parseDocument } from '@backarch/core';
import { defineCommand } from '../command';
import { style, UsageError } from '../io';

export default defineCommand({
  name: 'validate',
  summary: 'Check .backarch.json files against the format and the catalog',
  usage: 'FILE... [--json]',
  help: [
    'Reads each file and reports every problem with the JSON path of the offending value.',
    '',
    'Exit codes: 0 all files valid; 1 a file is not a valid document; 2 a file cannot be read or is not JSON',
    '(the message gives the line and column).',
    '',
    '--json prints one result object per file: {file, valid, summary | errors | syntaxError | readError}',
    '(an array when several files are given).',
  ].join('\n'),
  options: { json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
    const s = style(io);
    const results: Record<string, unknown>[] = [];
    let exitCode = 0;
    for (const file of positionals) {
      let text: string;
      try {
        text = await io.readFile(file);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        exitCode = 2;
        results.push({ file, valid: false, readError: reason });
        if (!values.json) io.err(`${s.red('✗')} ${file}: cannot read the file: ${reason}\n`);
        continue;
      }
      const result = parseDocument(text);
      if (result.ok) {
        const { name, components, connections } = result.document;
        const summary = { name, components: components.length, connections: connections.length };
        results.push({ file, valid: true, summary });
        if (!values.json) io.out(`${s.green('✓')} ${file}: valid — "${name}", ${plural(components.length, 'component')}, ${plural(connections.length, 'connection')}\n`);
        continue;
      }
      if (result.syntaxError) {
        exitCode = 2;
        const { line, column, message } = result.syntaxError;
        results.push({ file, valid: false, syntaxError: result.syntaxError });
        if (!values.json) io.err(`${s.red('✗')} ${file}:${line}:${column}: not valid JSON: ${message}\n`);
        continue;
      }
      exitCode = Math.max(exitCode, 1);
      results.push({ file, valid: false, errors: result.errors });
      if (!values.json) {
        io.err(`${s.red('✗')} ${file}: ${plural(result.errors.length, 'error')}\n`);
        for (const e of result.errors) io.err(`  ${s.bold(e.path || '(document)')}: ${e.message}\n`);
      }
    }
    if (values.json) io.out(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    return exitCode;
  },
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
