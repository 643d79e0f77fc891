import { DEFAULT_RESPONSE_SIZE_KB, SECONDS_PER_MONTH } from '../../../traffic/traffic';
import type { CostItem, Pricer, PricerContext, PricerResult } from '../../types';
import { definePricer } from '../define';
import { internetEgressItem, monthlyHours, monthlyRequests, usage } from '../helpers';
import { outgoing } from './links';
import { wafItems } from './waf';

/** Requests a client sends over one connection (HTTP keep-alive) when estimating new connections. */
export const DEFAULT_REQUESTS_PER_CONNECTION = 10;
/** How long a client connection stays open, in seconds, when estimating active connections. */
export const DEFAULT_CONNECTION_SECONDS = 60;
/** Request size when no `usage.requestSizeKb` is given, in KB (responses use the traffic model's default). */
export const DEFAULT_REQUEST_SIZE_KB = 1;
const KB_PER_GB = 1024 * 1024;

/** One capacity-unit dimension: how much of it one LCU covers per hour. */
interface Dimension {
  name: string;
  perUnit: number;
  unit: string;
}

/**
 * AWS's published capacity-unit dimensions. ALB LCU: 25 new connections/s, 3,000 active connections, 1 GB/hour
 * processed (0.4 GB for Lambda targets), 1,000 rule evaluations/s (the first 10 rules per request are free). NLB NLCU
 * per protocol: TCP 800 new flows/s, 100,000 active flows; UDP 400 and 50,000; TLS 50 and 3,000; 1 GB/hour each.
 */
const ALB_DIMENSIONS = { newPerSecond: 25, active: 3000, gbPerHour: 1, gbPerHourLambda: 0.4 };
const NLB_DIMENSIONS: Record<string, { newPerSecond: number; active: number; gbPerHour: number }> = {
  tcp: { newPerSecond: 800, active: 100000, gbPerHour: 1 },
  tcp_udp: { newPerSecond: 400, active: 50000, gbPerHour: 1 },
  udp: { newPerSecond: 400, active: 50000, gbPerHour: 1 },
  tls: { newPerSecond: 50, active: 3000, gbPerHour: 1 },
};

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Capacity units at a request rate: the largest dimension, and which one it is. */
function capacityUnits(ctx: PricerContext, rps: number, limits: { newPerSecond: number; active: number; gbPerHour: number }, flows: string) {
  const u = usage(ctx);
  const kb = (u.requestSizeKb ?? DEFAULT_REQUEST_SIZE_KB) + (u.responseSizeKb ?? DEFAULT_RESPONSE_SIZE_KB);
  const newPerSecond = rps / DEFAULT_REQUESTS_PER_CONNECTION;
  const dims: Array<Dimension & { value: number }> = [
    { name: `new ${flows}`, perUnit: limits.newPerSecond, unit: '/s', value: newPerSecond },
    { name: `active ${flows}`, perUnit: limits.active, unit: '', value: newPerSecond * DEFAULT_CONNECTION_SECONDS },
    { name: 'processed bytes', perUnit: limits.gbPerHour, unit: ' GB/hour', value: (rps * 3600 * kb) / KB_PER_GB },
  ];
  let top = dims[0]!;
  for (const d of dims) if (d.value / d.perUnit > top.value / top.perUnit) top = d;
  return { units: top.value / top.perUnit, top, kb };
}

function loadBalancer(ctx: PricerContext, kind: 'alb' | 'nlb'): PricerResult {
  const averageRps = monthlyRequests(ctx) / SECONDS_PER_MONTH;
  const peakRatio = ctx.load.averageRps > 0 ? ctx.load.peakRps / ctx.load.averageRps : 1;
  let limits: { newPerSecond: number; active: number; gbPerHour: number };
  let flows: string;
  let label: string;
  const notes: string[] = [];
  if (kind === 'alb') {
    const lambdaTargets = outgoing(ctx).some((l) => l.otherDef?.roles.includes('serverless'));
    limits = { ...ALB_DIMENSIONS, gbPerHour: lambdaTargets ? ALB_DIMENSIONS.gbPerHourLambda : ALB_DIMENSIONS.gbPerHour };
    flows = 'connections';
    label = 'LCU';
    if (lambdaTargets) notes.push('Lambda targets: 0.4 GB processed per LCU-hour');
    notes.push('rule evaluations: up to 10 rules per request assumed (free)');
  } else {
    const protocol = (ctx.config.protocol as string | undefined) ?? 'tcp';
    limits = NLB_DIMENSIONS[protocol] ?? NLB_DIMENSIONS.tcp!;
    flows = protocol === 'udp' || protocol === 'tcp_udp' ? 'UDP flows' : protocol === 'tls' ? 'TLS connections' : 'TCP flows';
    label = 'NLCU';
  }
  const average = capacityUnits(ctx, averageRps, limits, flows);
  const peak = capacityUnits(ctx, averageRps * peakRatio, limits, flows);
  const name = kind === 'alb' ? 'Application load balancer' : 'Network load balancer';
  const items: CostItem[] = [
    { name, quantity: monthlyHours(1), unit: 'hours', price: { cloud: 'aws', service: kind, sku: 'hour' }, usageBased: false },
    {
      name: `Load balancer capacity units (${label}s)`,
      quantity: monthlyHours(average.units),
      unit: `${label}-hours`,
      price: { cloud: 'aws', service: kind, sku: 'lcu' },
      usageBased: true,
    },
  ];
  notes.unshift(
    averageRps > 0
      ? `${label}s from the average rate of ${round(averageRps, 2)} requests/s: ${round(average.units)} ${label}s an hour, dominated by ${average.top.name} (${round(average.top.value, 2)}${average.top.unit} of ${average.top.perUnit}${average.top.unit} per ${label}); at the peak rate ${round(peak.units)} ${label}s an hour`
      : `no traffic in the model: no ${label}s`,
    `${DEFAULT_REQUESTS_PER_CONNECTION} requests per client connection, ${DEFAULT_CONNECTION_SECONDS} s per connection, ${average.kb} KB processed per request (request + response)`,
  );
  if (kind === 'nlb' && ctx.config.crossZone === true) notes.push('cross-zone load balancing: traffic between zones is billed as inter-AZ data transfer (not included)');
  if (kind === 'alb' && ctx.config.waf === true) {
    const waf = wafItems(monthlyRequests(ctx));
    items.push(...waf.items);
    notes.push(waf.note);
  }
  const egress = ctx.config.public === false ? undefined : internetEgressItem(ctx);
  if (egress) items.push(egress);
  const product = kind === 'alb' ? 'Application Load Balancer' : 'Network Load Balancer';
  const rules = (ctx.config.rules as number | undefined) ?? (ctx.config.forwardingRules as number | undefined);
  const mapping = rules !== undefined && rules > 1 ? `${rules} forwarding or load-balancing rules → one ${product} with ${rules} listeners (AWS bills the load balancer, not its rules)` : undefined;
  return { product, items, notes, ...(mapping && { mapping }) };
}

/**
 * Application and Network Load Balancers: the load balancer per hour plus capacity units (LCUs / NLCUs) per hour,
 * estimated from the traffic: new connections, active connections and processed bytes, each against AWS's published
 * dimension, the largest one billed; the notes say which dimension dominates and what the peak would be. Internet
 * egress to clients is billed as data transfer out. The ALB prices layer-7 load balancers of other clouds; the NLB
 * prices `aws.nlb`, Azure Load Balancer and Google's network (layer-4) load balancers.
 */
export const alb: Pricer = definePricer({
  id: 'aws.alb',
  cloud: 'aws',
  equivalence: ['load-balancer'],
  price: (ctx) => loadBalancer(ctx, 'alb'),
});

export const nlb: Pricer = definePricer({
  id: 'aws.nlb',
  cloud: 'aws',
  equivalence: ['load-balancer'],
  types: ['aws.nlb', 'azure.load-balancer', 'gcp.load-balancer'],
  // Google's application load balancer is layer 7: the ALB prices it
  when: (config) => config.type !== 'application',
  price: (ctx) => loadBalancer(ctx, 'nlb'),
});
