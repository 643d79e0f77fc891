import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { conflict } from '../http/errors';
import { route } from '../http/route';
import { RESTORE_DAYS } from './diagrams';
import { description, id, iso, name, projectOut } from './schemas';

export const projectJson = (p: Selectable<Database['projects']>) => ({
  id: p.id,
  workspaceId: p.workspace_id,
  name: p.name,
  description: p.description,
  createdAt: iso(p.created_at)!,
  updatedAt: iso(p.updated_at)!,
  createdBy: p.created_by,
  updatedBy: p.updated_by,
});

const projectParams = z.object({ projectId: id });

export const PROJECT_ROUTES = [
  route({
    method: 'GET',
    url: '/api/workspaces/:workspaceId/projects',
    summary: 'Projects of a workspace',
    tag: 'projects',
    access: 'user',
    role: 'viewer',
    params: z.object({ workspaceId: id }),
    response: z.object({ projects: z.array(projectOut) }),
    async handler({ user, params, services }) {
      await services.access.workspace(user.id, params.workspaceId, 'viewer');
      const rows = await services.db.selectFrom('projects').selectAll().where('workspace_id', '=', params.workspaceId).orderBy('name').execute();
      return { projects: rows.map(projectJson) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/workspaces/:workspaceId/projects',
    summary: 'Create a project',
    tag: 'projects',
    access: 'user',
    role: 'editor',
    status: 201,
    params: z.object({ workspaceId: id }),
    body: z.object({ name, description: description.optional() }).strict(),
    response: projectOut,
    async handler({ user, params, body, services }) {
      await services.access.workspace(user.id, params.workspaceId, 'editor');
      const row = await services.db
        .insertInto('projects')
        .values({ id: randomUUID(), workspace_id: params.workspaceId, name: body.name, description: body.description ?? '', created_by: user.id, updated_by: user.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      return projectJson(row);
    },
  }),
  route({
    method: 'GET',
    url: '/api/projects/:projectId',
    summary: 'One project',
    tag: 'projects',
    access: 'user',
    role: 'viewer',
    params: projectParams,
    response: projectOut,
    async handler({ user, params, services }) {
      const { project } = await services.access.project(user.id, params.projectId, 'viewer');
      return projectJson(project);
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/projects/:projectId',
    summary: 'Rename or describe a project',
    tag: 'projects',
    access: 'user',
    role: 'editor',
    params: projectParams,
    body: z.object({ name: name.optional(), description: description.optional() }).strict(),
    response: projectOut,
    async handler({ user, params, body, services }) {
      await services.access.project(user.id, params.projectId, 'editor');
      const row = await services.db
        .updateTable('projects')
        .set({ ...body, updated_at: new Date(), updated_by: user.id })
        .where('id', '=', params.projectId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return projectJson(row);
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/projects/:projectId',
    summary: `Delete an empty project: no diagrams, and no deleted ones that can still be restored (${RESTORE_DAYS} days)`,
    tag: 'projects',
    access: 'user',
    role: 'owner',
    status: 204,
    params: projectParams,
    async handler({ user, params, services }) {
      await services.access.project(user.id, params.projectId, 'owner');
      const live = await services.db.selectFrom('diagrams').select('id').where('project_id', '=', params.projectId).where('deleted_at', 'is', null).limit(1).execute();
      if (live.length > 0) throw conflict('The project still has diagrams: move or delete them first.');
      // deleting the project would cascade to its deleted diagrams too, which can still be restored for RESTORE_DAYS
      const restorable = await services.db
        .selectFrom('diagrams')
        .select('id')
        .where('project_id', '=', params.projectId)
        .where('deleted_at', '>', new Date(Date.now() - RESTORE_DAYS * 86400_000))
        .limit(1)
        .execute();
      if (restorable.length > 0) {
        throw conflict(`The project has deleted diagrams that can still be restored (for ${RESTORE_DAYS} days after deletion): restore and move them to another project, or delete the project once they can no longer be restored.`);
      }
      await services.db.deleteFrom('projects').where('id', '=', params.projectId).execute();
      return undefined;
    },
  }),
];
