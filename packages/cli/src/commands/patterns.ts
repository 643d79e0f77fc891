import {
  didYouMean,
  getPattern,
  health,
  PATTERN_CATEGORIES,
  PATTERNS,
  recommendPatterns,
  type AnyPattern,
  type ArchDocument,
  type HealthResult,
  type Recommendation,
} from '@backarch/core';
import { loadBook } from '../book';
import { defineCommand } from '../command';
import { readDocument } from '../document-file';
import { signedUsd } from '../format';
import { style, UsageError, type CommandIo } from '../io';

const MAX_TARGETS_SHOWN = 3;

export default defineCommand({
  name: 'patterns',
  summary: 'List the design patterns, or recommend the ones a design is missing',
  usage: '[--category C] [--json] | recommend FILE [--json]',
  help: [
    'Without a subcommand: every pattern, grouped by category, with its id, name, difficulty and the health rules',
    'whose findings it resolves where it is applied.',
    '  --category C  one category only (' + PATTERN_CATEGORIES.join(', ') + ')',
    '  --json        id, name, category, difficulty, addresses, problem, solution, trade-offs and when not to use it',
    '',
    'recommend FILE: the patterns that would resolve findings of the design\'s health report, ranked by the points',
    'they win back, then by what they cost. Each is applied for real at every place it fits and the design re-scored',
    'and re-priced, so the score and cost deltas are the engines\' figures. A cost shown as "unknown" means the',
    'pattern adds something the price book cannot price (never $0).',
    '  --json        the file, its score and the recommendations (with the findings each resolves in full)',
    '',
    'Exit codes: 0 listed; 2 bad command line, or FILE cannot be read or is not a valid document.',
  ].join('\n'),
  options: { json: { type: 'boolean', default: false }, category: { type: 'string' } },
  async run({ positionals, values }, io) {
    const [sub, ...rest] = positionals;
    if (sub === 'recommend') {
      if (values.category !== undefined) throw new UsageError('--category applies to the pattern list, not to recommend');
      const [file, extra] = rest;
      if (!file || extra !== undefined) throw new UsageError('patterns recommend takes exactly one FILE');
      return recommend(file, Boolean(values.json), io);
    }
    if (sub !== undefined) throw new UsageError(`unknown subcommand "${sub}"${didYouMean(sub, ['recommend'])}; the only one is "recommend" (patterns recommend FILE)`);
    const category = values.category as string | undefined;
    if (category !== undefined && !(PATTERN_CATEGORIES as readonly string[]).includes(category)) {
      throw new UsageError(`unknown category "${category}"${didYouMean(category, PATTERN_CATEGORIES)}; categories: ${PATTERN_CATEGORIES.join(', ')}`);
    }
    const patterns = PATTERNS.filter((p) => category === undefined || p.category === category);
    if (values.json) {
      io.out(`${JSON.stringify(patterns.map(patternJson), null, 2)}\n`);
      return 0;
    }
    io.out(listText(patterns, io));
    return 0;
  },
});

function patternJson(p: AnyPattern) {
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    difficulty: p.difficulty,
    addresses: p.addresses,
    problem: p.problem,
    solution: p.solution,
    tradeoffs: p.tradeoffs,
    avoidWhen: p.avoidWhen,
  };
}

function listText(patterns: readonly AnyPattern[], io: CommandIo): string {
  const s = style(io);
  const idWidth = Math.max(0, ...patterns.map((p) => p.id.length));
  const nameWidth = Math.max(0, ...patterns.map((p) => p.name.length));
  const out: string[] = [];
  for (const category of PATTERN_CATEGORIES) {
    const inCategory = patterns.filter((p) => p.category === category);
    if (inCategory.length === 0) continue;
    out.push(`\n${s.bold(category.toUpperCase())}\n`);
    for (const p of inCategory) {
      const addresses = p.addresses.length ? `addresses ${p.addresses.join(', ')}` : s.dim('no health rule');
      out.push(`  ${s.bold(p.id.padEnd(idWidth))}  ${p.name.padEnd(nameWidth)}  ${p.difficulty.padEnd(12)}  ${addresses}\n`);
    }
  }
  if (patterns.length === 0) out.push('\nNo patterns in this category yet.\n');
  out.push(`\n${s.dim(`${patterns.length} pattern${patterns.length === 1 ? '' : 's'}. \`backarch patterns recommend FILE\` finds the ones a design is missing.`)}\n`);
  return out.join('');
}

async function recommend(file: string, json: boolean, io: CommandIo): Promise<number> {
  const read = await readDocument(file, io);
  if ('exitCode' in read) return read.exitCode;
  const book = await loadBook();
  const report = health(read.doc, { book });
  const recommendations = recommendPatterns(read.doc, report, { book });
  if (json) io.out(`${JSON.stringify({ file, score: report.score, recommendations }, null, 2)}\n`);
  else io.out(recommendText(read.doc, report, recommendations, io));
  return 0;
}

function recommendText(doc: ArchDocument, report: HealthResult, recommendations: Recommendation[], io: CommandIo): string {
  const s = style(io);
  const labels = new Map(doc.components.map((c) => [c.id, c.label ?? c.id]));
  const label = (id: string) => labels.get(id) ?? id;
  const connections = new Map(doc.connections.map((c) => [c.id, c]));
  /** The connections a target changes ("Orders → Payments"), else the components it wires around. */
  const where = (connectionIds: string[], componentIds: string[]) => {
    const calls = connectionIds.flatMap((id) => {
      const c = connections.get(id);
      return c ? [`${label(c.from)} → ${label(c.to)}`] : [];
    });
    return calls.length > 0 ? calls.join(', ') : componentIds.map(label).join(', ');
  };
  const out = [`${s.bold(doc.name)}: health ${report.score}/100, ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}\n`];
  if (recommendations.length === 0) {
    out.push(`\n${report.findings.length === 0 ? s.green('No findings, so no pattern to recommend.') : 'No pattern resolves the current findings; see `backarch check` for their remediation.'}\n`);
    return out.join('');
  }
  out.push(`${recommendations.length} pattern${recommendations.length === 1 ? '' : 's'} would resolve findings:\n`);
  recommendations.forEach((r, i) => {
    const cost = r.estimatedCostDeltaUsd === null ? 'unknown (touches something without a price)' : `${signedUsd(r.estimatedCostDeltaUsd)}/month`;
    const points = r.scoreDelta > 0 ? s.green(`+${r.scoreDelta} points`) : `${r.scoreDelta} points`;
    out.push(`\n${String(i + 1).padStart(2)}. ${s.bold(r.name)} ${s.dim(`(${getPattern(r.pattern)?.category ?? ''} · ${r.pattern})`)}  ${points}  cost ${cost}\n`);
    const shown = r.targets.slice(0, MAX_TARGETS_SHOWN).map((t) => where(t.connections, t.components));
    const more = r.targets.length > MAX_TARGETS_SHOWN ? ` and ${r.targets.length - MAX_TARGETS_SHOWN} more` : '';
    out.push(`    where: ${shown.join('; ')}${more}\n`);
    const byRule = new Map<string, number>();
    for (const f of r.findingsAddressed) byRule.set(`${f.rule} (${f.severity})`, (byRule.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
    out.push(`    resolves: ${[...byRule].map(([rule, n]) => (n > 1 ? `${n} × ${rule}` : rule)).join(', ')}\n`);
    out.push(`    ${s.dim(r.reason)}\n`);
  });
  out.push(`\n${s.dim('Score and cost deltas come from applying each pattern at every place listed and re-running health and pricing.')}\n`);
  return out.join('');
}
