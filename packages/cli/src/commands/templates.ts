import { health, parseDocumentOrThrow, price, TEMPLATES, type Template } from '@backarch/core';
import { loadBook } from '../book';
import { defineCommand } from '../command';
import { table, usd } from '../format';
import { style, UsageError } from '../io';

export interface TemplateSummary {
  id: string;
  name: string;
  cloud: string;
  region: string | undefined;
  score: number;
  /** Exact decimal USD from the pricing engine. */
  monthlyUsd: string;
  /** Some lines have no price in the book: the cost is a lower bound. */
  incomplete: boolean;
  budgetUsdPerMonth: number | undefined;
  whenToUse: string;
}

/** Each template priced on its cloud and scored on its own constraints, with the committed price book. */
export async function templateSummaries(): Promise<TemplateSummary[]> {
  const book = await loadBook();
  return TEMPLATES.map((template: Template) => {
    const doc = parseDocumentOrThrow(template.document);
    const bill = price(doc, book);
    return {
      id: template.id,
      name: template.name,
      cloud: doc.constraints.cloud ?? bill.cloud,
      region: doc.constraints.region,
      score: health(doc, { book }).score,
      monthlyUsd: bill.totalMonthlyUsd,
      incomplete: bill.incomplete,
      budgetUsdPerMonth: doc.constraints.budgetUsdPerMonth?.max,
      whenToUse: template.whenToUse,
    };
  });
}

/** "$1,234+" for a lower bound, "$1,234" otherwise: whole dollars, as the README tables show them. */
export const monthlyCost = (s: Pick<TemplateSummary, 'monthlyUsd' | 'incomplete'>) => `${usd(Math.round(Number(s.monthlyUsd)), 0)}${s.incomplete ? '+' : ''}`;

export default defineCommand({
  name: 'templates',
  summary: 'List the architecture templates with their cloud, health score and monthly cost',
  usage: '[--json]',
  help: [
    'Every template: a complete, wired design to start from (`backarch new --template ID`), with the cloud and region',
    'it is designed for, its health score on its own constraints and its monthly cost on that cloud from the price',
    'book. A cost ending in "+" is a lower bound: some of its lines have no price in the book (`backarch price` on the',
    'written file lists them).',
    '',
    '--json  the same, plus whenToUse and the exact cost, as a JSON array',
    '',
    'Exit codes: 0 listed; 2 bad command line.',
  ].join('\n'),
  options: { json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) throw new UsageError(`templates takes no arguments, got "${positionals[0]}"`);
    const summaries = await templateSummaries();
    if (values.json) {
      io.out(`${JSON.stringify(summaries, null, 2)}\n`);
      return 0;
    }
    const s = style(io);
    io.out(
      table(
        ['template', 'name', 'cloud', 'health', 'monthly cost'],
        summaries.map((t) => [t.id, t.name, `${t.cloud}${t.region ? ` (${t.region})` : ''}`, `${t.score}/100`, monthlyCost(t)]),
      ),
    );
    io.out(`\n${s.dim('`backarch new --template ID --out FILE` writes one as a .backarch.json file; a "+" cost is a lower bound (unpriced lines).')}\n`);
    return 0;
  },
});
