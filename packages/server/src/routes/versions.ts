import { z } from 'zod';
import { changeSetBetween, parseDocumentOrThrow } from '@backarch/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../http/errors';
import { route } from '../http/route';
import { id, iso } from './schemas';

const versionOut = z.object({
  id: z.string(),
  number: z.number(),
  createdAt: z.string(),
  authors: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  changes: z.array(z.object({ origin: z.string(), summary: z.string(), at: z.string(), by: z.string().optional() })),
  components: z.object({ before: z.number(), after: z.number() }),
  connections: z.object({ before: z.number(), after: z.number() }),
});

type VersionRow = Omit<Selectable<Database['versions']>, 'document' | 'state_vector'>;

const versionJson = (v: VersionRow, names: Map<string, string>) => ({
  id: v.id,
  number: v.number,
  createdAt: iso(v.created_at)!,
  authors: (JSON.parse(v.authors) as string[]).map((a) => ({ id: a, name: names.get(a) ?? null })),
  changes: JSON.parse(v.changes) as Array<{ origin: string; summary: string; at: string; by?: string }>,
  components: { before: v.components_before, after: v.components_after },
  connections: { before: v.connections_before, after: v.connections_after },
});

const SUMMARY_COLUMNS = ['id', 'diagram_id', 'number', 'authors', 'changes', 'components_before', 'components_after', 'connections_before', 'connections_after', 'created_at'] as const;

export const VERSION_ROUTES = [
  route({
    method: 'GET',
    url: '/api/diagrams/:diagramId/versions',
    summary: 'Version history, newest first: who changed what, when, with before/after counts',
    tag: 'versions',
    access: 'user',
    role: 'viewer',
    params: z.object({ diagramId: id }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      before: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('Only versions with a lower number (the next page).'),
    }),
    response: z.object({ versions: z.array(versionOut), nextBefore: z.number().nullable() }),
    async handler({ user, params, query, services }) {
      await services.access.diagram(user.id, params.diagramId, 'viewer');
      let q = services.db.selectFrom('versions').select(SUMMARY_COLUMNS).where('diagram_id', '=', params.diagramId);
      if (query.before) q = q.where('number', '<', query.before);
      const rows = await q.orderBy('number', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const ids = [...new Set(page.flatMap((r) => JSON.parse(r.authors) as string[]))];
      const users = ids.length > 0 ? await services.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : [];
      const names = new Map(users.map((u) => [u.id, u.name]));
      return { versions: page.map((r) => versionJson(r, names)), nextBefore: rows.length > query.limit ? page[page.length - 1]!.number : null };
    },
  }),
  route({
    method: 'GET',
    url: '/api/diagrams/:diagramId/versions/:versionId',
    summary: 'One version with its document',
    tag: 'versions',
    access: 'user',
    role: 'viewer',
    params: z.object({ diagramId: id, versionId: id }),
    response: versionOut.extend({ document: z.unknown() }),
    async handler({ user, params, services }) {
      await services.access.diagram(user.id, params.diagramId, 'viewer');
      const row = await services.db.selectFrom('versions').select([...SUMMARY_COLUMNS, 'document']).where('diagram_id', '=', params.diagramId).where('id', '=', params.versionId).executeTakeFirst();
      if (!row) throw notFound('Version');
      const users = await services.db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...(JSON.parse(row.authors) as string[]), '']).execute();
      return { ...versionJson(row, new Map(users.map((u) => [u.id, u.name]))), document: JSON.parse(row.document) as unknown };
    },
  }),
  route({
    method: 'POST',
    url: '/api/diagrams/:diagramId/versions/:versionId/restore',
    summary: 'Restore a version: a new change set (origin restore:<number>) that becomes a version itself; nothing is destroyed',
    tag: 'versions',
    access: 'user',
    role: 'editor',
    params: z.object({ diagramId: id, versionId: id }),
    response: z.object({ restored: z.number(), changed: z.boolean() }),
    async handler({ user, params, services }) {
      await services.access.diagram(user.id, params.diagramId, 'editor');
      const row = await services.db.selectFrom('versions').select(['number', 'document']).where('diagram_id', '=', params.diagramId).where('id', '=', params.versionId).executeTakeFirst();
      if (!row) throw notFound('Version');
      const target = parseDocumentOrThrow(row.document);
      const { document: current } = await services.live.current(params.diagramId);
      const changeSet = changeSetBetween(current, target, `restore:${row.number}`, `Restore version ${row.number}`);
      if (!changeSet) return { restored: row.number, changed: false };
      const result = await services.live.change(params.diagramId, changeSet, user);
      if (!result.ok) throw new Error(`restoring version ${row.number} produced an invalid change set: ${result.errors[0]?.message}`);
      await services.live.recordVersion(params.diagramId);
      return { restored: row.number, changed: true };
    },
  }),
];
