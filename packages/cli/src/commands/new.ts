import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { didYouMean, getTemplate, parseDocumentOrThrow, serializeDocument, TEMPLATES } from '@backarch/core';
import { defineCommand } from '../command';
import { style, UsageError } from '../io';

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

export default defineCommand({
  name: 'new',
  summary: 'Start a design from a template: write it as a .backarch.json file',
  usage: '--template ID [--out FILE] [--force]',
  help: [
    'Writes the template as a canonical .backarch.json document: its constraints (cloud, region, budget, traffic,',
    'compliance, team size), every component with its config and position, and every connection. Edit it, then run',
    '`backarch check` and `backarch price` on it. `backarch templates` lists the ids.',
    '',
    '--template ID  the template to start from',
    '--out FILE     write to FILE instead of standard output; an existing file is never overwritten without --force',
    '--force        overwrite FILE if it exists',
    '',
    `Templates: ${TEMPLATES.map((t) => t.id).join(', ')}.`,
    '',
    'Exit codes: 0 written; 2 bad command line, unknown template, FILE exists (without --force) or cannot be written.',
  ].join('\n'),
  options: { template: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) throw new UsageError(`new takes no arguments, got "${positionals[0]}" (use --template ID)`);
    const id = values.template as string | undefined;
    const ids = TEMPLATES.map((t) => t.id);
    if (id === undefined || id === '') throw new UsageError(`missing --template ID; templates: ${ids.join(', ')}`);
    const template = getTemplate(id);
    if (!template) throw new UsageError(`unknown template "${id}"${didYouMean(id, ids)}; templates: ${ids.join(', ')}`);
    const out = values.out as string | undefined;
    if (out === '') throw new UsageError('--out needs a file name');
    if (values.force && out === undefined) throw new UsageError('--force only applies with --out FILE');

    const doc = parseDocumentOrThrow(template.document);
    const text = serializeDocument(doc);
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    const s = style(io);
    if (!values.force && (await exists(out))) {
      io.err(`${s.red('✗')} ${out} already exists; use --force to overwrite it, or choose another --out\n`);
      return 2;
    }
    try {
      // "wx" fails if the file appeared since the check; --force truncates it
      await writeFile(out, text, { encoding: 'utf8', flag: values.force ? 'w' : 'wx' });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      io.err(`${s.red('✗')} cannot write ${out}: ${e.code === 'EEXIST' ? 'it already exists; use --force to overwrite it' : e.message}\n`);
      return 2;
    }
    io.out(
      `${s.green('✓')} ${out}: "${doc.name}" from the ${template.id} template — ${doc.components.length} components, ${doc.connections.length} connections, ${doc.constraints.cloud} ${doc.constraints.region ?? ''}`.trimEnd() +
        `\n  Next: backarch check ${out}   backarch price ${out}\n`,
    );
    return 0;
  },
});
