import { COMPONENT_DEFS } from '../../catalog/components/registry';
import type { ComponentDef, Role } from '../../catalog/types';
import type { ChangeSet } from '../../document/change-set';
import type { PricedCloud } from '../../pricing/regions';
import { cloudOfRegion, regionOn } from '../../pricing/regions';
import { nearestSku, sizeOf } from '../../pricing/pricers/sizing';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { applyNearby, fmtFast } from './helpers';

const CLOUD_NAME: Record<PricedCloud, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
/** Price-book service listing each cloud's VM sizes, for mapping an instance type to the nearest size. */
const VM_SERVICE: Record<PricedCloud, string> = { aws: 'ec2', gcp: 'compute-engine', azure: 'vm' };
/** Roles that say how a component is run, not what it does: an equivalent need not share them. */
const OPERATIONAL_ROLES: ReadonlySet<Role> = new Set(['ha-managed', 'self-managed', 'stateful', 'broker']);

const isCloud = (vendor: string): vendor is PricedCloud => vendor === 'aws' || vendor === 'gcp' || vendor === 'azure';
const doesAll = (candidate: ComponentDef, def: ComponentDef) => def.roles.every((r) => OPERATIONAL_ROLES.has(r) || candidate.roles.includes(r));

interface Equivalent {
  def: ComponentDef;
  /** Of another class: the closest there is, not a like-for-like equivalent. */
  nearest?: boolean;
  /** Why this one, for the message. */
  why: string;
}

/**
 * The component type that stands in for `def` on `cloud`: that cloud's type of the same equivalence class (the one
 * doing everything `def` does, when there are several); else a neutral type of the class, which is priced as the
 * cloud's own offering; else that cloud's type of the same category doing everything `def` does.
 */
function findEquivalent(def: ComponentDef, cloud: PricedCloud): Equivalent | undefined {
  const sameClass = COMPONENT_DEFS.filter((d) => d.equivalence === def.equivalence && d.vendor === cloud) as ComponentDef[];
  const onCloud = sameClass.find((d) => doesAll(d, def)) ?? sameClass[0];
  if (onCloud) return { def: onCloud, why: `same class: ${def.equivalence}` };
  const neutral = (COMPONENT_DEFS as readonly ComponentDef[]).find((d) => d.equivalence === def.equivalence && d.vendor === 'neutral' && doesAll(d, def));
  if (neutral) return { def: neutral, why: `same class: ${def.equivalence}; ${CLOUD_NAME[cloud]} has no type of its own in the catalog, and ${neutral.name} is priced as its ${CLOUD_NAME[cloud]} offering` };
  const nearest = (COMPONENT_DEFS as readonly ComponentDef[]).find((d) => d.vendor === cloud && d.category === def.category && doesAll(d, def));
  if (nearest) return { def: nearest, nearest: true, why: `${CLOUD_NAME[cloud]} has no ${def.equivalence} type in the catalog; this ${nearest.equivalence} type has the same roles: ${def.roles.filter((r) => !OPERATIONAL_ROLES.has(r)).join(', ')}` };
  return undefined;
}

const equivalents = new Map<string, Equivalent | undefined>();
function equivalentOf(def: ComponentDef, cloud: PricedCloud): Equivalent | undefined {
  const key = `${def.id} ${cloud}`;
  if (!equivalents.has(key)) equivalents.set(key, findEquivalent(def, cloud));
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
    "A component of another cloud than `constraints.cloud` (unless it is `multi` or unset): every call to it crosses the internet between clouds, adding latency and egress charges, and it brings a second set of accounts, IAM, networking and billing to run. One finding per component, naming its equivalent on the document's cloud: the type of the same equivalence class there, else the class's neutral type (priced as that cloud's offering), else that cloud's type of the same category doing the same job. The fix changes the type when the component's connections fit the equivalent. Neutral and SaaS components (Cloudflare, Datadog, Auth0, model APIs) belong to no cloud and are not flagged.",
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
      for (const e of [...graph.out[i]!, ...graph.in[i]!]) {
        const other = graph.from[e] === i ? graph.to[e]! : graph.from[e]!;
        if (graph.defs[other]!.vendor === def.vendor) continue;
        const connection = ctx.doc.connections[e]!;
        crossing.push(connection.id);
        const load = ctx.traffic.connections.get(connection.id)!;
        peak += load.peakRps;
        monthly += load.monthlyRequests;
      }
      const unit = def.roles.some((r) => r === 'queue' || r === 'topic' || r === 'stream' || r === 'event-bus') ? 'messages' : 'requests';
      const rates = peak > 0 ? ` (${fmtFast(peak)} ${unit}/s at peak, ${fmtFast(monthly / 1e6)} million a month)` : '';
      const n = crossing.length;
      const crosses = n === 0 ? '' : `${n === 1 ? 'its connection' : `its ${n} connections`} to the rest of the design ${n === 1 ? 'crosses' : 'cross'} between clouds over the internet${rates}, adding latency and egress charges, and `;
      const cost = `${crosses}it brings a second cloud account, IAM, networking and bill to run`;

      const equivalent = equivalentOf(def, cloud);
      let fix: ChangeSet | undefined;
      if (equivalent) {
        const change = moveTo(ctx, i, equivalent.def, cloud);
        if (applyNearby(ctx, i, change).ok) fix = change;
      }
      const instead = equivalent
        ? ` ${equivalent.nearest ? `The nearest on ${CLOUD_NAME[cloud]}` : `The ${CLOUD_NAME[cloud]} equivalent`} is ${equivalent.def.name} (${equivalent.def.id}; ${equivalent.why})${fix ? '' : ', but its connections do not all fit it, so the change needs a hand'}.`
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
