import { randomUUID } from 'node:crypto';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { parseDocument, serializeDocument, type ArchDocument, type ChangeSet, type DocumentIssue } from '@backarch/core';
import { applyChangeSetToYDoc, readAnnotations, readDocument, trimAnnotations, writeDocument, type AnnotationInput } from '@backarch/sync';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { atLeast, type Access } from '../auth/access';
import type { Sessions, SessionUser } from '../auth/sessions';
import { bytea } from '../db/bytes';
import type { Database } from '../db/schema';
import type { UpdateLog } from './update-log';

/** What Hocuspocus keeps per connection. */
interface ConnectionContext {
  user?: SessionUser;
}

/** Transaction origin of updates replayed from storage: never logged again. */
const LOADED = Object.freeze({ name: 'backarch:loaded-from-storage' });
/** Yjs encodes "no change" as these two bytes; a sync reply carrying nothing is not worth a log row. */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength === 2 && update[0] === 0 && update[1] === 0;

/** Derived documents kept for diagrams nobody is editing (each is the size of its JSON). */
const DERIVED_CACHE_SIZE = 50;

// y-protocols sync message types (inside a Hocuspocus Sync message)
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface VersionRow {
  id: string;
  number: number;
}

/**
 * Live diagrams: Yjs documents synced through Hocuspocus, made durable by the update log (appended before a client's
 * edit is acknowledged), and versioned `versionDebounceMs` after the last change.
 */
export class LiveDocuments {
  readonly hocuspocus: Hocuspocus<ConnectionContext>;
  private readonly versionTimers = new Map<string, NodeJS.Timeout>();
  private readonly versionRuns = new Map<string, Promise<unknown>>();
  /** Users who edited each diagram since its last version. */
  private readonly authors = new Map<string, Set<string>>();
  private closing = false;
  /** Documents derived from stored state, by diagram, with the log position they were derived at (LRU). */
  private readonly derived = new Map<string, { position: string; result: { document: ArchDocument; issues: DocumentIssue[] } }>();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      log: UpdateLog;
      sessions: Sessions;
      access: Access;
      logger: FastifyBaseLogger;
      versionDebounceMs: number;
    },
  ) {
    this.hocuspocus = new Hocuspocus<ConnectionContext>({
      name: 'backarch',
      quiet: true,
      // Hocuspocus's own debounced store is not used: the update log is the store.
      debounce: 0,
      onAuthenticate: async ({ requestHeaders, documentName, connectionConfig }) => {
        const user = await deps.sessions.fromCookieHeader(requestHeaders.get('cookie') ?? undefined);
        if (!user) throw Object.assign(new Error('not signed in'), { reason: 'unauthorized' });
        const { role } = await deps.access.diagram(user.id, documentName, 'viewer').catch(() => {
          throw Object.assign(new Error('no access'), { reason: 'forbidden' });
        });
        // viewers and commenters read; Hocuspocus refuses their document updates
        connectionConfig.readOnly = !atLeast(role, 'editor');
        return { user };
      },
      onLoadDocument: async ({ document, documentName }) => {
        const state = await deps.log.load(documentName);
        if (state) Y.applyUpdate(document, state, LOADED);
      },
      beforeSync: async ({ connection, type, payload, documentName, context }) => {
        if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly || isEmptyUpdate(payload)) return;
        await deps.log.append(documentName, payload);
        if (context.user) this.authorsOf(documentName).add(context.user.id);
      },
      onChange: async ({ documentName, transactionOrigin }) => {
        if (transactionOrigin === LOADED) return;
        this.scheduleVersion(documentName);
      },
      afterUnloadDocument: async ({ documentName }) => {
        await deps.log.compact(documentName).catch((error) => deps.logger.warn({ err: error, diagram: documentName }, 'compaction failed'));
      },
    });
  }

  private authorsOf(diagramId: string): Set<string> {
    let set = this.authors.get(diagramId);
    if (!set) this.authors.set(diagramId, (set = new Set()));
    return set;
  }

  /** The encoded initial state of a new diagram, to store with its row. */
  static initialState(document: ArchDocument, annotation: AnnotationInput): Uint8Array {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, document, annotation);
    const update = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    return update;
  }

  /**
   * The current document of a diagram: from memory when it is live, else from storage — re-derived only when the
   * stored log has moved since the last derivation (checked with one small query, so it holds across server instances).
   */
  async current(diagramId: string): Promise<{ document: ArchDocument; issues: DocumentIssue[] }> {
    const live = this.hocuspocus.documents.get(diagramId);
    if (live) return readDocument(live);
    const position = await this.deps.log.position(diagramId);
    const cached = this.derived.get(diagramId);
    if (cached?.position === position) {
      this.derived.delete(diagramId);
      this.derived.set(diagramId, cached);
      return cached.result;
    }
    const ydoc = new Y.Doc();
    try {
      const state = await this.deps.log.load(diagramId);
      if (state) Y.applyUpdate(ydoc, state, LOADED);
      const result = readDocument(ydoc);
      this.derived.delete(diagramId);
      this.derived.set(diagramId, { position, result });
      if (this.derived.size > DERIVED_CACHE_SIZE) this.derived.delete(this.derived.keys().next().value!);
      return result;
    } finally {
      ydoc.destroy();
    }
  }

  /**
   * Applies a change set on the server (REST, restore, AI): one Yjs transaction on the live document, broadcast to
   * everyone connected, and durable in the log before this resolves.
   */
  async change(diagramId: string, changeSet: ChangeSet, user: SessionUser | undefined): Promise<{ ok: true } | { ok: false; errors: DocumentIssue[] }> {
    const connection = await this.hocuspocus.openDirectConnection(diagramId, { user });
    try {
      const document = connection.document as Document;
      const before = Y.encodeStateVector(document);
      const result = applyChangeSetToYDoc(document, changeSet, { by: user?.id });
      if (!result.ok) return result;
      await this.deps.log.append(diagramId, Y.encodeStateAsUpdate(document, before));
      if (user) this.authorsOf(diagramId).add(user.id);
      this.scheduleVersion(diagramId);
      return { ok: true };
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  private scheduleVersion(diagramId: string): void {
    if (this.closing) return;
    clearTimeout(this.versionTimers.get(diagramId));
    this.versionTimers.set(
      diagramId,
      setTimeout(() => {
        this.versionTimers.delete(diagramId);
        void this.recordVersion(diagramId);
      }, this.deps.versionDebounceMs),
    );
  }

  /** Records a version now when the document changed since the last one; serialised per diagram. */
  recordVersion(diagramId: string): Promise<VersionRow | undefined> {
    const previous = this.versionRuns.get(diagramId) ?? Promise.resolve();
    const run = previous.then(() => this.record(diagramId)).catch((error) => {
      this.deps.logger.error({ err: error, diagram: diagramId }, 'recording a version failed');
      return undefined;
    });
    this.versionRuns.set(diagramId, run);
    return run;
  }

  private async record(diagramId: string): Promise<VersionRow | undefined> {
    const { db } = this.deps;
    const exists = await db.selectFrom('diagrams').select('id').where('id', '=', diagramId).executeTakeFirst();
    if (!exists) return undefined;
    const live = this.hocuspocus.documents.get(diagramId);
    const ydoc = live ?? new Y.Doc();
    try {
      if (!live) {
        const state = await this.deps.log.load(diagramId);
        if (state) Y.applyUpdate(ydoc, state, LOADED);
      }
      const { document } = readDocument(ydoc);
      const annotations = readAnnotations(ydoc);
      const last = await db
        .selectFrom('versions')
        .select(['number', 'document', 'components_after', 'connections_after'])
        .where('diagram_id', '=', diagramId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const json = serializeDocument(document);
      // jsonb does not keep key order: compare canonical forms
      const lastParsed = last ? parseDocument(last.document) : undefined;
      if (lastParsed?.ok && annotations.length === 0 && serializeDocument(lastParsed.document) === json) return undefined;

      const authors = [...new Set([...(this.authors.get(diagramId) ?? []), ...annotations.flatMap((a) => (a.by ? [a.by] : []))])];
      this.authors.delete(diagramId);
      const row: VersionRow = { id: randomUUID(), number: (last?.number ?? 0) + 1 };
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('versions')
          .values({
            ...row,
            diagram_id: diagramId,
            document: json,
            authors: JSON.stringify(authors),
            changes: JSON.stringify(annotations),
            components_before: last?.components_after ?? 0,
            components_after: document.components.length,
            connections_before: last?.connections_after ?? 0,
            connections_after: document.connections.length,
            state_vector: bytea(Y.encodeStateVector(ydoc)),
          })
          .execute();
        await tx
          .updateTable('diagrams')
          .set({ updated_at: new Date(), ...(authors.length > 0 && { updated_by: authors[authors.length - 1] }) })
          .where('id', '=', diagramId)
          .execute();
      });
      if (annotations.length > 0) {
        // the recorded annotations leave the document; the trim is itself an update and is logged like any other
        const before = Y.encodeStateVector(ydoc);
        trimAnnotations(ydoc, annotations);
        await this.deps.log.append(diagramId, Y.encodeStateAsUpdate(ydoc, before));
      }
      return row;
    } finally {
      if (!live) ydoc.destroy();
    }
  }

  /** Graceful shutdown: pending versions are recorded, connections closed, and the log drained. */
  async close(): Promise<void> {
    this.closing = true;
    const pending = [...this.versionTimers.keys()];
    for (const timer of this.versionTimers.values()) clearTimeout(timer);
    this.versionTimers.clear();
    await this.deps.log.drain();
    await Promise.all(pending.map((id) => this.recordVersion(id)));
    await Promise.all(this.versionRuns.values());
    this.hocuspocus.closeConnections();
    await this.deps.log.drain();
  }
}
