import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { ROLES } from '../db/schema';
import { forbidden, notFound } from '../http/errors';

/** True when `role` is at least `needed` (viewer < commenter < editor < owner). */
export const atLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** What each role may do, for error messages. */
const WHAT: Record<Role, string> = { viewer: 'view', commenter: 'comment on', editor: 'edit', owner: 'administer' };

/**
 * Resolves a resource to its workspace and checks the caller's role there. Someone who is not a member gets 404, as if
 * the resource did not exist (ids are not secrets, but existence should not leak either); a member whose role is too
 * low gets 403 naming the role needed.
 */
export class Access {
  constructor(private readonly db: Kysely<Database>) {}

  async roleIn(userId: string, workspaceId: string): Promise<Role | undefined> {
    const row = await this.db.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row?.role;
  }

  private check(role: Role | undefined, needed: Role, what: string): Role {
    if (!role) throw notFound(what);
    if (!atLeast(role, needed)) throw forbidden(`You are a ${role} here; only ${ROLES.slice(ROLES.indexOf(needed)).join(' or ')}s may ${WHAT[needed]} this ${what.split(' ')[0]!.toLowerCase()}.`);
    return role;
  }

  /** `db`: a transaction to check inside (one that holds the workspace row, so the role cannot change meanwhile). */
  async workspace(userId: string, workspaceId: string, needed: Role, db: Kysely<Database> = this.db) {
    const row = await db
      .selectFrom('workspaces')
      .leftJoin('memberships', (j) => j.onRef('memberships.workspace_id', '=', 'workspaces.id').on('memberships.user_id', '=', userId))
      .select(['workspaces.id', 'workspaces.name', 'workspaces.personal', 'workspaces.created_at', 'memberships.role'])
      .where('workspaces.id', '=', workspaceId)
      .executeTakeFirst();
    const role = this.check(row?.role ?? undefined, needed, 'Workspace');
    return { workspace: row!, role };
  }

  async project(userId: string, projectId: string, needed: Role) {
    const row = await this.db
      .selectFrom('projects')
      .leftJoin('memberships', (j) => j.onRef('memberships.workspace_id', '=', 'projects.workspace_id').on('memberships.user_id', '=', userId))
      .selectAll('projects')
      .select('memberships.role')
      .where('projects.id', '=', projectId)
      .executeTakeFirst();
    const role = this.check(row?.role ?? undefined, needed, 'Project');
    return { project: row!, role };
  }

  /** A diagram (not deleted, unless `deleted` is asked for) with its project's workspace and the caller's role. */
  async diagram(userId: string, diagramId: string, needed: Role, options: { deleted?: boolean } = {}) {
    const row = await this.db
      .selectFrom('diagrams')
      .innerJoin('projects', 'projects.id', 'diagrams.project_id')
      .leftJoin('memberships', (j) => j.onRef('memberships.workspace_id', '=', 'projects.workspace_id').on('memberships.user_id', '=', userId))
      .selectAll('diagrams')
      .select(['projects.workspace_id', 'memberships.role'])
      .where('diagrams.id', '=', diagramId)
      .executeTakeFirst();
    const visible = row && (options.deleted ? row.deleted_at !== null : row.deleted_at === null);
    const role = this.check(visible ? (row.role ?? undefined) : undefined, needed, 'Diagram');
    return { diagram: row!, role };
  }
}
