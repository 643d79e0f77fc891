import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { base64Of, bytea, fromBase64 } from '../db/bytes';
import type { Database } from '../db/schema';

interface Pending {
  diagramId: string;
  data: Uint8Array;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The durable half of a live document: every Yjs update is appended here, and the append has committed before the
 * client is told its edit is saved. Appends arriving within `batchMs` of each other (from any diagram) share one
 * INSERT — group commit — so throughput grows with load instead of paying one commit per keystroke.
 */
export class UpdateLog {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Appends per diagram since its last compaction, to decide when to compact. */
  private readonly sinceCompaction = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { batchMs?: number; maxBatch?: number; compactEvery?: number } = {},
  ) {}

  /** Resolves once the update is committed. */
  append(diagramId: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ diagramId, data, resolve, reject });
      if (this.pending.length >= (this.options.maxBatch ?? 500)) this.flushSoon(0);
      else this.flushSoon(this.options.batchMs ?? 2);
    });
  }

  private flushSoon(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, delayMs);
  }

  /**
   * Inserts a batch in one statement and settles its appends; returns the appends saved. When the statement fails and
   * the batch spans several diagrams, each diagram's appends are inserted on their own: one diagram's failure (deleted
   * while its last edits were in flight) must not refuse the edits of everyone else who shared the commit.
   */
  private async write(batch: Pending[]): Promise<Pending[]> {
    try {
      await this.db
        .insertInto('diagram_updates')
        .values(batch.map((p) => ({ diagram_id: p.diagramId, data: bytea(p.data) })))
        .execute();
      for (const p of batch) p.resolve();
      return batch;
    } catch (error) {
      const byDiagram = new Map<string, Pending[]>();
      for (const p of batch) {
        const appends = byDiagram.get(p.diagramId);
        if (appends) appends.push(p);
        else byDiagram.set(p.diagramId, [p]);
      }
      if (byDiagram.size === 1) {
        for (const p of batch) p.reject(error);
        return [];
      }
      const saved: Pending[] = [];
      for (const appends of byDiagram.values()) saved.push(...(await this.write(appends)));
      return saved;
    }
  }

  /** Writes everything pending; resolves when it is committed (graceful shutdown awaits this). */
  async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.flush());
    await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch ?? 500);
      const saved = await this.write(batch);
      if (saved.length === 0) continue;
      const every = this.options.compactEvery ?? 500;
      const touched = new Set(saved.map((p) => p.diagramId));
      for (const id of touched) {
        const count = (this.sinceCompaction.get(id) ?? 0) + saved.filter((p) => p.diagramId === id).length;
        if (count >= every) {
          this.sinceCompaction.delete(id);
          void this.compact(id).catch(() => undefined);
        } else this.sinceCompaction.set(id, count);
      }
    }
  }

  /**
   * How far a diagram's stored state goes: the highest sequence number it includes (compaction does not change it).
   * A cheap query that tells whether a cached derivation of the stored state is still current.
   */
  async position(diagramId: string): Promise<string> {
    const row = await sql<{ upto: string | null; last: string | null }>`select
        (select upto_seq from diagram_snapshots where diagram_id = ${diagramId})::text as upto,
        (select max(seq) from diagram_updates where diagram_id = ${diagramId})::text as last`.execute(this.db);
    const { upto, last } = row.rows[0] ?? { upto: null, last: null };
    return String(BigInt(upto ?? 0) > BigInt(last ?? 0) ? upto : (last ?? upto ?? 0));
  }

  /** The stored state of a diagram: its snapshot merged with every update after it. Undefined when it has none. */
  async load(diagramId: string): Promise<Uint8Array | undefined> {
    // Updates first, then the snapshot, one after the other: a compaction committing in between then leaves a snapshot
    // that covers what it deleted. Read the other way round (or in parallel on two pooled connections), the old
    // snapshot and the emptied log lose every update since — a stale document after an acknowledged edit.
    const updates = await this.db.selectFrom('diagram_updates').select(['seq', base64Of('data', 'data')]).where('diagram_id', '=', diagramId).orderBy('seq').execute();
    const snapshot = await this.db.selectFrom('diagram_snapshots').select([base64Of('data', 'data'), 'upto_seq']).where('diagram_id', '=', diagramId).executeTakeFirst();
    const upto = BigInt(snapshot?.upto_seq ?? 0);
    const parts = [...(snapshot ? [snapshot.data] : []), ...updates.filter((u) => BigInt(u.seq) > upto).map((u) => u.data)].map(fromBase64);
    if (parts.length === 0) return undefined;
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  }

  /**
   * Folds the log into the snapshot, from what is stored (not from memory: an update can be logged and not yet
   * applied in memory), in one transaction: the snapshot and the deletion of what it covers commit together.
   */
  async compact(diagramId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${diagramId}))`.execute(tx);
      const snapshot = await tx.selectFrom('diagram_snapshots').select([base64Of('data', 'data'), 'upto_seq']).where('diagram_id', '=', diagramId).executeTakeFirst();
      const upto = BigInt(snapshot?.upto_seq ?? 0);
      const updates = await tx.selectFrom('diagram_updates').select(['seq', base64Of('data', 'data')]).where('diagram_id', '=', diagramId).where('seq', '>', Number(upto) as never).orderBy('seq').execute();
      if (updates.length === 0) return;
      const merged = Y.mergeUpdates([...(snapshot ? [snapshot.data] : []), ...updates.map((u) => u.data)].map(fromBase64));
      const last = updates[updates.length - 1]!.seq;
      await tx
        .insertInto('diagram_snapshots')
        .values({ diagram_id: diagramId, data: bytea(merged), upto_seq: Number(last) })
        .onConflict((oc) => oc.column('diagram_id').doUpdateSet({ data: bytea(merged), upto_seq: Number(last), updated_at: new Date() }))
        .execute();
      await tx.deleteFrom('diagram_updates').where('diagram_id', '=', diagramId).where('seq', '<=', Number(last) as never).execute();
    });
  }
}
