import { defineRule } from '../define';
import type { FindingDraft } from '../types';
import { fmt } from '../../format';
import { meshCoverage } from './helpers';

/** What a caller waits when a callee hangs and no timeout is set (typical HTTP client default). */
export const DEFAULT_CLIENT_TIMEOUT_S = 30;

const SERVICE_CALLS = new Set(['http', 'grpc', 'graphql']);

const REMEDIATION =
  'Add a circuit breaker on the call (open after repeated failures, fail fast, probe with a few requests), with a timeout, or put both services in a service mesh with outlier detection.';

export default defineRule({
  id: 'circuit-breaker',
  name: 'Circuit breakers',
  category: 'resilience',
  severity: 'medium',
  description:
    'Synchronous calls (`http`, `grpc`, `graphql`) from one internal service to another need a circuit breaker (`circuitBreaker: true`) or a service mesh with circuit breaking covering both ends. Calls to datastores, model APIs and third parties are not service calls.',
  check(ctx) {
    const { graph } = ctx;
    const meshed = meshCoverage(ctx, 'circuitBreaking');
    const service = graph.withRole('service');
    const findings: FindingDraft[] = [];
    for (let e = 0; e < ctx.doc.connections.length; e++) {
      const def = graph.connectionDefs[e]!;
      if (!SERVICE_CALLS.has(def.id)) continue;
      const a = graph.from[e]!;
      const b = graph.to[e]!;
      if (!service[a] || !service[b]) continue;
      const connection = ctx.doc.connections[e]!;
      const config = connection.config;
      if (config?.circuitBreaker === true || (meshed.has(a) && meshed.has(b))) continue;

      // each name once: on a large design every read of a component is a trip to memory
      const caller = ctx.name(a);
      const callee = ctx.name(b);
      const rate = ctx.traffic.connectionPeakRps[e]!;
      const timeoutS = typeof config?.timeoutMs === 'number' ? config.timeoutMs / 1000 : undefined;
      const wait = timeoutS ?? DEFAULT_CLIENT_TIMEOUT_S;
      const pileUp =
        rate > 0
          ? `; at ${fmt(rate)} requests/s, a hanging ${callee} ties up ~${fmt(rate * wait)} requests in ${caller} (${fmt(rate)}/s × ${fmt(wait)} s ${timeoutS === undefined ? 'client default timeout — none is set' : 'timeout'})`
          : '';
      findings.push({
        components: [graph.ids[a]!, graph.ids[b]!],
        connections: [connection.id],
        message: `${caller} → ${callee} (${def.id}) has no circuit breaker: when ${callee} fails or slows down, ${caller} keeps waiting on it and fails too${pileUp}.`,
        remediation: REMEDIATION,
        fix: {
          origin: 'fix:circuit-breaker',
          summary: `Add a circuit breaker to ${caller} → ${callee}`,
          ops: [{ op: 'updateConnection' as const, id: connection.id, config: timeoutS === undefined ? { circuitBreaker: true, timeoutMs: 2000 } : { circuitBreaker: true } }],
        },
      });
    }
    return findings;
  },
});
