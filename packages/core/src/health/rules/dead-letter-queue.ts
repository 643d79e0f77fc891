import { outOf, someIn, someOut } from '../../graph/graph';
import type { ChangeSet, Op } from '../../document/change-set';
import { defineRule } from '../define';
import type { FindingDraft } from '../types';
import { fmt } from '../../format';
import { beside, freshId } from './helpers';

/** Share of messages assumed to fail processing for good (poison messages, bugs), for the loss estimate. */
export const ASSUMED_FAILURE_RATE = 0.001;

export default defineRule({
  id: 'dead-letter-queue',
  name: 'Dead-letter queues',
  category: 'resilience',
  severity: 'high',
  description:
    'Every queue or subscription that is consumed needs somewhere for messages that keep failing: `deadLetter: true` or a `dead-letter` connection. Dead-letter queues themselves are exempt.',
  check(ctx) {
    const { graph } = ctx;
    const findings: FindingDraft[] = [];
    for (let q = 0; q < graph.n; q++) {
      if (!graph.hasRole(q, 'queue') && !graph.hasRole(q, 'topic')) continue;
      const consumed = someOut(graph, q, (e) => graph.connectionDefs[e]!.id === 'consume');
      const hasDeadLetter = ctx.config(q).deadLetter === true || someOut(graph, q, (e) => graph.connectionDefs[e]!.id === 'dead-letter');
      const isDeadLetterQueue = someIn(graph, q, (e) => graph.connectionDefs[e]!.id === 'dead-letter');
      if (!consumed || hasDeadLetter || isDeadLetterQueue) continue;

      const id = graph.ids[q]!;
      const name = ctx.name(q);
      const load = ctx.traffic.componentLoad(q);
      const perSecond = load.peakRps * ASSUMED_FAILURE_RATE;
      const perDay = load.averageRps * ASSUMED_FAILURE_RATE * 86400;
      const impact =
        load.peakRps > 0
          ? `at ${fmt(load.peakRps)} messages/s and an assumed ${ASSUMED_FAILURE_RATE * 100} % failure rate that is ~${fmt(perSecond)} failing messages/s at peak, ~${fmt(perDay)} a day, retried until they expire and then lost`
          : 'a message that keeps failing is retried until it expires and is then lost, with no record of it';

      const def = graph.defs[q]!;
      const dlq = freshId(ctx, `${id}-dlq`);
      const position = beside(ctx, q);
      const ops: Op[] = [
        { op: 'addComponent', component: { id: dlq, type: def.id, label: `${name} DLQ`, ...(position && { position }) } },
        { op: 'addConnection', connection: { from: id, to: dlq, type: 'dead-letter' } },
      ];
      if ('deadLetter' in def.config.shape) ops.push({ op: 'updateComponent', id, config: { deadLetter: true } });
      const fix: ChangeSet = { origin: 'fix:dead-letter-queue', summary: `Add dead-letter queue ${dlq} to ${name}`, ops };
      findings.push({
        components: [id],
        connections: outOf(graph, q).filter((e) => graph.connectionDefs[e]!.id === 'consume').map((e) => ctx.doc.connections[e]!.id),
        message: `${name} has no dead-letter queue: ${impact}.`,
        remediation: `Route messages that fail ${def.id === 'aws.sqs' ? 'maxReceiveCount times' : 'repeatedly'} to a dead-letter queue, alarm on its depth, and redrive after fixing the cause.`,
        fix,
      });
    }
    return findings;
  },
});
