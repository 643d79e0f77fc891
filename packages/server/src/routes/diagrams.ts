import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getTemplate, parseDocument, parseDocumentOrThrow, serializeDocument, TEMPLATES, type ArchDocument } from '@backarch/core';
import type { AnnotationInput } from '@backarch/sync';
import type { Selectable } from 'kysely';
import { LiveDocuments } from '../collab/live';
import { bytea } from '../db/bytes';
import type { Database } from '../db/schema';
import { ApiError, badRequest, notFound } from '../http/errors';
import { route } from '../http/route';
import type { Services } from '../services';
import { description, diagramOut, id, iso, name, page, role } from './schemas';

/** Deleted diagrams can be restored for this long, then they are purged. */
export const RESTORE_DAYS = 30;

export const diagramJson = (d: Selectable<Database['diagrams']>) => ({
  id: d.id,
  projectId: d.project_id,
  name: d.name,
  description: d.description,
  createdAt: iso(d.created_at)!,
  updatedAt: iso(d.updated_at)!,
  createdBy: d.created_by,
  updatedBy: d.updated_by,
  deletedAt: iso(d.deleted_at),
});

const diagramParams = z.object({ diagramId: id });
const listQuery = page.extend({
  search: z.string().trim().max(200).optional(),
  deleted: z.enum(['true', 'false']).default('false').describe('true: list deleted diagrams that can still be restored.'),
});
const listOut = z.object({ diagrams: z.array(diagramOut), nextCursor: z.string().nullable() });

/** `%` and `_` in a search are literal characters, not wildcards. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function listDiagrams(services: Services, where: { projectId?: string; workspaceId?: string }, query: z.infer<typeof listQuery>) {
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
  let q = services.db.selectFrom('diagrams').innerJoin('projects', 'projects.id', 'diagrams.project_id').selectAll('diagrams');
  if (where.projectId) q = q.where('diagrams.project_id', '=', where.projectId);
  if (where.workspaceId) q = q.where('projects.workspace_id', '=', where.workspaceId);
  q =
    query.deleted === 'true'
      ? q.where('diagrams.deleted_at', 'is not', null).where('diagrams.deleted_at', '>', new Date(Date.now() - RESTORE_DAYS * 86400_000))
      : q.where('diagrams.deleted_at', 'is', null);
  if (query.search) {
    const pattern = likePattern(query.search);
    q = q.where((eb) => eb.or([eb('diagrams.name', 'ilike', pattern), eb('diagrams.description', 'ilike', pattern)]));
  }
  const rows = await q.orderBy('diagrams.updated_at', 'desc').orderBy('diagrams.id').offset(offset).limit(query.limit + 1).execute();
  return {
    diagrams: rows.slice(0, query.limit).map(diagramJson),
    nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
  };
}

/** What a new diagram starts from: nothing, a template, or an imported `.backarch.json`. */
const createBody = z
  .object({
    name: name.optional().describe('Defaults to the template or imported document name.'),
    description: description.optional(),
    template: z.string().max(100).optional().describe('Template id (GET /api/templates).'),
    document: z
      .union([z.string().max(8_000_000), z.record(z.string(), z.unknown())])
      .optional()
      .describe('A .backarch.json document to import, as JSON or as its text.'),
  })
  .strict()
  .refine((b) => !(b.template && b.document), { error: 'give either template or document, not both' });

function startingPoint(body: z.infer<typeof createBody>): { document: ArchDocument; annotation: AnnotationInput } {
  if (body.template) {
    const template = getTemplate(body.template);
    if (!template) throw badRequest(`No template "${body.template}". Templates: ${TEMPLATES.map((t) => t.id).join(', ')}.`, [{ path: 'body.template', message: 'unknown template' }]);
    return { document: parseDocumentOrThrow(template.document), annotation: { origin: `template:${template.id}`, summary: `Start from the ${template.name} template` } };
  }
  if (body.document !== undefined) {
    const parsed = parseDocument(body.document);
    if (!parsed.ok) {
      const details = parsed.errors.map((e) => ({ path: `body.document${e.path ? (e.path.startsWith('[') ? e.path : `.${e.path}`) : ''}`, message: e.message }));
      throw new ApiError(400, 'invalid_document', `The document has ${details.length} error${details.length === 1 ? '' : 's'}; the first: ${details[0]!.path}: ${details[0]!.message}`, details);
    }
    return { document: parsed.document, annotation: { origin: 'user', summary: `Import ${parsed.document.name}` } };
  }
  const blank: ArchDocument = { backarch: 1, name: body.name ?? 'Untitled diagram', constraints: {}, components: [], connections: [] };
  return { document: blank, annotation: { origin: 'user', summary: 'Create a blank diagram' } };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'diagram';

export const DIAGRAM_ROUTES = [
  route({
    method: 'GET',
    url: '/api/templates',
    summary: 'Templates a diagram can start from',
    tag: 'diagrams',
    access: 'user',
    response: z.object({ templates: z.array(z.object({ id: z.string(), name: z.string(), whenToUse: z.string() })) }),
    async handler() {
      return { templates: TEMPLATES.map((t) => ({ id: t.id, name: t.name, whenToUse: t.whenToUse })) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/projects/:projectId/diagrams',
    summary: 'Diagrams of a project, newest change first, with search',
    tag: 'diagrams',
    access: 'user',
    role: 'viewer',
    params: z.object({ projectId: id }),
    query: listQuery,
    response: listOut,
    async handler({ user, params, query, services }) {
      await services.access.project(user.id, params.projectId, 'viewer');
      return listDiagrams(services, { projectId: params.projectId }, query);
    },
  }),
  route({
    method: 'GET',
    url: '/api/workspaces/:workspaceId/diagrams',
    summary: 'Diagrams of every project of a workspace, with search',
    tag: 'diagrams',
    access: 'user',
    role: 'viewer',
    params: z.object({ workspaceId: id }),
    query: listQuery,
    response: listOut,
    async handler({ user, params, query, services }) {
      await services.access.workspace(user.id, params.workspaceId, 'viewer');
      return listDiagrams(services, { workspaceId: params.workspaceId }, query);
    },
  }),
  route({
    method: 'POST',
    url: '/api/projects/:projectId/diagrams',
    summary: 'Create a diagram: blank, from a template, or by importing a .backarch.json document',
    tag: 'diagrams',
    access: 'user',
    role: 'editor',
    status: 201,
    params: z.object({ projectId: id }),
    body: createBody,
    response: diagramOut,
    async handler({ user, params, body, services }) {
      await services.access.project(user.id, params.projectId, 'editor');
      const { document, annotation } = startingPoint(body);
      const state = LiveDocuments.initialState(document, { ...annotation, by: user.id });
      const diagramId = randomUUID();
      const row = await services.db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto('diagrams')
          .values({ id: diagramId, project_id: params.projectId, name: body.name ?? document.name, description: body.description ?? document.description ?? '', created_by: user.id, updated_by: user.id })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx.insertInto('diagram_snapshots').values({ diagram_id: diagramId, data: bytea(state), upto_seq: 0 }).execute();
        return inserted;
      });
      await services.live.recordVersion(diagramId, user.id);
      return diagramJson(row);
    },
  }),
  route({
    method: 'GET',
    url: '/api/diagrams/:diagramId',
    summary: 'A diagram with its current document and the caller role',
    tag: 'diagrams',
    access: 'user',
    role: 'viewer',
    params: diagramParams,
    response: diagramOut.extend({ role, document: z.unknown(), issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
    async handler({ user, params, services }) {
      const { diagram, role: callerRole } = await services.access.diagram(user.id, params.diagramId, 'viewer');
      const { document, issues } = await services.live.current(diagram.id);
      return { ...diagramJson(diagram), role: callerRole, document, issues: issues.map((i) => ({ path: i.path, message: i.message })) };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/diagrams/:diagramId',
    summary: 'Rename, describe, or move a diagram to another project',
    tag: 'diagrams',
    access: 'user',
    role: 'editor',
    params: diagramParams,
    body: z.object({ name: name.optional(), description: description.optional(), projectId: id.optional() }).strict(),
    response: diagramOut,
    async handler({ user, params, body, services }) {
      const { diagram } = await services.access.diagram(user.id, params.diagramId, 'editor');
      // moving needs edit rights where the diagram goes, too
      const target = body.projectId ? (await services.access.project(user.id, body.projectId, 'editor')).project : undefined;
      const row = await services.db
        .updateTable('diagrams')
        .set({ ...(body.name && { name: body.name }), ...(body.description !== undefined && { description: body.description }), ...(body.projectId && { project_id: body.projectId }), updated_at: new Date(), updated_by: user.id })
        .where('id', '=', params.diagramId)
        .returningAll()
        .executeTakeFirstOrThrow();
      // in another workspace, other people have access: everyone connected reconnects with their role there (or not)
      if (target && target.workspace_id !== diagram.workspace_id) services.live.disconnect({ diagramId: diagram.id });
      return diagramJson(row);
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/diagrams/:diagramId',
    summary: `Delete a diagram (restorable for ${RESTORE_DAYS} days)`,
    tag: 'diagrams',
    access: 'user',
    role: 'editor',
    status: 204,
    params: diagramParams,
    async handler({ user, params, services }) {
      await services.access.diagram(user.id, params.diagramId, 'editor');
      await services.db.updateTable('diagrams').set({ deleted_at: new Date(), updated_by: user.id }).where('id', '=', params.diagramId).execute();
      services.live.disconnect({ diagramId: params.diagramId });
      return undefined;
    },
  }),
  route({
    method: 'POST',
    url: '/api/diagrams/:diagramId/restore',
    summary: `Restore a deleted diagram (within ${RESTORE_DAYS} days)`,
    tag: 'diagrams',
    access: 'user',
    role: 'editor',
    params: diagramParams,
    response: diagramOut,
    async handler({ user, params, services }) {
      const { diagram } = await services.access.diagram(user.id, params.diagramId, 'editor', { deleted: true });
      if (new Date(diagram.deleted_at!).getTime() < Date.now() - RESTORE_DAYS * 86400_000) throw notFound('Diagram');
      const row = await services.db.updateTable('diagrams').set({ deleted_at: null, updated_at: new Date(), updated_by: user.id }).where('id', '=', diagram.id).returningAll().executeTakeFirstOrThrow();
      return diagramJson(row);
    },
  }),
  route({
    method: 'GET',
    url: '/api/diagrams/:diagramId/export',
    summary: 'The diagram as a .backarch.json file',
    tag: 'diagrams',
    access: 'user',
    role: 'viewer',
    params: diagramParams,
    async handler({ user, params, services, reply }) {
      const { diagram } = await services.access.diagram(user.id, params.diagramId, 'viewer');
      const { document } = await services.live.current(diagram.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${slug(diagram.name)}.backarch.json"`)
        .send(serializeDocument({ ...document, name: diagram.name }));
    },
  }),
  route({
    method: 'POST',
    url: '/api/diagrams/:diagramId/changes',
    summary: 'Apply a change set to the live diagram (all or nothing; everyone connected sees it)',
    tag: 'diagrams',
    access: 'user',
    role: 'editor',
    params: diagramParams,
    body: z.object({ changeSet: z.unknown() }).strict(),
    response: z.object({ applied: z.literal(true) }),
    async handler({ user, params, body, services }) {
      await services.access.diagram(user.id, params.diagramId, 'editor');
      const origin = (body.changeSet as { origin?: unknown } | null)?.origin;
      if (typeof origin === 'string' && origin.startsWith('restore:')) {
        throw badRequest('Restores go through POST /api/diagrams/:diagramId/versions/:versionId/restore.', [{ path: 'body.changeSet.origin', message: 'restore: origins are reserved' }]);
      }
      const result = await services.live.change(params.diagramId, body.changeSet as never, user);
      if (!result.ok) {
        const details = result.errors.map((e) => ({ path: `body.changeSet.${e.path}`, message: e.message }));
        throw new ApiError(400, 'invalid_change_set', `${details[0]!.path}: ${details[0]!.message}`, details);
      }
      return { applied: true };
    },
  }),
];
