import { outOf, someIn } from '../../graph/graph';
import { connectionMismatch, getComponentDef, getConnectionDef } from '../../catalog/catalog';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { defineRule } from '../define';
import type { FindingDraft, RuleContext } from '../types';
import { fmt } from '../../format';
import { beside, componentNames, freshId, nameList } from './helpers';

/** The authenticating API gateway the fix puts in front of an exposed service, by document cloud (`kong` otherwise). */
export const AUTH_GATEWAY_BY_CLOUD: Record<string, string> = { aws: 'aws.api-gateway', gcp: 'gcp.api-gateway', azure: 'azure.api-management' };

/**
 * Stores that authenticate every direct request themselves even with no `auth` field: object storage that is not
 * public only accepts signed requests (presigned / signed URLs, SAS tokens), and Pinecone needs an API key. They
 * stop a client that calls them directly, not traffic relayed by an unauthenticated component that holds the keys.
 */
const SIGNS_EVERY_REQUEST = new Set(['pinecone']);

// component kinds, as bits
const CLIENT = 1;
const STORE = 2;
const GATE = 4;
const SIGNS = 8;
const SERVICE = 16;
const PUBLIC = 32; // `public: true` written in the file
const PERSONAL = 64;
const STATIC_CONTENT = 128; // has the role; whether it serves public static content by design is asked only then

const unset = (auth: unknown) => auth === undefined || auth === 'none';

export default defineRule({
  id: 'auth',
  name: 'Authentication in front of services and data',
  category: 'security',
  severity: 'high',
  description:
    'Every path from a client — or from a component marked `public: true`, or an edge with nothing drawn in front of it — to one of our services or datastores must pass a component that authenticates the caller: an auth provider, or any gateway, load balancer, service or dashboard with `auth` set (not "none"). Computed as reachability with those components removed (linear time); one finding per entry point that lets unauthenticated traffic in (the edge that forwards it, or the first service or datastore reached), listing what is exposed behind it. High; critical when a datastore is exposed with no service of ours in front of it (reached through edges only, or `public: true`). Not exposed: sign-in at an auth provider; object storage with the `static-content` role and no personal data that is public or read by a CDN; non-public object storage, Pinecone, or a store with its own `auth` called directly by a client (every request must be signed). Queues and streams pass traffic on; datastores end a path. The fix turns on `auth` at the edge, takes public datastores off the internet, or puts an API gateway with JWT auth (of the document\'s cloud, else Kong) in front of the exposed service or behind an edge that has no `auth` setting.',
  check(ctx) {
    const { graph } = ctx;
    const n = graph.n;
    const cfg = (i: number) => ctx.config(i);
    const isClient = (i: number) => graph.hasRole(i, 'entrypoint');
    const isStore = (i: number) => graph.hasRole(i, 'datastore');
    const isService = (i: number) => graph.hasRole(i, 'service');
    /** Authenticates the end user (gateways, load balancers, services, dashboards with `auth`): what is behind it is protected. */
    const gate = (i: number) => graph.hasRole(i, 'auth-provider') || (!isStore(i) && !unset(cfg(i).auth));
    /** A store that rejects unsigned requests from a client calling it directly. */
    const signsDirectCalls = (i: number) =>
      isStore(i) &&
      (!unset(cfg(i).auth) || SIGNS_EVERY_REQUEST.has(graph.defs[i]!.id) || (graph.hasRole(i, 'object-storage') && cfg(i).public !== true));
    const carries = (e: number) => graph.carrying[e] === 1;
    const fedFrom = (i: number) => someIn(graph, i, carries);
    /** Static assets are public by design: object storage with the static-content role, no personal data, public or behind a CDN. */
    const staticByDesign = (i: number) =>
      graph.hasRole(i, 'static-content') &&
      cfg(i).personalData !== true &&
      (cfg(i).public === true || someIn(graph, i, (e) => carries(e) && graph.hasRole(graph.from[e]!, 'cdn')));
    const explicitPublic = (i: number) => ctx.doc.components[i]!.config?.public === true;
    /** Reachable from the internet on its own: marked public, or an edge nothing is drawn in front of. */
    const internetFacing = (i: number) =>
      explicitPublic(i) || (graph.hasRole(i, 'edge') && cfg(i).public !== false && !fedFrom(i));

    // What the searches ask of each component and connection, worked out once in document order: the searches visit
    // them in graph order, which on a large design is no order at all for the memory.
    const kind = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      kind[i] = (isClient(i) ? CLIENT : 0) | (isStore(i) ? STORE : 0) | (isService(i) ? SERVICE : 0) | (gate(i) ? GATE : 0) | (signsDirectCalls(i) ? SIGNS : 0);
      kind[i]! |= (explicitPublic(i) ? PUBLIC : 0) | (cfg(i).personalData === true ? PERSONAL : 0) | (graph.hasRole(i, 'static-content') ? STATIC_CONTENT : 0);
    }
    const follows = new Uint8Array(graph.from.length);
    for (let e = 0; e < follows.length; e++) follows[e] = carries(e) && !(kind[graph.from[e]!]! & CLIENT && kind[graph.to[e]!]! & SIGNS) ? 1 : 0;
    const follow = (e: number) => follows[e] === 1;
    /** Where unauthenticated traffic stops: at a gate (it authenticates) or a client (not ours). */
    const stops = GATE | CLIENT;

    // Multi-source search with the authenticating components removed. Each component is labelled with the entry point
    // that reached it first: client-facing entry points first, then internet-facing components nothing reached.
    const label = new Int32Array(n).fill(-1);
    const entries: number[] = [];
    const entryConnections = new Map<number, number[]>();
    // the components in the order the searches reach them, each search's queue a stretch of it
    const order = new Int32Array(n);
    let reached = 0;
    const expand = (head: number) => {
      for (; head < reached; head++) {
        const v = order[head]!;
        if (kind[v]! & (STORE | CLIENT)) continue; // data ends a path; external systems are not ours
        for (let at = graph.outStart[v]!; at < graph.outStart[v + 1]!; at++) {
          const t = graph.outTo[at]!;
          if (label[t]! >= 0 || kind[t]! & stops || !follows[graph.outEdges[at]!]) continue;
          label[t] = label[v]!;
          order[reached++] = t;
        }
      }
    };
    for (const c of graph.entrypoints) {
      for (let at = graph.outStart[c]!; at < graph.outStart[c + 1]!; at++) {
        const e = graph.outEdges[at]!;
        const t = graph.to[e]!;
        if (!follows[e] || kind[t]! & stops) continue;
        if (label[t]! < 0) {
          label[t] = t;
          entries.push(t);
          order[reached++] = t;
        }
        if (label[t] !== t) continue;
        const list = entryConnections.get(t);
        if (list) list.push(e);
        else entryConnections.set(t, [e]);
      }
    }
    expand(0);
    const second = reached;
    for (let i = 0; i < n; i++) {
      if (label[i]! >= 0 || kind[i]! & stops || !internetFacing(i)) continue;
      label[i] = i;
      entries.push(i);
      order[reached++] = i;
    }
    expand(second);

    // Datastores reached with no service of ours in between (only edges): nothing but the store itself holds the line.
    const direct = new Uint8Array(n);
    const stack = [...entries];
    for (const s of stack) direct[s] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (kind[v]! & (SERVICE | STORE | CLIENT)) continue;
      for (let at = graph.outStart[v]!; at < graph.outStart[v + 1]!; at++) {
        const t = graph.outTo[at]!;
        if (!direct[t] && label[t]! >= 0 && follows[graph.outEdges[at]!]) {
          direct[t] = 1;
          stack.push(t);
        }
      }
    }

    const exposedBy = new Map<number, number[]>();
    for (let k = 0; k < reached; k++) {
      const v = order[k]!;
      if (!(kind[v]! & (SERVICE | STORE)) || (kind[v]! & STATIC_CONTENT && staticByDesign(v))) continue;
      const list = exposedBy.get(label[v]!) ?? [];
      list.push(v);
      exposedBy.set(label[v]!, list);
    }
    if (exposedBy.size === 0) return [];

    // Components from which unauthenticated traffic can still reach an exposed one: where a gateway must go.
    const leads = new Uint8Array(n);
    const back: number[] = [];
    for (const list of exposedBy.values()) {
      for (const v of list) {
        leads[v] = 1;
        back.push(v);
      }
    }
    while (back.length > 0) {
      const v = back.pop()!;
      for (let at = graph.inStart[v]!; at < graph.inStart[v + 1]!; at++) {
        const u = graph.inFrom[at]!;
        if (!leads[u] && label[u]! >= 0 && !(kind[u]! & STORE) && follows[graph.inEdges[at]!]) {
          leads[u] = 1;
          back.push(u);
        }
      }
    }

    const findings: FindingDraft[] = [];
    for (const entry of entries) {
      const exposed = exposedBy.get(entry);
      if (!exposed) continue;
      findings.push(finding(ctx, entry, exposed, entryConnections.get(entry) ?? [], {
        direct,
        leads,
        follow,
        explicitPublic: (i) => (kind[i]! & PUBLIC) !== 0,
        isStore: (i) => (kind[i]! & STORE) !== 0,
        isService: (i) => (kind[i]! & SERVICE) !== 0,
        holdsPersonalData: (i) => (kind[i]! & PERSONAL) !== 0,
      }));
    }
    return findings;
  },
});

interface Facts {
  direct: Uint8Array;
  leads: Uint8Array;
  follow: (e: number) => boolean;
  explicitPublic: (i: number) => boolean;
  isStore: (i: number) => boolean;
  isService: (i: number) => boolean;
  holdsPersonalData: (i: number) => boolean;
}

function finding(ctx: RuleContext, entry: number, exposed: number[], fromClients: number[], facts: Facts): FindingDraft {
  const { graph } = ctx;
  const id = graph.ids[entry]!;
  const name = ctx.name(entry);
  const type = graph.defs[entry]!.id;
  const stores = exposed.filter(facts.isStore);
  const services = exposed.filter(facts.isService);
  const open = stores.filter((i) => facts.direct[i] || facts.explicitPublic(i));
  const personal = exposed.filter(facts.holdsPersonalData);
  const clients = [...new Set(fromClients.map((e) => graph.from[e]!))].map((c) => ctx.name(c));
  const rate = ctx.traffic.componentPeakRps[entry]!;

  const others = exposed.filter((i) => i !== entry);
  const counted = (list: number[], one: string, many: string) => (list.length === 0 ? [] : [`${list.length} ${list.length === 1 ? one : many}`]);
  const behind = [...counted(services.filter((i) => i !== entry), 'service', 'services'), ...counted(stores.filter((i) => i !== entry), 'datastore', 'datastores')].join(' and ');
  const head = `${name} (${type})`;
  const parts: string[] = [];
  if (facts.isStore(entry)) {
    const how = fromClients.length > 0 ? `is called directly by ${nameList(clients)}` : 'is reachable from the internet (`public: true`)';
    parts.push(`${head} ${how}, and nothing in front of it checks who is calling: only its own credentials stand between the internet and the data`);
  } else {
    const how =
      fromClients.length > 0
        ? `takes requests from ${nameList(clients)}`
        : facts.explicitPublic(entry)
          ? 'is reachable from the internet (`public: true`)'
          : 'is an internet-facing entry point with nothing drawn in front of it';
    const plural = others.length + (exposed.includes(entry) ? 1 : 0) > 1;
    const what =
      others.length === 0
        ? `nothing on the way checks who is calling — no gateway or load balancer with \`auth\`, no auth provider, and no \`auth\` on ${name} itself`
        : `${exposed.includes(entry) ? 'it and ' : ''}${behind} behind it (${componentNames(ctx, others)}) ${plural ? 'are' : 'is'} reachable with no gateway or load balancer \`auth\`, auth provider or service \`auth\` on the way`;
    parts.push(`${head} ${how} without authentication: ${what}`);
    if (rate > 0 && fromClients.length > 0) parts.push(`${fmt(rate)} requests/s arrive there at peak`);
    const openBehind = open.filter((i) => i !== entry);
    if (openBehind.length > 0) parts.push(`${componentNames(ctx, openBehind)} ${openBehind.length === 1 ? 'is a datastore' : 'are datastores'} open to the internet with no service of ours in front`);
  }
  const personalStores = personal.filter(facts.isStore);
  const personalServices = personal.filter((i) => !facts.isStore(i));
  if (personalStores.length > 0) parts.push(`${personalStores.includes(entry) && personalStores.length === 1 ? 'it' : componentNames(ctx, personalStores)} ${personalStores.length === 1 ? 'holds' : 'hold'} personal data`);
  if (personalServices.length > 0) parts.push(`${componentNames(ctx, personalServices)} ${personalServices.length === 1 ? 'handles' : 'handle'} personal data`);

  const fix = fixFor(ctx, entry, exposed, fromClients, facts);
  return {
    components: [id],
    connections: fromClients.map((e) => ctx.doc.connections[e]!.id),
    message: `${parts.join('; ')}.`,
    severity: open.length > 0 ? 'critical' : 'high',
    remediation: facts.isStore(entry)
      ? `Take ${name} off the internet (\`public: false\`) and let only our services reach it, each authenticating callers; serve files to users through signed URLs or a service that checks who they are.`
      : graph.hasRole(entry, 'edge') && 'auth' in graph.defs[entry]!.config.shape
        ? `Authenticate at ${name}: validate a JWT (or OIDC session) issued by your identity provider on every route, and let only the sign-in routes through anonymously.`
        : graph.hasRole(entry, 'edge')
          ? `${name} cannot authenticate: put an API gateway that validates tokens (JWT from your identity provider) behind it, or set \`auth\` on the services so they check the caller themselves; serve private files through signed URLs.`
          : `Put an API gateway that validates tokens (JWT from your identity provider) in front of ${name}, or set \`auth\` on it so it checks the caller itself.`,
    ...(fix && { fix }),
  };
}

/** The fix: turn on auth at the entry edge, take exposed datastores off the internet, or insert a gateway with auth. */
function fixFor(ctx: RuleContext, entry: number, exposed: number[], fromClients: number[], facts: Facts) {
  const { graph } = ctx;
  const id = graph.ids[entry]!;
  const name = ctx.name(entry);
  const ops: Op[] = [];
  let summary: string;
  // exposed components marked public stay reachable around any gateway: take them off the internet
  const privatise = exposed.filter((i) => facts.explicitPublic(i) && !graph.hasRole(i, 'edge') && i !== entry);
  const shape = graph.defs[entry]!.config.shape as Record<string, unknown>;

  if (graph.hasRole(entry, 'edge') && 'auth' in shape) {
    const auth = graph.defs[entry]!.id === 'aws.alb' ? 'oidc' : 'jwt';
    ops.push({ op: 'updateComponent', id, config: { auth } });
    summary = `Authenticate requests at ${name} (auth: ${auth})`;
  } else if (facts.isStore(entry)) {
    const config: Record<string, unknown> = {};
    if (facts.explicitPublic(entry)) config.public = false;
    if (fromClients.length > 0 && !graph.hasRole(entry, 'object-storage')) {
      if (!('auth' in shape)) return undefined;
      config.auth = 'api-key';
    }
    if (Object.keys(config).length === 0) return undefined;
    ops.push({ op: 'updateComponent', id, config });
    summary = `Take ${name} off the internet${'auth' in config ? ' and require an API key' : ''}`;
  } else if (!facts.isService(entry) && !graph.hasRole(entry, 'edge') && 'auth' in shape) {
    // a dashboard or similar that can authenticate users itself
    ops.push({ op: 'updateComponent', id, config: { auth: 'oidc' } });
    summary = `Require sign-in at ${name} (auth: oidc)`;
  } else {
    // insert an authenticating gateway: in front of an exposed service, or behind an edge that cannot authenticate
    const reroute = graph.hasRole(entry, 'edge')
      ? outOf(graph, entry).filter((e) => facts.follow(e) && facts.leads[graph.to[e]!])
      : fromClients;
    const inserted = insertGateway(ctx, entry, reroute);
    if (!inserted) return undefined;
    ops.push(...inserted.ops);
    if (facts.explicitPublic(entry) && !graph.hasRole(entry, 'edge')) ops.push({ op: 'updateComponent', id, config: { public: false } });
    summary = `Put an API gateway (${inserted.id}) with JWT auth in front of ${graph.hasRole(entry, 'edge') ? `what ${name} forwards to` : name}`;
  }
  for (const i of privatise) ops.push({ op: 'updateComponent', id: graph.ids[i]!, config: { public: false } });
  if (privatise.length > 0) summary += ` and make ${componentNames(ctx, privatise, 3)} private`;
  return { origin: 'fix:auth', summary: summary.slice(0, 200), ops };
}

/**
 * Ops that route `connections` (all entering `entry`, or all leaving it) through a new API gateway with JWT auth: each
 * source keeps one connection to the gateway carrying what it sent, and the gateway splits it over the old targets by
 * their peak rates, so the traffic model sees the same load downstream.
 */
function insertGateway(ctx: RuleContext, entry: number, connections: number[]): { id: string; ops: Op[] } | undefined {
  const { graph, doc } = ctx;
  const cloud = doc.constraints.cloud;
  const type = (cloud && AUTH_GATEWAY_BY_CLOUD[cloud]) ?? 'kong';
  const gwDef = getComponentDef(type)!;
  const id = freshId(ctx, 'api-gateway');
  const position = beside(ctx, entry, 0, graph.hasRole(entry, 'edge') ? 140 : -140);
  const ops: Op[] = [{ op: 'addComponent', component: { id, type, label: 'API gateway', config: { auth: 'jwt' }, ...(position && { position }) } }];
  const fits = (t: string, from: number | undefined, to: number | undefined) =>
    connectionMismatch(getConnectionDef(t)!, from === undefined ? gwDef : graph.defs[from]!, to === undefined ? gwDef : graph.defs[to]!) === undefined;
  const keep = (c: Connection, t: string, share?: number) => {
    const shape = getConnectionDef(t)!.config.shape as Record<string, unknown>;
    const config = Object.fromEntries(Object.entries(c.config ?? {}).filter(([k]) => k in shape && k !== 'share'));
    if (share !== undefined && share < 1) config.share = Math.round(share * 1000) / 1000;
    return Object.keys(config).length > 0 ? { config } : {};
  };
  const rateOf = (e: number) => ctx.traffic.connectionPeakRps[e]!;
  const bySource = new Map<number, number[]>();
  const byTarget = new Map<number, number[]>();
  const group = (map: Map<number, number[]>, key: number, e: number) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of connections) {
    group(bySource, graph.from[e]!, e);
    group(byTarget, graph.to[e]!, e);
    ops.push({ op: 'removeConnection', id: doc.connections[e]!.id });
  }
  // Shares that keep the traffic model's load downstream: one source splitting (or fanning out) over its targets keeps
  // its split behind the gateway; several sources of one target each send the gateway what they sent the target.
  const shareOf = (e: number) => graph.share[e]!;
  const sum = (list: number[], f: (e: number) => number) => list.reduce((acc, e) => acc + f(e), 0);
  const single = bySource.size === 1;
  const splits = single ? sum(connections, shareOf) : 1;
  const total = sum(connections, rateOf);
  for (const [from, list] of bySource) {
    const c = doc.connections[list[0]!]!;
    const t = fits(c.type, from, undefined) ? c.type : 'http';
    ops.push({ op: 'addConnection', connection: { from: graph.ids[from]!, to: id, type: t, ...keep(c, t, Math.min(1, sum(list, shareOf))) } });
  }
  if (connections.length === 0) {
    if (!fits('http', undefined, entry)) return undefined;
    ops.push({ op: 'addConnection', connection: { from: id, to: graph.ids[entry]!, type: 'http' } });
  }
  for (const [to, list] of byTarget) {
    const c = doc.connections[list[0]!]!;
    const t = fits(c.type, undefined, to) ? c.type : fits('http', undefined, to) ? 'http' : undefined;
    if (!t) return undefined;
    const share = single ? (splits <= 1 ? sum(list, shareOf) / splits : sum(list, shareOf)) : byTarget.size === 1 ? 1 : total > 0 ? sum(list, rateOf) / total : shareOf(list[0]!);
    ops.push({ op: 'addConnection', connection: { from: id, to: graph.ids[to]!, type: t, ...keep(c, t, share) } });
  }
  return { id, ops };
}
