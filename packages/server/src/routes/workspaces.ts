import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Role } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { route } from '../http/route';
import type { Services } from '../services';
import { email, id, iso, memberOut, name, role, workspaceOut } from './schemas';

const workspaceParams = z.object({ workspaceId: id });
const memberParams = z.object({ workspaceId: id, userId: id });

/**
 * Runs a change to member `userId` (`staysOwner`: whether they are an owner after it) that must leave the workspace an
 * owner, in one transaction holding the workspace row, in which the caller's role (`needed`) is checked too. Two owners
 * demoting (or removing) each other at once are taken one after the other: the second sees the first's change and is
 * refused, instead of both passing the count and leaving no owner, or a demoted owner still acting as one. Returns the
 * member's role before the change.
 */
async function keepingAnOwner(
  services: Services,
  caller: { id: string; needed: Role },
  workspaceId: string,
  userId: string,
  staysOwner: boolean,
  change: (tx: Transaction<Database>) => Promise<unknown>,
): Promise<string> {
  return services.db.transaction().execute(async (tx) => {
    await tx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().executeTakeFirst();
    await services.access.workspace(caller.id, workspaceId, caller.needed, tx);
    const current = await tx.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    if (!current) throw notFound('Member');
    if (current.role === 'owner' && !staysOwner) {
      const owners = await tx.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').execute();
      if (owners.length === 1) throw conflict('A workspace needs at least one owner: make someone else owner first.');
    }
    await change(tx);
    return current.role;
  });
}

export const WORKSPACE_ROUTES = [
  route({
    method: 'GET',
    url: '/api/workspaces',
    summary: "The caller's workspaces, with the caller's role in each",
    tag: 'workspaces',
    access: 'user',
    response: z.object({ workspaces: z.array(workspaceOut) }),
    async handler({ user, services }) {
      const rows = await services.db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .select(['workspaces.id', 'workspaces.name', 'workspaces.personal', 'workspaces.created_at', 'memberships.role'])
        .where('memberships.user_id', '=', user.id)
        .orderBy('workspaces.personal', 'desc')
        .orderBy('workspaces.name')
        .execute();
      return { workspaces: rows.map((w) => ({ id: w.id, name: w.name, personal: w.personal, role: w.role, createdAt: iso(w.created_at) })) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/workspaces',
    summary: 'Create a team workspace; the caller becomes its owner',
    tag: 'workspaces',
    access: 'user',
    status: 201,
    body: z.object({ name }).strict(),
    response: workspaceOut,
    async handler({ user, body, services }) {
      const workspace = { id: randomUUID(), name: body.name, personal: false };
      await services.db.transaction().execute(async (tx) => {
        await tx.insertInto('workspaces').values(workspace).execute();
        await tx.insertInto('memberships').values({ workspace_id: workspace.id, user_id: user.id, role: 'owner' }).execute();
      });
      return { ...workspace, role: 'owner', createdAt: new Date().toISOString() };
    },
  }),
  route({
    method: 'GET',
    url: '/api/workspaces/:workspaceId',
    summary: 'One workspace',
    tag: 'workspaces',
    access: 'user',
    role: 'viewer',
    params: workspaceParams,
    response: workspaceOut,
    async handler({ user, params, services }) {
      const { workspace, role } = await services.access.workspace(user.id, params.workspaceId, 'viewer');
      return { id: workspace.id, name: workspace.name, personal: workspace.personal, role, createdAt: iso(workspace.created_at) };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/workspaces/:workspaceId',
    summary: 'Rename a workspace',
    tag: 'workspaces',
    access: 'user',
    role: 'owner',
    params: workspaceParams,
    body: z.object({ name }).strict(),
    response: workspaceOut,
    async handler({ user, params, body, services }) {
      const { workspace, role } = await services.access.workspace(user.id, params.workspaceId, 'owner');
      await services.db.updateTable('workspaces').set({ name: body.name }).where('id', '=', workspace.id).execute();
      return { id: workspace.id, name: body.name, personal: workspace.personal, role, createdAt: iso(workspace.created_at) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/workspaces/:workspaceId/members',
    summary: 'Members of a workspace and their roles',
    tag: 'workspaces',
    access: 'user',
    role: 'viewer',
    params: workspaceParams,
    response: z.object({ members: z.array(memberOut) }),
    async handler({ user, params, services }) {
      await services.access.workspace(user.id, params.workspaceId, 'viewer');
      const rows = await services.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
        .where('memberships.workspace_id', '=', params.workspaceId)
        .orderBy('memberships.created_at')
        .execute();
      return { members: rows.map((m) => ({ userId: m.id, email: m.email, name: m.name, role: m.role, since: iso(m.created_at) })) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/workspaces/:workspaceId/members',
    summary: 'Invite an existing user by e-mail with a role',
    tag: 'workspaces',
    access: 'user',
    role: 'owner',
    status: 201,
    params: workspaceParams,
    body: z.object({ email, role }).strict(),
    response: memberOut,
    async handler({ user, params, body, services }) {
      const { workspace } = await services.access.workspace(user.id, params.workspaceId, 'owner');
      if (workspace.personal) throw conflict('A personal workspace has one member; create a team workspace to invite people.');
      const invitee = await services.db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', body.email).executeTakeFirst();
      if (!invitee) throw notFound('No BackArch account with this e-mail; ask them to sign up first. The account');
      const existing = await services.db.selectFrom('memberships').select('role').where('workspace_id', '=', workspace.id).where('user_id', '=', invitee.id).executeTakeFirst();
      if (existing) throw conflict(`${invitee.email} is already a ${existing.role} of this workspace.`);
      await services.db.insertInto('memberships').values({ workspace_id: workspace.id, user_id: invitee.id, role: body.role }).execute();
      return { userId: invitee.id, email: invitee.email, name: invitee.name, role: body.role, since: new Date().toISOString() };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/workspaces/:workspaceId/members/:userId',
    summary: "Change a member's role",
    tag: 'workspaces',
    access: 'user',
    role: 'owner',
    status: 204,
    params: memberParams,
    body: z.object({ role }).strict(),
    async handler({ user, params, body, services }) {
      const before = await keepingAnOwner(
        services,
        { id: user.id, needed: 'owner' },
        params.workspaceId,
        params.userId,
        body.role === 'owner',
        (tx) => tx.updateTable('memberships').set({ role: body.role }).where('workspace_id', '=', params.workspaceId).where('user_id', '=', params.userId).execute(),
      );
      // their live connections were authenticated with the old role: they reconnect with the new one
      if (before !== body.role) services.live.disconnect({ userId: params.userId, workspaceId: params.workspaceId });
      return undefined;
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/workspaces/:workspaceId/members/:userId',
    summary: 'Remove a member (owners), or leave a workspace (yourself)',
    tag: 'workspaces',
    access: 'user',
    role: 'owner',
    status: 204,
    params: memberParams,
    async handler({ user, params, services }) {
      await keepingAnOwner(
        services,
        { id: user.id, needed: params.userId === user.id ? 'viewer' : 'owner' },
        params.workspaceId,
        params.userId,
        false,
        (tx) => tx.deleteFrom('memberships').where('workspace_id', '=', params.workspaceId).where('user_id', '=', params.userId).execute(),
      );
      services.live.disconnect({ userId: params.userId, workspaceId: params.workspaceId });
      return undefined;
    },
  }),
];
