import { PRICE_TERMS, type PriceRecord } from '@backarch/core';
import { loadBook } from '../book';
import { defineCommand } from '../command';
import { table } from '../format';
import { style, UsageError } from '../io';

export default defineCommand({
  name: 'prices',
  summary: 'Look up records in the price book, to check a number against the provider',
  usage: '[--cloud C] [--service S] [--sku K] [--region R] [--term T] [--limit N] [--json]',
  help: [
    'Every filter is optional and matches exactly (--sku also matches a prefix ending in "*", e.g. "t3.*").',
    'LLM records carry their provider (anthropic, openai, google) as cloud and the model id as sku.',
    'Prints cloud, service, sku, region, term, price per unit, tiers, attributes, source, trust and date.',
    '--limit N shows at most N records (default 50; --json prints all matches).',
  ].join('\n'),
  options: {
    cloud: { type: 'string' },
    service: { type: 'string' },
    sku: { type: 'string' },
    region: { type: 'string' },
    term: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    if (positionals.length) throw new UsageError(`prices takes no FILE; filter with --cloud, --service, --sku, --region, --term`);
    const term = values.term as string | undefined;
    if (term !== undefined && !(PRICE_TERMS as readonly string[]).includes(term)) throw new UsageError(`--term must be one of ${PRICE_TERMS.join(', ')}, got "${term}"`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, got "${values.limit}"`);
    const sku = values.sku as string | undefined;
    const skuMatches = (r: PriceRecord) => sku === undefined || (sku.endsWith('*') ? r.sku.startsWith(sku.slice(0, -1)) : r.sku === sku);
    const book = await loadBook();
    const matches = book.records.filter(
      (r) =>
        (values.cloud === undefined || r.cloud === values.cloud) &&
        (values.service === undefined || r.service === values.service) &&
        (values.region === undefined || r.region === values.region) &&
        (term === undefined || r.term === term) &&
        skuMatches(r),
    );
    if (values.json) {
      io.out(`${JSON.stringify(matches, null, 2)}\n`);
      return 0;
    }
    const s = style(io);
    if (matches.length === 0) {
      io.out('No matching records. Try fewer filters; `backarch prices --cloud aws --service ec2 --sku "t3.*"` shows the shape.\n');
      return 0;
    }
    const shown = matches.slice(0, limit);
    const attributes = (r: PriceRecord) =>
      Object.entries(r.attributes)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
    io.out(
      table(
        ['Cloud', 'Service', 'SKU', 'Region', 'Term', 'USD', 'Unit', 'Attributes', 'Source', 'Trust', 'Date'],
        shown.map((r) => [
          r.cloud,
          r.service,
          r.sku,
          r.region,
          r.term,
          r.tiers ? `${r.usd} (tiers: ${r.tiers.map((t) => `≥${t.from}: ${t.usd}`).join(', ')})` : r.usd,
          r.unit,
          attributes(r),
          `${r.source.file} ${r.source.key}`,
          r.source.trust,
          r.effectiveDate,
        ]),
      ),
    );
    if (matches.length > shown.length) io.out(s.dim(`${matches.length - shown.length} more; narrow the filters or raise --limit.\n`));
    return 0;
  },
});
