import type { Connection } from '../../document/schema';
import type { PatternContext } from '../context';
import { isDatabase, isWorkload, MESSAGING_ROLES } from '../data/wiring';

/**
 * Wiring shared by the state patterns (transactional outbox, event sourcing): where a service writes a database and
 * publishes messages in the same request, and how to recognise the relays and projectors those patterns add.
 */

/** Notes the relays and projectors of these patterns start with: they derive their writes from a log, not from requests. */
export const DERIVED = /^(Projector|Outbox relay)\b/;

/** Labels saying the write already goes through an outbox table. */
const OUTBOX = /outbox/i;

/** A queue that only collects failures (a dead-letter queue): publishing poison messages there is not a business event. */
function deadLetterish(ctx: PatternContext, id: string): boolean {
  return ctx.incoming(id, ['dead-letter']).length > 0 || /(^|[^a-z])(dlq|dead[ -]?letter)/i.test(`${id} ${ctx.name(id)}`);
}

export interface DualWrite {
  service: string;
  db: string;
  /** The service's writes to the database. */
  writes: Connection[];
  /** Its publishes of business events (not to dead-letter queues). */
  publishes: Connection[];
}

/**
 * Services that commit to a database and publish messages in the same request (a dual write), one per service, with
 * the database it writes most. Skips writes already labelled as going through an outbox, and derived components.
 */
export function dualWrites(ctx: PatternContext): DualWrite[] {
  const found: DualWrite[] = [];
  for (const service of ctx.doc.components) {
    if (!isWorkload(ctx, service.id) || DERIVED.test(service.notes ?? '')) continue;
    const publishes = ctx
      .outgoing(service.id, ['publish'])
      .filter((c) => MESSAGING_ROLES.some((r) => ctx.hasRole(c.to, r)) && !deadLetterish(ctx, c.to));
    if (publishes.length === 0 || publishes.some((c) => OUTBOX.test(c.label ?? ''))) continue;
    const writes = ctx.outgoing(service.id, ['write']).filter((c) => isDatabase(ctx, c.to));
    if (writes.length === 0 || writes.some((c) => OUTBOX.test(c.label ?? ''))) continue;
    const byDb = new Map<string, Connection[]>();
    for (const w of writes) byDb.set(w.to, [...(byDb.get(w.to) ?? []), w]);
    const rate = (list: Connection[]) => list.reduce((s, c) => s + ctx.peakRps(c.id), 0);
    const [db, dbWrites] = [...byDb].sort((a, b) => rate(b[1]) - rate(a[1]))[0]!;
    found.push({ service: service.id, db, writes: dbWrites, publishes });
  }
  return found;
}
