import { outOf, inOf } from '../../graph/graph';
import { COMPONENT_DEFS } from '../../catalog/components/registry';
import type { ComponentDef, Role } from '../../catalog/types';
import type { ChangeSet } from '../../document/change-set';
import { cloudOfRegion, regionOn, type PricedCloud } from '../../pricing/regions';
import { nearestSku, sizeOf } from '../../pricing/pricers/sizing';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { fmt } from '../../format';
import { applyNearby } from './helpers';

const CLOUD_NAME: Record<PricedCloud, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
/** Price-book service listing each cloud's VM sizes, for mapping an instance type to the nearest size. */
const VM_SERVICE: Record<PricedCloud, string> = { aws: 'ec2', gcp: 'compute-engine', azure: 'vm' };
/** Roles that say how a component is run, not what it does: an equivalent need not share them. */
const OPERATIONAL_ROLES: ReadonlySet<Role> = new Set(['ha-managed', 'self-managed', 'stateful', 'broker']);

/** Load balancers work at layer 4 (TCP/UDP) or layer 7 (HTTP); an equivalent must work at the same layer. */
function layer(type: string, config: Record<string, unknown>): 4 | 7 {
  if (type === 'aws.nlb' || type === 'azure.load-balancer') return 4;
  if (type === 'gcp.load-balancer') return config.type === 'application' ? 7 : 4;
  return 7;
}

const isCloud = (vendor: string): vendor is PricedCloud => vendor === 'aws' || vendor === 'gcp' || vendor === 'azure';
const doesAll = (candidate: ComponentDef, def: ComponentDef) => def.roles.every((r) => OPERATIONAL_ROLES.has(r) || candidate.roles.includes(r));

interface Equivalent {
  def: ComponentDef;
  /** Of another class: the closest there is, not a like-for-like equivalent. */
  nearest?: boolean;
  /** It cannot do all the original does: named, but not offered as a fix. */
  lossy?: boolean;
  /** Why this one, for the message. */
  why: string;
}

/**
 * The component type that stands in for `def` on `cloud`: that cloud's type of the same equivalence class (the one
 * doing everything `def` does, when there are several); else a neutral type of the class, which is priced as the
 * cloud's own offering (preferring one the provider runs); else, as the nearest, that cloud's type or a neutral type
 * the provider runs of the same category doing everything `def` does.
 */
function findEquivalent(def: ComponentDef, cloud: PricedCloud, lb?: 4 | 7): Equivalent | undefined {
  const all = COMPONENT_DEFS as readonly ComponentDef[];
  const selfRun = (d: ComponentDef) => d.roles.includes('self-managed') && !def.roles.includes('self-managed');
  const caveat = (d: ComponentDef) => (selfRun(d) ? '; the team would run it itself' : '');
  const sameClass = all.filter((d) => d.equivalence === def.equivalence && d.vendor === cloud);
  const onCloud = (lb && sameClass.find((d) => d.id === 'gcp.load-balancer' || layer(d.id, {}) === lb)) || (sameClass.find((d) => doesAll(d, def)) ?? sameClass[0]);
  if (onCloud) {
    const l7Lost = lb === 7 && onCloud.id === 'azure.load-balancer';
    return { def: onCloud, ...(l7Lost && { lossy: true }), why: `same class: ${def.equivalence}${l7Lost ? '; it works at layer 4 only, so HTTP routing by host and path moves to Front Door or Application Gateway' : ''}` };
  }
  const neutrals = all.filter((d) => d.equivalence === def.equivalence && d.vendor === 'neutral' && doesAll(d, def));
  const neutral = neutrals.find((d) => !selfRun(d)) ?? neutrals[0];
  if (neutral) {
    return { def: neutral, why: `same class: ${def.equivalence}; ${CLOUD_NAME[cloud]} has no type of its own in the catalog, and ${neutral.name} is priced as its ${CLOUD_NAME[cloud]} offering${caveat(neutral)}` };
  }
  const roles = def.roles.filter((r) => !OPERATIONAL_ROLES.has(r)).join(', ');
  const nearest = all.find((d) => d.vendor === cloud && d.category === def.category && doesAll(d, def)) ?? all.find((d) => d.vendor === 'neutral' && d.category === def.category && doesAll(d, def) && !selfRun(d));
  if (nearest) {
    return { def: nearest, nearest: true, why: `${CLOUD_NAME[cloud]} has no ${def.equivalence} type in the catalog; this ${nearest.equivalence} type has the same roles: ${roles}` };
  }
  return undefined;
}

const equivalents = new Map<string, Equivalent | undefined>();
function equivalentOf(def: ComponentDef, config: Record<string, unknown>, cloud: PricedCloud): Equivalent | undefined {
  const lb = def.equivalence === 'load-balancer' ? layer(def.id, config) : undefined;
  const key = `${def.id} ${cloud} ${lb ?? ''}`;
  if (!equivalents.has(key)) equivalents.set(key, findEquivalent(def, cloud, lb));
  return equivalents.get(key);
}

/**
 * The change turning component i into `target`: keys the new type does not take, or takes with other values, are
 * cleared (as `cheaperAlternatives` does); a region of the old cloud moves to the nearest region of the new one; an
 * instance type moves to the nearest size on the new cloud when the price book knows both, else is cleared.
 */
function moveTo(ctx: RuleContext, i: number, target: ComponentDef, cloud: PricedCloud): ChangeSet {
  const component = ctx.doc.components[i]!;
  const from = ctx.graph.defs[i]!;
  const shape = target.config.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const config: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [key, value] of Object.entries(component.config ?? {})) {
    if (key === 'region' && typeof value === 'string') {
      if (cloudOfRegion(value) === from.vendor) {
        const region = regionOn(cloud, value);
        config.region = region === ctx.doc.constraints.region ? null : region;
      }
    } else if (key === 'instanceType' && typeof value === 'string' && key in shape) {
      // VM sizes map across clouds; other products (cache nodes, search domains) are sized differently on each
      const vmLike = target.equivalence === 'vm' || target.equivalence === 'kubernetes';
      const size = vmLike && ctx.book ? sizeOf(ctx.book, value) : undefined;
      const near = ctx.book && size ? nearestSku(ctx.book, { cloud, service: VM_SERVICE[cloud], region: regionOn(cloud, ctx.doc.constraints.region), term: 'on-demand', filter: (r) => r.attributes.os === undefined || r.attributes.os === 'linux' }, size) : undefined;
      config.instanceType = near ? near.sku : null;
      notes.push(near ? `${value} → ${near.sku}` : `instance type ${value} cleared: choose a size`);
    } else if (!(key in shape) || !shape[key]!.safeParse(value).success) config[key] = null;
  }
  if (target.id === 'gcp.load-balancer' && from.equivalence === 'load-balancer' && layer(from.id, ctx.config(i)) === 4) config.type = 'passthrough-network';
  return {
    origin: 'fix:cloud-mismatch',
    summary: `Replace ${ctx.name(i)} (${from.name}) by ${target.name}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    ops: [{ op: 'updateComponent', id: component.id, type: target.id, ...(Object.keys(config).length > 0 && { config }) }],
  };
}

export default defineRule({
  id: 'cloud-mismatch',
  name: 'Cloud mismatch',
  category: 'operability',
  severity: 'medium',
  description:
    "A component of another cloud than `constraints.cloud` (unless it is `multi` or unset): every call to it crosses the internet between clouds, adding latency and egress charges, and it brings a second set of accounts, IAM, networking and billing to run. One finding per component, with the traffic crossing, naming its equivalent on the document's cloud: the type of the same equivalence class there (a load balancer working at the same layer), else the class's neutral type (priced as that cloud's offering, preferring one the provider runs), else, as the nearest, a type of the same category with the same roles. The fix changes the type — clearing config the new type does not take, moving a region of the old cloud to the nearest one and a VM size to the nearest size — when the component's connections fit the equivalent and it loses nothing (no fix from a layer-7 load balancer to a layer-4 one). Neutral and SaaS components (Cloudflare, Datadog, Auth0, model APIs) belong to no cloud and are not flagged.",
  check(ctx) {
    const cloud = ctx.doc.constraints.cloud;
    if (!cloud || cloud === 'multi') return [];
    const { graph } = ctx;
    const findings: FindingDraft[] = [];
    for (let i = 0; i < graph.n; i++) {
      const def = graph.defs[i]!;
      if (!isCloud(def.vendor) || def.vendor === cloud) continue;
      const id = graph.ids[i]!;
      const name = ctx.name(i);

      // connections to components not on the same foreign cloud cross between clouds
      const crossing: string[] = [];
      let peak = 0;
      let monthly = 0;
      for (const e of [...outOf(graph, i), ...inOf(graph, i)]) {
        const other = graph.from[e] === i ? graph.to[e]! : graph.from[e]!;
        if (graph.defs[other]!.vendor === def.vendor) continue;
        const connection = ctx.doc.connections[e]!;
        crossing.push(connection.id);
        const load = ctx.traffic.connectionLoad(e);
        peak += load.peakRps;
        monthly += load.monthlyRequests;
      }
      const unit = def.roles.some((r) => r === 'queue' || r === 'topic' || r === 'stream' || r === 'event-bus') ? 'messages' : 'requests';
      const rates = peak > 0 ? ` (${fmt(peak)} ${unit}/s at peak, ${fmt(monthly / 1e6)} million a month)` : '';
      const n = crossing.length;
      const crosses = n === 0 ? '' : `${n === 1 ? 'its connection' : `its ${n} connections`} to the rest of the design ${n === 1 ? 'crosses' : 'cross'} between clouds over the internet${rates}, adding latency and egress charges, and `;
      const cost = `${crosses}it brings a second cloud account, IAM, networking and bill to run`;

      const equivalent = equivalentOf(def, ctx.config(i), cloud);
      let fix: ChangeSet | undefined;
      if (equivalent && !equivalent.lossy) {
        const change = moveTo(ctx, i, equivalent.def, cloud);
        if (applyNearby(ctx, i, change).ok) fix = change;
      }
      const instead = equivalent
        ? ` ${equivalent.nearest ? `The nearest on ${CLOUD_NAME[cloud]}` : `The ${CLOUD_NAME[cloud]} equivalent`} is ${equivalent.def.name} (${equivalent.def.id}; ${equivalent.why})${fix || equivalent.lossy ? '' : ', but its connections do not all fit it, so the change needs a hand'}.`
        : ` The catalog has no ${CLOUD_NAME[cloud]} type of its class (${def.equivalence}) or with the same roles.`;
      findings.push({
        components: [id],
        connections: crossing,
        message: `${name} is ${def.name}, ${def.vendor === 'gcp' ? 'a' : 'an'} ${CLOUD_NAME[def.vendor]} service in a design for ${CLOUD_NAME[cloud]}: ${cost}.${instead}`,
        remediation: equivalent
          ? `Use ${equivalent.def.name} instead, or, if the design spans clouds on purpose, set constraints.cloud to "multi" or accept the risk on this component with the reason.`
          : `Keep it only if the design must span clouds: set constraints.cloud to "multi", or accept the risk on this component with the reason.`,
        ...(fix && { fix }),
      });
    }
    return findings;
  },
});
