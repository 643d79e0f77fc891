import { cheaperAlternatives, compareClouds, price, PRICED_CLOUDS, type Alternative, type CloudComparison, type PricedCloud, type PriceResult } from '@backarch/core';
import { loadBook } from '../book';
import { defineCommand } from '../command';
import { readDocument } from '../document-file';
import { quantity, signedUsd, table, usd } from '../format';
import { style, UsageError, type CommandIo } from '../io';

export default defineCommand({
  name: 'price',
  summary: 'Itemised monthly bill of a design, on its cloud or compared across AWS, GCP and Azure',
  usage: 'FILE [--cloud aws|gcp|azure] [--compare] [--alternatives] [--json]',
  help: [
    'Prices every component from the price book: cost lines (quantity × unit price, 730 hours a month), the',
    'component total and the bill total. Usage-based lines take their quantities from the traffic model.',
    'A line the book has no price for is shown as unknown and listed; it is never counted as $0. A line priced',
    "with another region's list price is marked as an estimate.",
    '',
    '--cloud C     price the design on cloud C, mapping each component to its nearest equivalent there',
    '--compare     the design on AWS, GCP and Azure side by side, with deltas and every mapping',
    '--alternatives  cheaper ways to run the same design (smaller size that still carries the peak, reserved',
    '              term, Graviton, Lambda at low traffic), each with its monthly saving and a change set; on the',
    '              design\'s own cloud, so not with --cloud or --compare',
    '--json        the engine\'s result (with --compare, the comparison)',
    '',
    'Exit codes: 0 priced (even with unknown lines); 2 the file cannot be read or is not a valid document.',
  ].join('\n'),
  options: {
    cloud: { type: 'string' },
    compare: { type: 'boolean', default: false },
    alternatives: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const [file, extra] = positionals;
    if (!file || extra !== undefined) throw new UsageError('price takes exactly one FILE');
    const cloud = values.cloud as string | undefined;
    if (cloud !== undefined && !(PRICED_CLOUDS as readonly string[]).includes(cloud)) throw new UsageError(`--cloud must be one of ${PRICED_CLOUDS.join(', ')}, got "${cloud}"`);
    // alternatives are changes to the design as drawn, priced on its own cloud: not to a mapped or compared bill
    if (values.alternatives && (values.compare || cloud !== undefined)) throw new UsageError(`--alternatives prices the design on its own cloud; it cannot be combined with ${values.compare ? '--compare' : '--cloud'}`);
    const read = await readDocument(file, io);
    if ('exitCode' in read) return read.exitCode;
    const book = await loadBook();
    if (values.compare) {
      const comparison = compareClouds(read.doc, book);
      io.out(values.json ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonText(read.doc.name, comparison, io));
      return 0;
    }
    const result = price(read.doc, book, cloud ? { cloud: cloud as PricedCloud } : {});
    const alternatives = values.alternatives ? cheaperAlternatives(read.doc, book) : undefined;
    if (values.json) io.out(`${JSON.stringify(alternatives ? { ...result, alternatives } : result, null, 2)}\n`);
    else io.out(billText(read.doc.name, result, io) + (alternatives ? alternativesText(alternatives, io) : ''));
    return 0;
  },
});

function billText(name: string, result: PriceResult, io: CommandIo): string {
  const s = style(io);
  const out: string[] = [`${s.bold(name)} — monthly estimate on ${result.cloud.toUpperCase()} (${result.region}), USD\n\n`];
  const rows: string[][] = [];
  for (const c of result.components) {
    if (c.free) continue;
    const partial = c.monthlyUsd !== null && c.costComponents.some((l) => l.missing);
    rows.push([`${c.label} (${c.product})`, '', '', '', partial ? `${usd(c.monthlyUsd)} + unknown` : usd(c.monthlyUsd)]);
    for (const line of c.costComponents) {
      const flag = line.missing ? ' !' : line.estimate ? ' ~' : '';
      rows.push([`  ${line.name}${flag}`, `${quantity(line.quantity)} ${line.unit}`, line.unitPriceUsd === null ? 'unknown' : `$${line.unitPriceUsd}`, line.usageBased ? 'usage' : '', usd(line.monthlyUsd)]);
    }
  }
  out.push(table(['Component / cost line', 'Monthly qty', 'Unit price', '', 'Monthly'], rows));
  out.push(`\n${s.bold(`Total: ${usd(result.totalMonthlyUsd)} a month`)}${result.incomplete ? s.yellow(' (lower bound: some prices are unknown)') : ''}\n`);
  const notes: string[] = [];
  for (const c of result.components) {
    for (const line of c.costComponents) {
      if (line.missing) notes.push(`! ${c.label}: ${line.name}: ${line.missing}`);
      else if (line.estimate) notes.push(`~ ${c.label}: ${line.name}: ${line.estimate}`);
      if (line.onDemandMonthlyUsd && line.monthlyUsd) {
        const saving = Number(line.onDemandMonthlyUsd) - Number(line.monthlyUsd);
        notes.push(`↓ ${c.label}: ${line.name}: saves ${usd(saving)} a month against on-demand (${usd(line.onDemandMonthlyUsd)})`);
      }
    }
    for (const note of c.notes) if (!c.free) notes.push(`  ${c.label}: ${note}`);
    if (c.mapping) notes.push(`→ ${c.label}: ${c.mapping}`);
  }
  for (const item of result.unpriced.filter((u) => !u.line)) notes.push(`! ${item.id}: ${item.reason}`);
  if (notes.length) out.push(`\nNotes:\n${notes.map((n) => `  ${n}\n`).join('')}`);
  out.push(`\n${s.dim(`Traffic: ${result.trafficBasis}. 730 hours a month.`)}\n`);
  out.push(`${s.dim(sourcesLine(result))}\n`);
  return out.join('');
}

function sourcesLine(result: PriceResult): string {
  const sources = new Map<string, string>();
  for (const c of result.components) for (const line of c.costComponents) if (line.source) sources.set(line.source.file, `${line.source.file} (${line.source.effectiveDate}, trust ${line.source.trust})`);
  return sources.size ? `Prices from: ${[...sources.values()].sort().join('; ')}.` : 'No prices used.';
}

function comparisonText(name: string, comparison: CloudComparison, io: CommandIo): string {
  const s = style(io);
  const out = [`${s.bold(name)} — the same design on each cloud, USD per month\n\n`];
  out.push(
    table(
      ['Cloud', 'Region', 'Monthly', 'Δ/month', 'Δ/year', ''],
      comparison.clouds.map((c) => [
        `${c.cloud.toUpperCase()}${c.cloud === comparison.current ? ' (current)' : ''}`,
        c.region,
        usd(c.totalMonthlyUsd),
        c.cloud === comparison.current ? '' : signedUsd(c.deltaMonthlyUsd),
        c.cloud === comparison.current ? '' : signedUsd(c.deltaYearlyUsd),
        [c.incomplete ? `${c.unpriced.length} unknown` : '', c.hasEstimates ? 'estimates' : ''].filter(Boolean).join(', '),
      ]),
    ),
  );
  for (const c of comparison.clouds) {
    out.push(`\n${s.bold(c.cloud.toUpperCase())}\n`);
    for (const component of c.components) {
      out.push(`  ${component.label.padEnd(28)} ${usd(component.monthlyUsd).padStart(12)}  ${component.product}${component.mapping ? s.dim(` — ${component.mapping}`) : ''}\n`);
    }
    for (const item of c.unpriced) out.push(`  ${s.yellow('!')} ${item.id}${item.line ? ` (${item.line})` : ''}: ${item.reason}\n`);
  }
  out.push(`\n${s.dim('Totals with unknown lines are lower bounds; every mapping is listed above.')}\n`);
  return out.join('');
}

function alternativesText(alternatives: Alternative[], io: CommandIo): string {
  const s = style(io);
  if (alternatives.length === 0) return `\n${s.bold('Cheaper alternatives:')} none that keep capacity and the constraints, with the prices the book has.\n`;
  const lines = alternatives.map((a) => `  ${s.green(usd(a.monthlySavingUsd).padStart(11))}/month  ${a.change.summary}\n${' '.repeat(21)}${s.dim(a.why)}\n`);
  const total = alternatives.reduce((sum, a) => sum + Number(a.monthlySavingUsd), 0);
  return `\n${s.bold('Cheaper alternatives')} (up to ${usd(total)} a month if all were taken; --json has the change sets):\n${lines.join('')}`;
}
