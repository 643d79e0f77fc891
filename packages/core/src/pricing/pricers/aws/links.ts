import { count } from '../../../format';
import type { Link, PricerContext } from '../../types';
import { monthlyRequests, usage } from '../helpers';

/*
 * What AWS's usage-based pricers need beyond the component's own load: the load on each of its connections (reads
 * vs writes into a table or bucket, deliveries out of a topic, consumers of a stream), as the engine hands them over.
 */

export type { Link } from '../../types';

const ofTypes = (list: readonly Link[], types?: readonly string[]) => (types ? list.filter((l) => types.includes(l.connection.type)) : [...list]);

/** Connections into the component (optionally only of these types), with their load. */
export const incoming = (ctx: PricerContext, types?: readonly string[]) => ofTypes(ctx.incoming, types);
/** Connections out of the component (optionally only of these types), with their load. */
export const outgoing = (ctx: PricerContext, types?: readonly string[]) => ofTypes(ctx.outgoing, types);

/** Another component's monthly requests in the traffic model (usage overrides included). */
export const monthlyLoadOf = (ctx: PricerContext, id: string) => ctx.traffic.components.get(id)?.monthlyRequests ?? 0;

export const monthlyOf = (list: readonly Link[]) => list.reduce((sum, l) => sum + l.load.monthlyRequests, 0);

/** Share of requests assumed to be reads when nothing tells reads from writes. */
export const DEFAULT_READ_SHARE = 0.8;

export interface ReadWriteSplit {
  reads: number;
  writes: number;
  /** How the split was made, for the bill's notes. */
  basis: string;
}

/**
 * Monthly reads and writes into a datastore: `usage.monthlyReadRequests` / `monthlyWriteRequests` when given; else the
 * component's monthly requests split by the loads of its incoming `read` connections (reads) and its other incoming
 * request connections (`write`, `stream`, `publish`…: writes); else `DEFAULT_READ_SHARE` of them are reads.
 * `readTypes` lists further connection types counted as reads (an `http` GET from a CDN to a bucket).
 */
export function readsAndWrites(ctx: PricerContext, readTypes: readonly string[] = []): ReadWriteSplit {
  const u = usage(ctx);
  const total = monthlyRequests(ctx);
  const into = incoming(ctx).filter((l) => l.load.monthlyRequests > 0);
  const readLinks = into.filter((l) => l.connection.type === 'read' || readTypes.includes(l.connection.type));
  const linkedReads = monthlyOf(readLinks);
  const linkedWrites = monthlyOf(into) - linkedReads;
  const linked = linkedReads + linkedWrites;
  let reads: number;
  let writes: number;
  let basis: string;
  if (linked > 0) {
    // the connections give the mix; the component's own total (which a usage override may change) gives the volume
    reads = (total * linkedReads) / linked;
    writes = (total * linkedWrites) / linked;
    basis = `reads and writes from the incoming connections (${pct(linkedReads / linked)} reads)`;
  } else {
    reads = total * DEFAULT_READ_SHARE;
    writes = total - reads;
    basis = total > 0 ? `no read/write connections: ${pct(DEFAULT_READ_SHARE)} of requests assumed to be reads` : 'no reads or writes in the traffic model';
  }
  const readsSet = u.monthlyReadRequests !== undefined;
  const writesSet = u.monthlyWriteRequests !== undefined;
  if (readsSet && writesSet) basis = 'usage.monthlyReadRequests and usage.monthlyWriteRequests';
  else if (readsSet) basis = `reads from usage.monthlyReadRequests; writes: ${basis}`;
  else if (writesSet) basis = `writes from usage.monthlyWriteRequests; reads: ${basis}`;
  return { reads: u.monthlyReadRequests ?? reads, writes: u.monthlyWriteRequests ?? writes, basis };
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

export { count };
