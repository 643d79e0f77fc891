import { randomUUID } from 'node:crypto';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { parseDocument, serializeDocument, type ArchDocument, type ChangeSet, type DocumentIssue } from '@backarch/core';
import { applyChangeSetToYDoc, readAnnotations, type Annotation, readDocument, trimAnnotations, writeDocument, type AnnotationInput } from '@backarch/sync';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import { atLeast, type Access } from '../auth/access';
import type { Sessions, SessionUser } from '../auth/sessions';
import { base64Of, bytea, fromBase64 } from '../db/bytes';
import type { Database } from '../db/schema';
import type { RedisRelay } from './relay';
import type { UpdateLog } from './update-log';

/** What Hocuspocus keeps per connection. */
interface ConnectionContext {
  user?: SessionUser;
  /** The workspace the diagram was in when the connection was authenticated. */
  workspaceId?: string;
}

/**
 * Which live connections to close (`LiveDocuments.disconnect`): those matching every field given. A session's or
 * user's connections, optionally only to a workspace's diagrams, or everyone's connections to one diagram.
 */
export interface LiveMatch {
  userId?: string;
  sessionId?: string;
  workspaceId?: string;
  diagramId?: string;
}

/** WebSocket close code (application range) of a connection closed because its access changed; the client reconnects. */
const ACCESS_CHANGED = { code: 4205, reason: 'access changed: reconnect' } as const;

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

/** An annotation's identity for comparing it with the ones a version recorded (its `by` may have been dropped there). */
const annotationKey = (a: Annotation) => JSON.stringify([a.origin, a.summary, a.at]);

/** Whether a state vector has seen something the other has not (another instance's document is ahead of ours). */
function hasUnseen(theirs: Uint8Array, ours: Uint8Array): boolean {
  const mine = Y.decodeStateVector(ours);
  for (const [client, clock] of Y.decodeStateVector(theirs)) if ((mine.get(client) ?? 0) < clock) return true;
  return false;
}

/**
 * Whether a version's stored text holds the document serialised as `json`. Versions store the canonical serialisation,
 * so equal text is the usual answer; text written in another form is compared canonically (parsed only then).
 */
function sameDocument(stored: string, json: string): boolean {
  if (stored === json) return true;
  const parsed = parseDocument(stored);
  return parsed.ok && serializeDocument(parsed.document) === json;
}

/**
 * Live diagrams: Yjs documents synced through Hocuspocus, made durable by the update log (appended before a client's
 * edit is acknowledged), and versioned `versionDebounceMs` after the last change. With a Redis relay, several server
 * instances hold the same diagram: each logs what its own clients send, the relay carries updates between them, and
 * recording a version is serialised across instances in the database.
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
      /** Set when several instances share live documents (REDIS_URL). */
      relay?: RedisRelay;
    },
  ) {
    this.hocuspocus = new Hocuspocus<ConnectionContext>({
      name: 'backarch',
      quiet: true,
      // Hocuspocus's own debounced store is not used: the update log is the store.
      debounce: 0,
      extensions: deps.relay ? [deps.relay] : [],
      onAuthenticate: async ({ requestHeaders, documentName, connectionConfig, token }) => {
        const user = await deps.sessions.fromCookieHeader(requestHeaders.get('cookie') ?? undefined);
        if (!user) throw Object.assign(new Error('not signed in'), { reason: 'unauthorized' });
        // the cookie alone does not do: browsers send it on a WebSocket handshake from any page of the same site, and
        // the handshake has no CORS. The session's CSRF token proves the page could read the session (an own page).
        if (token !== user.csrfToken) throw Object.assign(new Error('wrong csrf token'), { reason: 'csrf_failed' });
        const { diagram, role } = await deps.access.diagram(user.id, documentName, 'viewer').catch(() => {
          throw Object.assign(new Error('no access'), { reason: 'forbidden' });
        });
        // viewers and commenters read; Hocuspocus refuses their document updates. Set once: when the access changes,
        // the connection is closed (disconnect) and the client is authenticated again as it reconnects.
        connectionConfig.readOnly = !atLeast(role, 'editor');
        return { user, workspaceId: diagram.workspace_id };
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
      // Every change schedules a version, relayed ones from other instances included: each instance holding a diagram
      // waits for quiet, and the first to record under the diagram's lock records it; the others find nothing new
      // (record). Relayed updates are not logged: they reach this instance without a connection, so beforeSync does
      // not run for them (see relay.ts).
      onChange: async ({ documentName, transactionOrigin }) => {
        if (transactionOrigin === LOADED) return;
        this.scheduleVersion(documentName);
      },
      afterUnloadDocument: async ({ documentName }) => {
        await deps.log.compact(documentName).catch((error) => deps.logger.warn({ err: error, diagram: documentName }, 'compaction failed'));
      },
    });
    deps.relay?.setDisconnectHandler((match) => this.closeMatching(match));
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

  /**
   * Closes the live connections matching every field of `match`, on this instance and, through the relay, on the others:
   * after a member is removed or their role changes, a sign-out, a diagram deleted or moved to another workspace. A
   * connection's role is checked once, when it is authenticated; its client reconnects the closed WebSocket by itself
   * and is authenticated again with the access it has now. The whole socket is closed (it carries one session's
   * documents; the others reconnect too). The relay's publish is not waited for (a Redis outage must not hold the
   * request); its failure is logged.
   */
  disconnect(match: LiveMatch): void {
    this.closeMatching(match);
    void this.deps.relay?.publishDisconnect(match);
  }

  /** Closes this instance's connections that match (something must be given to match: never everyone's). */
  private closeMatching(match: LiveMatch): void {
    if (!Object.values(match).some((v) => v !== undefined)) throw new Error('disconnect needs something to match');
    for (const document of this.hocuspocus.documents.values()) {
      if (match.diagramId !== undefined && document.name !== match.diagramId) continue;
      for (const connection of document.getConnections()) {
        const { user, workspaceId } = connection.context as ConnectionContext;
        if (match.userId !== undefined && user?.id !== match.userId) continue;
        if (match.sessionId !== undefined && user?.sessionId !== match.sessionId) continue;
        if (match.workspaceId !== undefined && workspaceId !== match.workspaceId) continue;
        connection.webSocket.close(ACCESS_CHANGED.code, ACCESS_CHANGED.reason);
      }
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

  /**
   * Records a version now when the document changed since the last one; serialised per diagram. `author` is a user
   * the server knows made the edits (the creator of a new diagram, whose first state no connection sent).
   */
  recordVersion(diagramId: string, author?: string): Promise<VersionRow | undefined> {
    if (author) this.authorsOf(diagramId).add(author);
    const previous = this.versionRuns.get(diagramId) ?? Promise.resolve();
    const run = previous.then(() => this.record(diagramId)).catch((error) => {
      this.deps.logger.error({ err: error, diagram: diagramId }, 'recording a version failed');
      return undefined;
    });
    this.versionRuns.set(diagramId, run);
    return run;
  }

  /**
   * Records a version when the document holds something the last version does not. Serialised across server instances
   * by a transaction-scoped advisory lock on the diagram, inside which the last version is read again: an instance that
   * comes second finds its document already recorded and only adds its editors to that version's authors.
   */
  private async record(diagramId: string): Promise<VersionRow | undefined> {
    const { db } = this.deps;
    const exists = await db.selectFrom('diagrams').select('id').where('id', '=', diagramId).executeTakeFirst();
    if (!exists) return undefined;
    const live = this.hocuspocus.documents.get(diagramId);
    const ydoc = live ?? new Y.Doc();
    // the editors seen here since the last version; handed back when nothing is recorded for them
    const editors = this.authors.get(diagramId) ?? new Set<string>();
    this.authors.delete(diagramId);
    let keepEditors = true;
    try {
      if (!live) {
        const state = await this.deps.log.load(diagramId);
        if (state) Y.applyUpdate(ydoc, state, LOADED);
      }
      // read in one go: a live document may change while the transaction below waits
      const { document } = readDocument(ydoc);
      const annotations = readAnnotations(ydoc);
      const stateVector = Y.encodeStateVector(ydoc);
      const json = serializeDocument(document);

      const outcome = await db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`versions:${diagramId}`}))`.execute(tx);
        const last = await tx
          .selectFrom('versions')
          .select(['id', 'number', 'document', 'authors', 'changes', 'components_after', 'connections_after', base64Of('state_vector', 'state_vector')])
          .where('diagram_id', '=', diagramId)
          .orderBy('number', 'desc')
          .limit(1)
          .executeTakeFirst();
        // another instance recorded a state this one has not received yet: it holds the newer document, and the relay
        // brings it here (scheduling another attempt) when that matters
        if (last && hasUnseen(fromBase64(last.state_vector), stateVector)) return { kind: 'behind' as const };
        // annotations the last version already recorded (another instance got there first and its trim is on its way)
        const recorded = new Map<string, number>();
        for (const a of JSON.parse(last?.changes ?? '[]') as Annotation[]) recorded.set(annotationKey(a), (recorded.get(annotationKey(a)) ?? 0) + 1);
        const fresh = annotations.filter((a) => {
          const n = recorded.get(annotationKey(a)) ?? 0;
          if (n > 0) recorded.set(annotationKey(a), n - 1);
          return n === 0;
        });
        if (last && fresh.length === 0 && sameDocument(last.document, json)) {
          const lastAuthors = JSON.parse(last.authors) as string[];
          const missing = [...editors].filter((id) => !lastAuthors.includes(id));
          if (missing.length > 0) await tx.updateTable('versions').set({ authors: JSON.stringify([...lastAuthors, ...missing]) }).where('id', '=', last.id).execute();
          return { kind: 'recorded-already' as const };
        }
        // authors are the people this server saw edit; an annotation's `by` is written by the client, so it is kept
        // only when it names one of them (else anyone could credit an edit to a colleague, or to a user id that does
        // not exist and fail the updated_by foreign key, and with it every version of the diagram)
        const authors = [...editors];
        const changes = fresh.map((a) => (a.by === undefined || editors.has(a.by) ? a : { origin: a.origin, summary: a.summary, at: a.at }));
        const row: VersionRow = { id: randomUUID(), number: (last?.number ?? 0) + 1 };
        await tx
          .insertInto('versions')
          .values({
            ...row,
            diagram_id: diagramId,
            document: json,
            authors: JSON.stringify(authors),
            changes: JSON.stringify(changes),
            components_before: last?.components_after ?? 0,
            components_after: document.components.length,
            connections_before: last?.connections_after ?? 0,
            connections_after: document.connections.length,
            state_vector: bytea(stateVector),
          })
          .execute();
        await tx
          .updateTable('diagrams')
          .set({ updated_at: new Date(), ...(authors.length > 0 && { updated_by: authors[authors.length - 1] }) })
          .where('id', '=', diagramId)
          .execute();
        return { kind: 'recorded' as const, row };
      });
      if (outcome.kind === 'behind') return undefined;
      keepEditors = false;
      if (annotations.length > 0) {
        // the recorded annotations leave the document; the trim is itself an update and is logged like any other. An
        // instance that came second trims too (deleting twice is harmless), so a crash between another instance's
        // commit and its trim cannot leave annotations to be recorded again.
        const before = Y.encodeStateVector(ydoc);
        if (trimAnnotations(ydoc, annotations) > 0) await this.deps.log.append(diagramId, Y.encodeStateAsUpdate(ydoc, before));
      }
      return outcome.kind === 'recorded' ? outcome.row : undefined;
    } finally {
      if (keepEditors && editors.size > 0) for (const id of editors) this.authorsOf(diagramId).add(id);
      if (!live) ydoc.destroy();
    }
  }

  /** Graceful shutdown: pending versions are recorded, connections closed, documents unloaded, and the log drained. */
  async close(): Promise<void> {
    this.closing = true;
    const pending = [...this.versionTimers.keys()];
    for (const timer of this.versionTimers.values()) clearTimeout(timer);
    this.versionTimers.clear();
    await this.deps.log.drain();
    await Promise.all(pending.map((id) => this.recordVersion(id)));
    await Promise.all(this.versionRuns.values());
    this.hocuspocus.closeConnections();
    // documents unload as their sockets finish closing, and compact as they go: let that end before the database
    // closes (bounded, for a client that never completes the close handshake)
    const deadline = Date.now() + 5000;
    while ((this.hocuspocus.documents.size > 0 || this.hocuspocus.unloadingDocuments.size > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await this.deps.log.drain();
    await this.deps.relay?.destroy();
  }
}
