import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { idMaker, inSelection, near, patternChangeSet, patternContext, addComponent } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, ruleFindings } from './wiring';

const DEFAULT_MESH_THRESHOLD = 8;
const REGIME_NAMES: Record<string, string> = { hipaa: 'HIPAA', pci: 'PCI DSS', soc2: 'SOC 2' };

const params = z.object({
  mode: z
    .enum(['auto', 'per-connection', 'mesh'])
    .default('auto')
    .describe('"per-connection" sets mtls on each call; "mesh" runs a service mesh in strict mTLS mode; "auto" picks the mesh from meshThreshold connections up.'),
  meshThreshold: z.number().int().min(2).max(1000).default(DEFAULT_MESH_THRESHOLD).describe('In auto mode, how many unauthenticated internal connections make a mesh worth running instead of configuring each call.'),
  implementation: z.enum(['istio', 'linkerd']).default('istio').describe('Mesh software when a mesh is added.'),
  dataPlane: z.enum(['sidecar', 'ambient']).default('sidecar').describe('Sidecar proxies in every pod, or Istio ambient mode (per-node proxies, less CPU and memory).'),
});

/** Components a mesh can put a proxy beside: our services and software we run (`managed: false` too), not managed gateways or functions. */
const meshable = (ctx: ReturnType<typeof patternContext>, id: string) =>
  (ctx.hasRole(id, 'service') && !ctx.hasRole(id, 'serverless')) || ctx.hasRole(id, 'self-managed') || ctx.config(id).managed === false;

export default definePattern({
  id: 'zero-trust-mtls',
  name: 'Zero-trust mTLS between services',
  category: 'security',
  difficulty: 'intermediate',
  problem:
    'Inside the private network, services and the databases we run accept any connection that reaches them: a compromised pod, a misrouted job or an attacker who got one foothold can call the payment service or read the patient database, and nothing tells the callee who is calling. HIPAA, PCI DSS and SOC 2 auditors ask for authenticated, encrypted traffic between workloads, not only at the edge.',
  solution:
    'Every workload gets an X.509 identity from a private CA (SPIFFE IDs such as spiffe://prod/ns/orders/sa/orders) and both ends of each internal call present and verify certificates, so the callee knows the caller and can authorise it per route. With a handful of calls, the clients and servers load certificates themselves (cert-manager or the cloud private CA issuing 24-hour leaf certificates, reloaded without restarts). With many, a service mesh in strict mode does it in the proxies: its control plane is the CA, issues each workload a short-lived certificate (24 hours in Istio and Linkerd) and rotates it automatically before expiry, and the root or intermediate is rotated yearly by overlapping the old and new trust bundles.',
  tradeoffs: {
    latency: 'The handshake adds one or two round trips (~1–3 ms) per new connection; with keep-alive and pooled connections the steady-state cost is well under 1 ms per call. Sidecar proxies add ~0.5–2 ms per hop at p99.',
    cost: 'Per-connection mTLS costs little but engineering time. A sidecar mesh adds roughly 0.1–0.5 vCPU and 50–150 MB of memory per pod (ambient mode far less), which on a 40-pod fleet is several extra vCPUs running all month.',
    operations: 'Certificate expiry becomes an outage class: issuance and rotation must be automated and alerted on (days-to-expiry metric). A mesh adds a control plane to upgrade every few months; debugging a refused call means reading proxy logs and authorisation policies.',
  },
  avoidWhen:
    'All internal traffic already goes through platform-authenticated channels (IAM-signed Lambda invocations, managed databases reached with IAM tokens), or the system is a single service with a managed database: there is nothing between workloads to authenticate, and TLS with credentials is enough.',
  addresses: ['mtls'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const finding of ruleFindings(doc, 'mtls')) {
      const lacking = doc.connections.filter((c) => finding.connections.includes(c.id));
      if (lacking.length === 0) continue;
      const callers = [...new Set(lacking.map((c) => c.from))].filter((id) => !finding.components.includes(id));
      const busiest = [...lacking].sort((a, b) => ctx.peakRps(b.id) - ctx.peakRps(a.id))[0]!;
      const rate = ctx.peakRps(busiest.id);
      const regimes = (doc.constraints.compliance ?? []).map((c) => REGIME_NAMES[c]).filter((r): r is string => r !== undefined);
      const many = lacking.length >= DEFAULT_MESH_THRESHOLD;
      targets.push({
        components: [...finding.components, ...callers],
        connections: lacking.map((c) => c.id),
        reason: `Under ${names(regimes)}, ${lacking.length} internal call${lacking.length === 1 ? '' : 's'} ${lacking.length === 1 ? 'is' : 'are'} not mutually authenticated, the busiest ${ctx.name(busiest.from)} → ${ctx.name(busiest.to)}${rate > 0 ? ` at ~${fmt(rate)} requests/s peak` : ''}; ${many ? 'with this many, a mesh in strict mTLS mode covers them all with automatic certificate rotation' : 'certificates on each of these calls close the gap without running a mesh'}.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const connections = target.connections.map((id) => {
      const c = doc.connections.find((x) => x.id === id);
      if (!c) throw new Error(`connection ${id} is not in the document`);
      return c;
    });
    const useMesh = p.mode === 'mesh' || (p.mode === 'auto' && connections.length >= p.meshThreshold);
    const ops: Op[] = [];
    if (!useMesh) {
      for (const c of connections) ops.push({ op: 'updateConnection', id: c.id, config: { mtls: true } });
      return patternChangeSet(
        'zero-trust-mtls',
        `Mutual TLS on ${connections.length} internal call${connections.length === 1 ? '' : 's'} into ${names([...new Set(connections.map((c) => ctx.name(c.to)))], 3)}`,
        ops,
      );
    }

    const meshed = connections.filter((c) => meshable(ctx, c.from) && meshable(ctx, c.to));
    const endpoints = [...new Set(meshed.flatMap((c) => [c.from, c.to]))];
    const services = ctx.withRole('service').filter((id) => !ctx.hasRole(id, 'serverless'));
    const existing = ctx.withRole('mesh')[0];
    let meshName: string;
    if (existing) {
      const current = ctx.config(existing).covers as string[] | undefined;
      const covers = current ? [...new Set([...current, ...endpoints])] : [...new Set([...services, ...endpoints])];
      ops.push({ op: 'updateComponent', id: existing, config: { mtls: true, ...((current || endpoints.some((id) => !services.includes(id))) && { covers }) } });
      meshName = ctx.name(existing);
    } else {
      const id = idMaker(doc)('service-mesh');
      const anchor = target.components[0]!;
      const cloud = doc.constraints.cloud;
      ops.push(
        addComponent({
          id,
          type: 'service-mesh',
          label: p.implementation === 'istio' ? 'Istio mesh' : 'Linkerd mesh',
          config: {
            implementation: p.implementation,
            // AWS has no managed mesh since App Mesh was retired; GCP and Azure run the Istio control plane for you
            managed: p.implementation === 'istio' && (cloud === 'gcp' || cloud === 'azure'),
            dataPlane: p.implementation === 'linkerd' ? 'sidecar' : p.dataPlane,
            mtls: true,
            covers: [...new Set([...services, ...endpoints])],
          },
          position: near(ctx, anchor, 0, 140),
          notes: 'Strict mTLS: the control plane issues each workload a 24-hour certificate and rotates it before expiry; rotate the root by publishing old and new trust bundles side by side.',
        }),
      );
      meshName = p.implementation === 'istio' ? 'an Istio mesh' : 'a Linkerd mesh';
    }
    // calls the mesh cannot carry (a managed gateway calling in) get certificates of their own
    const direct = connections.filter((c) => !meshed.includes(c));
    for (const c of direct) ops.push({ op: 'updateConnection', id: c.id, config: { mtls: true } });
    return patternChangeSet(
      'zero-trust-mtls',
      `Strict mTLS through ${meshName} for ${meshed.length} internal call${meshed.length === 1 ? '' : 's'}${direct.length > 0 ? `, mtls on ${direct.length} more from outside the mesh` : ''}`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Zero-trust mTLS',
    description: 'A PCI DSS checkout: the gateway and Checkout call internal services over plain TLS, so nothing proves to Payments who is calling.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 300 }, compliance: ['pci'] },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'checkout', type: 'service', label: 'Checkout', config: { replicas: 3 }, position: { x: 480, y: 0 } },
      { id: 'payments', type: 'service', label: 'Payments', config: { replicas: 2, personalData: true }, position: { x: 720, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Payments DB', config: { multiAz: true, encryptedAtRest: true, personalData: true }, position: { x: 960, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'checkout', type: 'http', config: { circuitBreaker: true, timeoutMs: 3000 } },
      { from: 'checkout', to: 'payments', type: 'http', config: { circuitBreaker: true, timeoutMs: 2000 } },
      { from: 'payments', to: 'db', type: 'write', config: { timeoutMs: 2000 } },
    ],
  },
});
