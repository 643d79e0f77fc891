import { defineRule } from '../define';
import type { RuleContext } from '../types';
import { fmt } from '../../format';
import { meshCoverage, nameList } from './helpers';

/** Compliance regimes under which internal traffic must be mutually authenticated, with their display names. */
export const MTLS_REGIMES: Record<string, string> = { hipaa: 'HIPAA', pci: 'PCI DSS', soc2: 'SOC 2' };

/** Connection types that carry a synchronous request from a caller we run to a callee. */
const CHECKED_TYPES = new Set(['http', 'grpc', 'graphql', 'read', 'write']);

/**
 * Callees whose callers are already authenticated by the platform on every call, so mTLS adds nothing: a Lambda
 * function is invoked through the Lambda API with IAM-signed requests.
 */
const PLATFORM_AUTHENTICATED = new Set(['aws.lambda']);

/** Callee `auth` values that already authenticate the calling workload: client certificates, or platform IAM identity. */
const WORKLOAD_AUTH = new Set(['mtls', 'iam']);

export default defineRule({
  id: 'mtls',
  name: 'Mutual TLS inside the system',
  category: 'security',
  severity: 'medium',
  description:
    'Under HIPAA, PCI DSS or SOC 2, internal synchronous connections (`http`, `grpc`, `graphql`, `read`, `write`) from one of our services or API gateways to one of our services, or to a datastore we run ourselves (`self-managed`, or `managed: false`), need `mtls: true` or a service mesh with mTLS covering both ends. Not checked, because mTLS cannot be configured or adds nothing there: load balancers and CDNs (they cannot present client certificates to their targets), managed datastores reached through their provider (RDS, ElastiCache, DynamoDB, S3, Cloud SQL…: TLS plus credentials or IAM), callees that authenticate workloads themselves (`auth: "mtls"` or `"iam"`) and Lambda functions (IAM-signed invocations). One finding for the whole document listing the connections (so a large system is not penalised once per connection): medium, high under HIPAA or PCI DSS when personal data crosses one of them. The fix sets `mtls: true` on them.',
  check(ctx) {
    const regimes = (ctx.doc.constraints.compliance ?? []).filter((c) => c in MTLS_REGIMES);
    if (regimes.length === 0) return [];
    const { graph } = ctx;
    const meshed = meshCoverage(ctx, 'mtls');
    const service = graph.withRole('service');
    const gateway = graph.withRole('gateway');
    const datastore = graph.withRole('datastore');
    const selfManaged = graph.withRole('self-managed');
    const caller = (i: number) => service[i] === 1 || gateway[i] === 1;
    const callee = (i: number) => service[i] === 1 || (datastore[i] === 1 && (selfManaged[i] === 1 || ctx.config(i).managed === false));

    let checked = 0;
    let personal = 0;
    const lacking: number[] = [];
    for (let e = 0; e < ctx.doc.connections.length; e++) {
      if (!CHECKED_TYPES.has(graph.connectionDefs[e]!.id)) continue;
      const a = graph.from[e]!;
      const b = graph.to[e]!;
      if (!caller(a) || !callee(b)) continue;
      if (PLATFORM_AUTHENTICATED.has(graph.defs[b]!.id) || WORKLOAD_AUTH.has(ctx.config(b).auth as string)) continue;
      checked++;
      if (ctx.doc.connections[e]!.config?.mtls === true || (meshed.has(a) && meshed.has(b))) continue;
      lacking.push(e);
      if (ctx.config(a).personalData === true || ctx.config(b).personalData === true) personal++;
    }
    if (lacking.length === 0) return [];

    const peak = ctx.traffic.connectionPeakRps;
    lacking.sort((x, y) => peak[y]! - peak[x]!);
    const strict = regimes.some((r) => r === 'hipaa' || r === 'pci');
    const names = regimes.map((r) => MTLS_REGIMES[r]!);
    const callees = [...new Set(lacking.map((e) => graph.to[e]!))];
    const shown = lacking.slice(0, 5).map((e) => describe(ctx, e, peak[e]!));
    const k = lacking.length;
    const carriesPersonal =
      personal === 0 ? '' : `; ${personal === k ? (k === 1 ? 'it carries' : 'all of them carry') : `${personal} of them carry`} personal data`;
    return [
      {
        components: callees.map((i) => graph.ids[i]!),
        connections: lacking.map((e) => ctx.doc.connections[e]!.id),
        severity: strict && personal > 0 ? 'high' : 'medium',
        message: `Under ${nameList(names)}, ${k} of ${checked} internal connection${checked === 1 ? ' is' : 's are'} not mutually authenticated (no \`mtls: true\`, and no service mesh with mTLS covering both ends): ${nameList(shown, 5, lacking.length)}. Any workload that gets into the network can call ${k === 1 ? 'it' : 'them'} and nothing proves to the callee who is calling${carriesPersonal}.`,
        remediation:
          'Turn on mutual TLS on these connections (workload certificates from a private CA, rotated automatically), or run the services in a service mesh in strict mTLS mode covering both ends; for datastores you run, require client certificates.',
        fix: {
          origin: 'fix:mtls',
          summary: `Require mutual TLS on ${k} internal connection${k === 1 ? '' : 's'}`,
          ops: lacking.map((e) => ({ op: 'updateConnection' as const, id: ctx.doc.connections[e]!.id, config: { mtls: true } })),
        },
      },
    ];
  },
});

function describe(ctx: RuleContext, e: number, rate: number): string {
  const { graph } = ctx;
  const load = rate > 0 ? `, ${fmt(rate)} requests/s at peak` : '';
  return `${ctx.name(graph.from[e]!)} → ${ctx.name(graph.to[e]!)} (${graph.connectionDefs[e]!.id}${load})`;
}
