import { capacityOf, instancesNeeded } from '../capacity/capacity';
import { getComponentDef } from '../catalog/catalog';
import { applyChangeSet } from '../document/apply';
import type { ChangeSet } from '../document/change-set';
import { resolveConfig } from '../document/resolve';
import type { ArchDocument, Component } from '../document/schema';
import { count } from '../format';
import { traffic as computeTraffic, type TrafficResult } from '../traffic/traffic';
import { decimal, sub, toText, compare, ZERO } from './decimal';
import { priceComponent } from './engine';
import type { PriceBook } from './price-book';
import { sizeOf } from './pricers/sizing';
import type { PricedComponent } from './types';

export type AlternativeKind = 'smaller-instance' | 'reserved-term' | 'arm' | 'serverless';

export interface Alternative {
  component: string;
  label: string;
  kind: AlternativeKind;
  /** The edit that makes the saving, ready to apply (origin "user": the user chooses to apply it). */
  change: ChangeSet;
  /** Exact decimal string, USD per month. */
  monthlySavingUsd: string;
  /** Why it is safe, with the figures it relied on. */
  why: string;
}

/** x86 families and the Graviton family of the same role. */
const ARM_FAMILY: Record<string, string> = { t3: 't4g', t3a: 't4g', m5: 'm6g', m6i: 'm7g', m7i: 'm7g', c5: 'c6g', c6i: 'c7g', c7i: 'c7g', r5: 'r6g', r6i: 'r7g', r7i: 'r7g' };

/** Average load below which a Lambda function is suggested instead of always-on compute (requests/s). */
export const SERVERLESS_MAX_AVERAGE_RPS = 5;
/** Target utilisation when checking that a smaller size still carries the peak. */
export const TARGET_UTILISATION = 0.7;

const money = (value: string) => `$${Number(value).toFixed(2)}`;

interface Candidate {
  kind: AlternativeKind;
  summary: string;
  config?: Record<string, unknown>;
  type?: string;
  why: string;
  /** Whether the result must still carry the peak (sizes and types change; terms do not). */
  checkCapacity: boolean;
}

function candidatesFor(component: Component, priced: PricedComponent, book: PriceBook, load: { peakRps: number; averageRps: number }, cloud: string): Candidate[] {
  const config = resolveConfig(component) ?? {};
  const def = getComponentDef(component.type)!;
  const shape = def.config.shape as Record<string, unknown>;
  const out: Candidate[] = [];
  const instanceLine = priced.costComponents.find((l) => l.source && l.unit === 'hours' && l.source.sku === priced.sku);

  if ('term' in shape && config.term === 'on-demand' && instanceLine) {
    for (const term of ['reserved-1y', 'reserved-3y'] as const) {
      out.push({ kind: 'reserved-term', summary: `${term.replace('reserved-', 'Reserve ')} ${priced.label}`, config: { term }, checkCapacity: false, why: `a ${term.replace('reserved-', '')} commitment for a component that runs all month` });
    }
  }

  const sku = priced.sku;
  if (sku && instanceLine && typeof config.instanceType === 'string') {
    const prefix = /^(db|cache)\./.exec(sku)?.[0] ?? '';
    const [family, size] = sku.slice(prefix.length).split('.');
    const arm = family ? ARM_FAMILY[family] : undefined;
    if (arm && size) out.push({ kind: 'arm', summary: `Move ${priced.label} to Graviton (${prefix}${arm}.${size})`, config: { instanceType: `${prefix}${arm}.${size}` }, checkCapacity: true, why: `${prefix}${arm}.${size} is the Graviton (arm64) equivalent of ${sku} with the same vCPUs and memory; your software must run on arm64` });
    const current = sizeOf(book, sku);
    if (current && family) {
      const seen = new Set<string>();
      for (const record of book.skus(cloud, instanceLine.source!.service, priced.region)) {
        if (seen.has(record.sku) || !record.sku.startsWith(`${prefix}${family}.`)) continue;
        seen.add(record.sku);
        const smaller = sizeOf(book, record.sku);
        if (smaller && smaller.vcpu < current.vcpu) {
          out.push({ kind: 'smaller-instance', summary: `Downsize ${priced.label} to ${record.sku}`, config: { instanceType: record.sku }, checkCapacity: true, why: `${record.sku} (${smaller.vcpu} vCPU, ${smaller.memoryGib} GiB) instead of ${sku} (${current.vcpu} vCPU, ${current.memoryGib} GiB)` });
        }
      }
    }
  }
  if (component.type === 'aws.lambda' && config.architecture === 'x86_64') {
    out.push({ kind: 'arm', summary: `Run ${priced.label} on arm64`, config: { architecture: 'arm64' }, checkCapacity: false, why: 'arm64 (Graviton) Lambda bills less per GB-second; your code and its native dependencies must support arm64' });
  }
  if (cloud === 'aws' && (def.equivalence === 'vm' || def.equivalence === 'container-service') && load.averageRps < SERVERLESS_MAX_AVERAGE_RPS && !def.roles.includes('stateful')) {
    out.push({
      kind: 'serverless',
      summary: `Run ${priced.label} on AWS Lambda`,
      type: 'aws.lambda',
      checkCapacity: false,
      why: `at ${load.averageRps.toFixed(2)} requests/s on average (peak ${load.peakRps.toFixed(1)}), paying per request beats an always-on instance; Lambda's default 1,000 concurrent executions carry the peak; mind cold starts and the 15-minute limit`,
    });
  }
  return out;
}

/** The update op turning `component` into `candidate`: type change clears config keys the new type does not take. */
function changeFor(component: Component, candidate: Candidate): ChangeSet {
  let config: Record<string, unknown> = { ...candidate.config };
  if (candidate.type) {
    const shape = getComponentDef(candidate.type)!.config.shape as Record<string, unknown>;
    config = Object.fromEntries(Object.keys(component.config ?? {}).filter((key) => !(key in shape)).map((key) => [key, null]));
  }
  return {
    origin: 'user',
    summary: candidate.summary,
    ops: [{ op: 'updateComponent', id: component.id, ...(candidate.type && { type: candidate.type }), ...(Object.keys(config).length && { config }) }],
  };
}

/**
 * Cheaper ways to run the same design: a smaller instance that still carries the propagated peak, a reserved term,
 * a Graviton (arm64) instance, or a serverless function at low traffic. Each comes as a change set with its monthly
 * saving and the figures it relied on. Never a change that breaks capacity, leaves the cloud, or adds a line the
 * book cannot price; sorted by saving, one (the best) per component and kind.
 */
export function cheaperAlternatives(doc: ArchDocument, book: PriceBook, options: { traffic?: TrafficResult } = {}): Alternative[] {
  const trafficResult = options.traffic ?? computeTraffic(doc);
  const results: Alternative[] = [];
  for (const component of doc.components) {
    const { priced } = priceComponent(doc, component, book, trafficResult);
    if (priced.free || priced.monthlyUsd === null) continue;
    const missingBefore = priced.costComponents.filter((l) => l.missing).length;
    const load = trafficResult.components.get(component.id)!;
    const best = new Map<AlternativeKind, Alternative>();
    for (const candidate of candidatesFor(component, priced, book, load, priced.cloud)) {
      const change = changeFor(component, candidate);
      const applied = applyChangeSet(doc, change);
      if (!applied.ok) continue;
      const next = applied.document.components.find((c) => c.id === component.id)!;
      const after = priceComponent(applied.document, next, book, trafficResult).priced;
      // lines unknown both before and after (a disk the book has no price for) cancel out; new unknowns do not
      if (after.monthlyUsd === null || after.costComponents.filter((l) => l.missing).length > missingBefore || after.cloud !== priced.cloud) continue;
      const saving = sub(decimal(priced.monthlyUsd), decimal(after.monthlyUsd));
      if (compare(saving, ZERO) <= 0) continue;
      let why = candidate.why;
      if (candidate.checkCapacity) {
        const capacity = capacityOf(next, book);
        const before = capacityOf(component, book);
        if (before && !capacity) continue; // cannot show the smaller one still copes
        if (capacity) {
          const needed = load.peakRps / TARGET_UTILISATION;
          if (capacity.totalRps < needed) continue;
          why += `; peak ${load.peakRps.toFixed(1)} requests/s needs ${needed.toFixed(1)}/s at ${TARGET_UTILISATION * 100} % utilisation and ${capacity.basis} = ${count(capacity.totalRps)}/s covers it (${instancesNeeded(load.peakRps, capacity.perInstanceRps, TARGET_UTILISATION)} instance(s) would do)`;
        } else why += '; no capacity figure for this type, so check the load yourself';
      }
      const alternative: Alternative = { component: component.id, label: priced.label, kind: candidate.kind, change, monthlySavingUsd: toText(saving), why: `${why}; saves ${money(toText(saving))} a month` };
      const previous = best.get(candidate.kind);
      if (!previous || compare(saving, decimal(previous.monthlySavingUsd)) > 0) best.set(candidate.kind, alternative);
    }
    results.push(...best.values());
  }
  return results.sort((a, b) => compare(decimal(b.monthlySavingUsd), decimal(a.monthlySavingUsd)));
}
