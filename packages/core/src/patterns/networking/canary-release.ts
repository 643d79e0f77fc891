import { z } from 'zod';
import { definePattern } from '../define';
import { inSelection, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { connectionById, num } from '../scalability/wiring';
import { addCopy, routedServices } from './release';

const params = z.object({
  canaryPercent: z.number().min(0.1).max(50).default(5).describe('Share of the traffic the canary (new version) takes, in percent.'),
});

/** Requests an hour (at the average rate) a canary needs to be judged within an hour: below this, errors of a few per cent are noise. */
const MIN_CANARY_REQUESTS_PER_HOUR = 1000;

export default definePattern({
  id: 'canary-release',
  name: 'Canary release',
  category: 'networking',
  difficulty: 'advanced',
  problem:
    'Every release of a service goes to all of its users at once. A regression that tests did not catch (a slow query on production data, a memory leak, a broken edge case for one client) hits everyone before anyone notices, and the blast radius of each deploy is the whole user base.',
  solution:
    'Deploy the new version as a small second copy beside the stable one and let the router (load balancer or gateway weights) send it a small share of the traffic, 5 % by default. Compare the canary with the stable copy on the same metrics over the same window; promote it step by step (5 → 25 → 50 → 100 %) while they match, and set its weight to zero the moment they diverge.',
  tradeoffs: {
    operations:
      'Judging a canary needs metrics split by version: error rate (5xx and failed business operations), p50/p99 latency, saturation (CPU, memory, pool usage) and a business signal (checkouts per minute), compared against the stable copy rather than a fixed threshold. At 5 % of a low-traffic service the canary sees too few requests for the difference to be significant: wait longer or raise the share.',
    consistency:
      'Both versions run at once for the whole analysis window, against the same database and queues: schema and message formats must be readable by both, and a user may hit different versions on consecutive requests unless routing is sticky.',
    cost: 'Only the canary’s extra instances (two small ones here), far less than a full blue-green copy; automated analysis (Argo Rollouts, Flagger, CodeDeploy) adds tooling to run.',
    latency: 'Promotion takes the length of the analysis steps, typically 30–60 minutes per release instead of one switch.',
  },
  avoidWhen:
    'Traffic is too low for a small share to show anything within an hour (fewer than about 1,000 canary requests an hour), versions cannot run side by side (incompatible schema or message changes), or there are no per-version metrics to compare.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const { canaryPercent } = params.parse({});
    const targets: PatternTarget[] = [];
    for (const c of routedServices(ctx, ['load-balancer', 'gateway'])) {
      const rate = ctx.peakRps(c.id);
      const canary = (rate * canaryPercent) / 100;
      const hourly = (canary / ctx.traffic.peakToAverage) * 3600;
      if (hourly < MIN_CANARY_REQUESTS_PER_HOUR) continue; // too little traffic for a small share to tell anything
      targets.push({
        components: [c.to, c.from],
        connections: [c.id],
        reason: `${ctx.name(c.from)} sends all ~${num(rate)} requests/s (peak) of ${ctx.name(c.to)} traffic to one version, so each release reaches every user at once. A ${canaryPercent} % canary would see ~${num(canary)} requests/s at peak, ~${num(hourly)} an hour on average: enough to compare its error rate and latency with the stable copy within an hour.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const route = connectionById(doc, target.connections[0]!);
    const { ops } = addCopy(ctx, route, 'canary', '(canary)', p.canaryPercent / 100);
    return patternChangeSet(
      'canary-release',
      `Canary release: ${ctx.name(route.from)} sends ${p.canaryPercent} % of ${ctx.name(route.to)} traffic to ${ctx.name(route.to)} (canary), ${100 - p.canaryPercent} % to the stable copy`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Canary release',
    description: 'Kong routes the checkout traffic to one Checkout version; a canary copy takes 5 % of it so a bad release shows up on a few users first.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 400 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
      { id: 'kong', type: 'kong', label: 'Kong gateway', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', config: { replicas: 4 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'kong', type: 'http' },
      { from: 'kong', to: 'checkout', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'checkout', to: 'db', type: 'write' },
    ],
  },
});
