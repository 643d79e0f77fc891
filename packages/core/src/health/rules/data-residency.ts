import { outOf } from '../../graph/graph';
import type { Op } from '../../document/change-set';
import { SAAS_VENDORS } from '../../catalog/types';
import { documentCloud } from '../../pricing/engine';
import { cloudOfRegion, isEuRegion, REFERENCE_REGION, type PricedCloud } from '../../pricing/regions';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { componentNames, nameList } from './helpers';

/** The EU region the fix moves a component (or the document) to, on each cloud. */
export const EU_REGION: Record<PricedCloud, string> = { aws: 'eu-west-1', gcp: 'europe-west1', azure: 'westeurope' };


/** SaaS products with an EU setting the fix can switch on: config patch, and how to say it. */
const EU_SETTING: Record<string, { config: Record<string, unknown>; what: string }> = {
  datadog: { config: { site: 'EU1' }, what: 'site: EU1' },
  pinecone: { config: { region: 'eu-west-1' }, what: 'region: eu-west-1' },
};

const LAW =
  'Under GDPR, personal data may leave the EU/EEA only with an adequacy decision or safeguards such as standard contractual clauses; an EU region removes the question';

export default defineRule({
  id: 'data-residency',
  name: 'Data residency (GDPR)',
  category: 'security',
  severity: 'high',
  description:
    'Under GDPR, components holding personal data — `personalData: true`, and datastores written by a component with `personalData: true` — must run in an EU/EEA region (their `region`, else the document region; DynamoDB global-table replicas count too). Critical for datastores and other stateful components, high otherwise; components inheriting a non-EU document region share one finding whose fix moves the document region. SaaS and global services (LLM and embedding APIs, Datadog, Auth0, Cloudflare, Pinecone) that hold personal data or receive it — over a connection from a component with personal data, through telemetry collectors, or as an edge in front of one — are a medium finding unless an EU region (or Datadog\'s EU1 site) is configured; a data processing agreement is recorded as an accepted risk. With no region at all, residency cannot be shown: one medium finding.',
  check(ctx) {
    if (!(ctx.doc.constraints.compliance ?? []).includes('gdpr')) return [];
    const { graph } = ctx;
    const n = graph.n;
    const docRegion = ctx.doc.constraints.region;
    const personal = (i: number) => ctx.config(i).personalData === true && !graph.hasRole(i, 'entrypoint');
    const saas = (i: number) => SAAS_VENDORS.has(graph.defs[i]!.vendor) || graph.hasRole(i, 'llm') || graph.hasRole(i, 'embedding');

    /** Why component i holds personal data: its own flag, or the personal-data component that writes to it. */
    const holds: Array<string | undefined> = new Array(n);
    for (let i = 0; i < n; i++) if (personal(i)) holds[i] = '';
    for (let e = 0; e < ctx.doc.connections.length; e++) {
      const t = graph.to[e]!;
      if (graph.connectionDefs[e]!.id === 'write' && holds[t] === undefined && graph.hasRole(t, 'datastore') && personal(graph.from[e]!)) {
        holds[t] = ` (written by ${ctx.name(graph.from[e]!)}, which handles personal data)`;
      }
    }
    /** Collectors that relay telemetry from a component with personal data (through any chain of collectors). */
    const relays = new Uint8Array(n);
    const stack: number[] = [];
    for (let i = 0; i < n; i++) if (holds[i] !== undefined) stack.push(i);
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let at = graph.outStart[v]!; at < graph.outStart[v + 1]!; at++) {
        const e = graph.outEdges[at]!;
        const t = graph.to[e]!;
        if (graph.connectionDefs[e]!.id !== 'telemetry' || !graph.hasRole(t, 'telemetry-collector') || relays[t]) continue;
        relays[t] = 1;
        stack.push(t);
      }
    }

    const findings: FindingDraft[] = [];
    const inherit: number[] = [];
    const unplaced: number[] = [];
    for (let i = 0; i < n; i++) {
      if (saas(i)) {
        const draft = saasFinding(ctx, i, holds, relays);
        if (draft) findings.push(draft);
        continue;
      }
      if (holds[i] === undefined) continue;
      const own = ctx.config(i).region as string | undefined;
      const region = own ?? docRegion;
      if (region === undefined) unplaced.push(i);
      else if (!isEuRegion(region)) {
        if (own === undefined) inherit.push(i);
        else findings.push(placed(ctx, i, region, holds[i]!));
      }
      const replicas = ((ctx.config(i).globalTableRegions as string[] | undefined) ?? []).filter((r) => !isEuRegion(r));
      if (replicas.length > 0) findings.push(replicaFinding(ctx, i, replicas));
    }
    if (inherit.length > 0) findings.push(documentRegionFinding(ctx, docRegion!, inherit));
    if (unplaced.length > 0) findings.push(noRegionFinding(ctx, unplaced));
    return findings;
  },
});

const holdsData = (ctx: RuleContext, i: number) => ctx.graph.hasRole(i, 'datastore') || ctx.graph.hasRole(i, 'stateful');

function cloudOf(ctx: RuleContext, i: number, region: string): PricedCloud {
  const vendor = ctx.graph.defs[i]!.vendor;
  if (vendor === 'aws' || vendor === 'gcp' || vendor === 'azure') return vendor;
  return cloudOfRegion(region) ?? documentCloud(ctx.doc);
}

function placed(ctx: RuleContext, i: number, region: string, why: string): FindingDraft {
  const id = ctx.graph.ids[i]!;
  const name = ctx.name(i);
  const eu = EU_REGION[cloudOf(ctx, i, region)];
  return {
    components: [id],
    connections: [],
    severity: holdsData(ctx, i) ? 'critical' : 'high',
    message: `${name} (${ctx.graph.defs[i]!.id}) holds personal data${why} in ${region} (its own \`region\`), outside the EU/EEA. ${LAW}.`,
    remediation: `Run ${name} in an EU region (${eu}) and migrate its data there; if it must stay, record the transfer mechanism (standard contractual clauses and a transfer impact assessment) as an accepted risk.`,
    fix: { origin: 'fix:data-residency', summary: `Move ${name} to ${eu}`, ops: [{ op: 'updateComponent', id, config: { region: eu } }] },
  };
}

function replicaFinding(ctx: RuleContext, i: number, replicas: string[]): FindingDraft {
  const id = ctx.graph.ids[i]!;
  const name = ctx.name(i);
  const all = (ctx.config(i).globalTableRegions as string[]).filter(isEuRegion);
  return {
    components: [id],
    connections: [],
    severity: 'critical',
    message: `${name} (${ctx.graph.defs[i]!.id}) holds personal data and replicates it to ${nameList(replicas)} (\`globalTableRegions\`), outside the EU/EEA. ${LAW}.`,
    remediation: `Keep ${name}'s global-table replicas in EU regions, or move the personal attributes to a table that is not replicated outside the EU.`,
    fix: { origin: 'fix:data-residency', summary: `Keep ${name}'s replicas in the EU`, ops: [{ op: 'updateComponent', id, config: { globalTableRegions: all } }] },
  };
}

function documentRegionFinding(ctx: RuleContext, region: string, inherit: number[]): FindingDraft {
  const stores = inherit.filter((i) => holdsData(ctx, i));
  const cloud = cloudOfRegion(region) ?? documentCloud(ctx.doc);
  const eu = EU_REGION[cloud];
  const k = inherit.length;
  const storesNote =
    stores.length === 0 ? '' : stores.length === k && k > 1 ? ' (all of them store it)' : ` (${componentNames(ctx, stores, 4)} ${stores.length === 1 ? 'stores' : 'store'} it)`;
  return {
    components: inherit.map((i) => ctx.graph.ids[i]!),
    connections: [],
    severity: stores.length > 0 ? 'critical' : 'high',
    message: `The document region ${region} is outside the EU/EEA, and ${k} component${k === 1 ? '' : 's'} holding personal data run${k === 1 ? 's' : ''} there: ${componentNames(ctx, inherit, 6)}${storesNote}. ${LAW}.`,
    remediation: `Deploy in an EU region (${eu} on ${cloud.toUpperCase()}), or give the components holding personal data an EU \`region\` of their own.`,
    fix: { origin: 'fix:data-residency', summary: `Move the design to ${eu}`, ops: [{ op: 'setConstraints', constraints: { region: eu } }] },
  };
}

function noRegionFinding(ctx: RuleContext, unplaced: number[]): FindingDraft {
  const cloud = documentCloud(ctx.doc);
  const eu = EU_REGION[cloud];
  const k = unplaced.length;
  return {
    components: unplaced.map((i) => ctx.graph.ids[i]!),
    connections: [],
    severity: 'medium',
    message: `GDPR applies but no region is set, so nothing shows where ${k} component${k === 1 ? '' : 's'} holding personal data run (${componentNames(ctx, unplaced, 6)}); the design is priced in ${REFERENCE_REGION[cloud]}, outside the EU/EEA.`,
    remediation: `Set \`constraints.region\` to an EU region (for example ${eu}).`,
    fix: { origin: 'fix:data-residency', summary: `Place the design in ${eu}`, ops: [{ op: 'setConstraints', constraints: { region: eu } }] },
  };
}

function saasFinding(ctx: RuleContext, i: number, holds: Array<string | undefined>, relays: Uint8Array): FindingDraft | undefined {
  const { graph } = ctx;
  const config = ctx.config(i);
  const type = graph.defs[i]!.id;
  const region = config.region as string | undefined;
  if ((region !== undefined && isEuRegion(region)) || (type === 'datadog' && config.site === 'EU1')) return undefined;

  const senders = new Set<number>();
  const relayedBy = new Set<number>();
  for (let at = graph.inStart[i]!; at < graph.inStart[i + 1]!; at++) {
    const e = graph.inEdges[at]!;
    const u = graph.from[e]!;
    if (holds[u] !== undefined && !graph.hasRole(u, 'entrypoint')) senders.add(u);
    else if (relays[u] && graph.connectionDefs[e]!.id === 'telemetry') relayedBy.add(u);
  }
  const fronted = new Set<number>();
  if (graph.hasRole(i, 'edge')) for (const e of outOf(graph, i)) if (graph.carrying[e] === 1 && holds[graph.to[e]!] !== undefined) fronted.add(graph.to[e]!);
  const own = config.personalData === true;
  if (!own && senders.size === 0 && relayedBy.size === 0 && fronted.size === 0) return undefined;

  const how: string[] = [];
  if (own) how.push('holds personal data itself');
  if (senders.size > 0) how.push(`receives personal data from ${componentNames(ctx, [...senders], 4)}`);
  if (relayedBy.size > 0) how.push(`receives telemetry of components with personal data through ${componentNames(ctx, [...relayedBy])}`);
  if (fronted.size > 0) how.push(`carries the traffic of ${componentNames(ctx, [...fronted], 4)}`);
  const where = type === 'datadog' ? `its site is ${String(config.site)}` : region !== undefined ? `its region is ${region}` : 'no EU region is configured';
  const setting = EU_SETTING[type];
  const ops: Op[] | undefined = setting && [{ op: 'updateComponent', id: graph.ids[i]!, config: setting.config }];
  return {
    components: [graph.ids[i]!],
    connections: [],
    severity: 'medium',
    message: `${ctx.name(i)} (${type}) ${how.join(', and ')}, and ${where}: the data leaves the EU/EEA unless an EU region or a data processing agreement with standard contractual clauses covers it.`,
    remediation: setting
      ? `Use ${graph.defs[i]!.name}'s EU location (${setting.what}), or record the data processing agreement as an accepted risk.`
      : `Use the vendor's EU data residency option and set \`region\` to it, or sign its data processing agreement (with standard contractual clauses) and record it as an accepted risk on ${ctx.name(i)}.`,
    ...(ops && { fix: { origin: 'fix:data-residency', summary: `Keep ${ctx.name(i)}'s data in the EU (${setting!.what})`, ops } }),
  };
}
