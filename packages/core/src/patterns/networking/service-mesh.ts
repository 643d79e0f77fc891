import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { Connection } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, idMaker, inSelection, near, patternChangeSet, patternContext, typeFor, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { FUNCTION_TYPES, mtlsRequired, names, num, SERVICE_CALLS } from '../scalability/wiring';

const params = z.object({
  implementation: z.enum(['istio', 'linkerd']).default('istio').describe('Mesh software (the managed cloud meshes are Istio-based).'),
  dataPlane: z.enum(['sidecar', 'ambient']).default('sidecar').describe('A proxy per pod, or Istio ambient mode with per-node proxies (less CPU and memory).'),
  retries: z.number().int().min(0).max(10).default(2).describe('Retries the proxies make on a failed idempotent request.'),
});

/** Fewest uncovered service-to-service calls before a mesh is worth its weight. */
const MIN_CALLS = 3;

/** Services a mesh can put a proxy beside: our code on containers, Kubernetes or VMs, not function platforms. */
const meshable = (ctx: PatternContext, id: string) => ctx.hasRole(id, 'service') && !FUNCTION_TYPES.has(ctx.component(id)!.type);

/** Components covered by a mesh that has the capability on (as the health rules read it). */
function covered(ctx: PatternContext, capability: 'mtls' | 'circuitBreaking'): Set<string> {
  const set = new Set<string>();
  for (const mesh of ctx.withRole('mesh')) {
    const config = ctx.config(mesh);
    if (config[capability] !== true) continue;
    const covers = config.covers as string[] | undefined;
    for (const id of covers ?? ctx.withRole('service')) set.add(id);
  }
  return set;
}

/** Internal synchronous calls between services a mesh can carry that no mesh covers with both mTLS and circuit breaking. */
function uncovered(ctx: PatternContext): Connection[] {
  const mtls = covered(ctx, 'mtls');
  const breaking = covered(ctx, 'circuitBreaking');
  const both = (id: string) => mtls.has(id) && breaking.has(id);
  return ctx.doc.connections.filter(
    (c) => (SERVICE_CALLS as readonly string[]).includes(c.type) && c.from !== c.to && meshable(ctx, c.from) && meshable(ctx, c.to) && !(both(c.from) && both(c.to)),
  );
}

/** Connections the mtls rule checks (internal calls into our services or self-run datastores), as it reads them. */
function mtlsChecked(ctx: PatternContext, c: Connection): boolean {
  if (!['http', 'grpc', 'graphql', 'read', 'write'].includes(c.type)) return false;
  const caller = ctx.hasRole(c.from, 'service') || ctx.hasRole(c.from, 'gateway');
  const callee = ctx.hasRole(c.to, 'service') || (ctx.hasRole(c.to, 'datastore') && (ctx.hasRole(c.to, 'self-managed') || ctx.config(c.to).managed === false));
  if (!caller || !callee) return false;
  return ctx.component(c.to)!.type !== 'aws.lambda' && !['mtls', 'iam'].includes(ctx.config(c.to).auth as string);
}

export default definePattern({
  id: 'service-mesh',
  name: 'Service mesh',
  category: 'networking',
  difficulty: 'advanced',
  problem:
    'Many services call each other synchronously. Each call site needs its own timeout, retry budget, circuit breaker and TLS setup, written in each service’s language and library, and they drift: one call has a breaker, the next does not; one service checks client certificates, the rest trust anything on the network. Compliance regimes (SOC 2, PCI DSS, HIPAA) then ask for proof that every internal call is authenticated and encrypted.',
  solution:
    'A mesh puts a proxy (Envoy for Istio, linkerd2-proxy for Linkerd) beside every service it covers and routes their traffic through it. The control plane issues each workload a certificate and rotates it, so every call between covered services is mutual TLS in strict mode; outlier detection ejects an endpoint after consecutive failures (circuit breaking); retries, timeouts and traffic splits are configuration, not code. Calls the mesh cannot carry (from a managed gateway, to a self-run datastore) get mTLS set on the connection.',
  tradeoffs: {
    latency: 'Each hop passes two proxies: about 0.5–2 ms added per call at p50 and more at p99 with sidecars; ambient mode adds less on the node proxy path.',
    cost: 'Sidecars take CPU and memory in every pod, typically 0.1–0.5 vCPU and 50–200 MB each at moderate load; managed control planes (Cloud Service Mesh, the AKS Istio add-on) add per-client or per-cluster charges.',
    operations:
      'A mesh is a platform to run: control-plane upgrades every few months, certificate authority and rotation, sidecar injection on every deploy, and new failure modes (a misconfigured policy can black-hole traffic cluster-wide). It needs Kubernetes or VMs the proxies can run beside: Lambda and Cloud Functions cannot join, and ECS or Container Apps need their own options (ECS Service Connect, Container Apps’ built-in mTLS).',
  },
  avoidWhen:
    'There are only a handful of services with few synchronous calls (a library and mTLS on the connections are simpler), the team has no Kubernetes experience, or the services run on function platforms the proxies cannot sit beside.',
  addresses: ['circuit-breaker', 'mtls'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const calls = uncovered(ctx);
    if (calls.length < MIN_CALLS) return [];
    const services = [...new Set(calls.flatMap((c) => [c.from, c.to]))];
    const inbound = (id: string) => calls.filter((c) => c.to === id).length;
    services.sort((a, b) => inbound(b) - inbound(a));
    const noBreaker = calls.filter((c) => ctx.connectionConfig(c).circuitBreaker !== true).length;
    const noMtls = calls.filter((c) => ctx.connectionConfig(c).mtls !== true).length;
    const rate = calls.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
    const target: PatternTarget = {
      components: services,
      connections: calls.map((c) => c.id),
      reason: `${calls.length} synchronous calls between ${services.length} services (${names(services.slice(0, 4).map((s) => ctx.name(s)))}${services.length > 4 ? ` and ${services.length - 4} more` : ''})${rate > 0 ? `, ~${num(rate)} requests/s at peak in all,` : ''} each configured on its own: ${noBreaker} without a circuit breaker, ${noMtls} without mutual TLS.`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const cover = new Set(ctx.withRole('service').filter((id) => meshable(ctx, id)));
    // self-run gateways (Kong, NGINX) can join as the mesh's ingress
    for (const id of ctx.withRole('gateway')) if (ctx.hasRole(id, 'self-managed') && ctx.outgoing(id, SERVICE_CALLS).some((c) => cover.has(c.to))) cover.add(id);
    const covers = [...cover];
    const config = { implementation: p.implementation, dataPlane: p.dataPlane, managed: doc.constraints.cloud !== 'aws', mtls: true, circuitBreaking: true, retries: p.retries, covers };
    const ops: Op[] = [];
    const existing = ctx.withRole('mesh')[0];
    if (existing) {
      // an existing mesh is switched to strict mTLS and outlier detection; unset `covers` already means every service
      const before = ctx.config(existing).covers as string[] | undefined;
      ops.push({ op: 'updateComponent', id: existing, config: { mtls: true, circuitBreaking: true, ...(before && { covers: [...new Set([...before, ...covers])] }) } });
      if (!before) for (const id of covers) if (!ctx.hasRole(id, 'service')) cover.delete(id);
    } else {
      const mesh = idMaker(doc)('service-mesh');
      ops.push(addComponent({ id: mesh, type: typeFor(doc, 'service-mesh'), label: 'Service mesh', config, position: near(ctx, target.components[0]!, 0, -140) }));
    }
    // what the mesh cannot carry keeps its own mutual TLS, where compliance asks for it
    const direct = mtlsRequired(doc)
      ? doc.connections.filter((c) => mtlsChecked(ctx, c) && c.config?.mtls !== true && !(cover.has(c.from) && cover.has(c.to)))
      : [];
    for (const c of direct) ops.push({ op: 'updateConnection', id: c.id, config: { mtls: true } });
    return patternChangeSet(
      'service-mesh',
      `Service mesh (${p.implementation}, strict mTLS, outlier detection) covering ${names(covers.map((id) => ctx.name(id)))}${direct.length > 0 ? `; mTLS set on ${direct.length} connection${direct.length === 1 ? '' : 's'} it cannot carry` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Service mesh',
    description: 'Four services call each other synchronously under SOC 2, with breakers and mTLS set call by call (or not at all); a mesh covers them all.',
    constraints: { cloud: 'gcp', region: 'us-central1', traffic: { peakRps: 300 }, compliance: ['soc2'] },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'gcp.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', position: { x: 480, y: 0 } },
      { id: 'cart', type: 'service', label: 'Cart', position: { x: 720, y: 0 } },
      { id: 'pricing', type: 'service', label: 'Pricing', position: { x: 720, y: 140 } },
      { id: 'payments', type: 'service', label: 'Payments', position: { x: 720, y: 280 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
      { from: 'orders', to: 'cart', type: 'http', config: { timeoutMs: 1000 } },
      { from: 'orders', to: 'pricing', type: 'grpc', config: { timeoutMs: 500, circuitBreaker: true } },
      { from: 'orders', to: 'payments', type: 'http', config: { timeoutMs: 8000 } },
      { from: 'cart', to: 'pricing', type: 'grpc', config: { timeoutMs: 500 } },
    ],
  },
});
