import { health, HEALTH_CATEGORIES, HEALTH_RULES, type ArchDocument, type Finding, type HealthResult } from '@backarch/core';
import { loadBook } from '../book';
import { defineCommand } from '../command';
import { readDocument } from '../document-file';
import { style, UsageError, type CommandIo, type Style } from '../io';

const BAR_WIDTH = 10;
/** Findings listed per rule before the rest are counted instead (a large design can have thousands of one kind). */
export const FINDINGS_PER_RULE = 10;

export default defineCommand({
  name: 'check',
  summary: 'Health score 0–100 of a design, every lost point a named finding with its fix',
  usage: 'FILE [--json] [--all] [--min-score N]',
  help: [
    'Grades the design: each finding costs its penalty (critical 10, high 6, medium 3, low 1) in its category, each',
    'category loses at most its maximum (resilience 30, security 25, observability 15, cost 15, operability 15), and',
    'the score is 100 minus what was lost. Findings are listed by category with the components they concern, why (with',
    'the numbers), the remediation and whether a fix can be applied. Findings a component accepts',
    '(config.health.accept: [{ rule, reason }]) are listed as accepted risks and cost nothing. Prices and instance sizes',
    'come from the price book, for the budget and capacity rules.',
    '',
    '--json         the health result (score, categories, findings, acceptedRisks) plus "file"',
    `--all          list every finding (by default the first ${FINDINGS_PER_RULE} of each rule, then how many more)`,
    '--min-score N  exit 1 when the score is below N (0–100), to gate a CI pipeline',
    '',
    'Exit codes: 0 checked (and the score is at least --min-score); 1 the score is below --min-score; 2 the file cannot',
    'be read or is not a valid document (the validation errors are printed).',
    '',
    'Rules:',
    ...HEALTH_RULES.flatMap((rule) => [`  ${rule.id} (${rule.category}, ${rule.severity})`, ...wrap(rule.description, 96).map((line) => `      ${line}`)]),
  ].join('\n'),
  options: { json: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, 'min-score': { type: 'string' } },
  async run({ positionals, values }, io) {
    const [file, extra] = positionals;
    if (!file || extra !== undefined) throw new UsageError('check takes exactly one FILE');
    const minText = values['min-score'] as string | undefined;
    const minScore = minText === undefined ? undefined : Number(minText);
    if (minScore !== undefined && (minText!.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 100)) {
      throw new UsageError(`--min-score must be a number from 0 to 100, got "${minText}"`);
    }
    const loading = loadBook(); // its chunk loads while the file is read
    loading.catch(() => undefined); // a failure is reported where it is awaited, not as an unhandled rejection
    const read = await readDocument(file, io);
    if ('exitCode' in read) return read.exitCode;
    const book = await loading;
    const result = health(read.doc, { book });
    io.out(values.json ? `${JSON.stringify({ file, ...result }, null, 2)}\n` : reportText(read.doc, result, io, minScore, values.all as boolean));
    return minScore !== undefined && result.score < minScore ? 1 : 0;
  },
});

/** `text` in lines of at most `width` characters, broken at spaces (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (text.length - start > width) {
    let cut = text.lastIndexOf(' ', start + width);
    if (cut <= start) cut = text.indexOf(' ', start + width);
    if (cut === -1) break;
    lines.push(text.slice(start, cut));
    start = cut + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/** "███████░░░": the share of `score` in `max`, in tenths. */
export function bar(score: number, max: number): string {
  const filled = Math.round((score / max) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

function reportText(doc: ArchDocument, result: HealthResult, io: CommandIo, minScore: number | undefined, all: boolean): string {
  const s = style(io);
  const labels = new Map(doc.components.map((c) => [c.id, c.label ?? c.id]));
  const names = (ids: string[]) => {
    const shown = ids.slice(0, 4).map((id) => labels.get(id) ?? id);
    return ids.length > 4 ? `${shown.join(', ')} and ${ids.length - 4} more` : shown.join(', ');
  };
  const out: string[] = [];
  const colour = (score: number, max: number) => (score >= max * 0.9 ? s.green : score >= max * 0.6 ? s.yellow : s.red);

  out.push(`${s.bold(doc.name)}\n\n`);
  out.push(`${s.bold(`Health ${result.score}/100`)}  ${colour(result.score, 100)(bar(result.score, 100))}${minScore !== undefined ? s.dim(`  (minimum ${minScore})`) : ''}\n\n`);
  const width = Math.max(...HEALTH_CATEGORIES.map((c) => c.length));
  for (const category of HEALTH_CATEGORIES) {
    const c = result.categories[category];
    const count = c.findings.length;
    out.push(`  ${category.padEnd(width)}  ${`${c.score}/${c.max}`.padStart(5)}  ${colour(c.score, c.max)(bar(c.score, c.max))}${count ? `  ${count} finding${count === 1 ? '' : 's'}` : ''}\n`);
  }

  for (const category of HEALTH_CATEGORIES) {
    const c = result.categories[category];
    if (c.findings.length === 0) continue;
    const capped = c.findings.reduce((sum, f) => sum + f.penalty, 0) > c.lost ? s.dim(` (capped at ${c.max})`) : '';
    out.push(`\n${s.bold(`${capitalise(category)} −${c.lost}`)}${capped}\n`);
    const perRule = new Map<string, number>();
    for (const f of c.findings) {
      const count = (perRule.get(f.rule) ?? 0) + 1;
      perRule.set(f.rule, count);
      if (all || count <= FINDINGS_PER_RULE) out.push(findingText(f, names, s));
    }
    for (const [rule, count] of perRule) {
      const more = count - FINDINGS_PER_RULE;
      if (!all && more > 0) out.push(`  ${s.dim(`… ${more} more ${rule} finding${more === 1 ? '' : 's'} (--all lists every one)`)}\n`);
    }
  }

  if (result.acceptedRisks.length > 0) {
    out.push(`\n${s.bold('Accepted risks')} ${s.dim('(cost nothing)')}\n`);
    for (const risk of result.acceptedRisks) {
      const f = risk.finding;
      out.push(`  ${s.dim('○')} ${f.severity} ${s.dim(f.rule)}  ${names(f.components)}\n`);
      out.push(indent(f.message, 6));
      for (const r of risk.reasons) out.push(`      ${s.bold('accepted')} on ${labels.get(r.component) ?? r.component}: ${r.reason}\n`);
    }
  }

  if (result.findings.length === 0) out.push(`\n${s.green('No findings.')}\n`);
  else {
    const fixable = result.findings.filter((f) => f.fix).length;
    out.push(`\n${s.dim(`${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}, ${fixable} with a fix (see --json for the change sets).`)}\n`);
  }
  return out.join('');
}

function findingText(f: Finding, names: (ids: string[]) => string, s: Style): string {
  const mark = f.severity === 'critical' || f.severity === 'high' ? s.red('✗') : s.yellow('!');
  const lines = [`  ${mark} ${f.severity.padEnd(8)} −${String(f.penalty).padEnd(2)} ${s.bold(names(f.components))} ${s.dim(f.rule)}\n`];
  lines.push(indent(f.message, 6));
  lines.push(indent(`→ ${f.remediation}`, 6));
  lines.push(`      ${f.fix ? s.green(`fix available: ${f.fix.summary}`) : s.dim('no automatic fix')}\n`);
  return lines.join('');
}

const indent = (text: string, by: number) => `${wrap(text, 110).map((line) => `${' '.repeat(by)}${line}`).join('\n')}\n`;
const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);
