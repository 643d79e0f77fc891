import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables in migrations.ts, for Kysely. */
export interface Database {
  schema_migrations: { id: number; name: string; applied_at: Generated<Date> };
  users: { id: string; email: string; name: string; password_hash: string; created_at: Generated<Date> };
  sessions: { id: string; user_id: string; csrf_token: string; created_at: Generated<Date>; expires_at: Date };
  workspaces: { id: string; name: string; personal: Generated<boolean>; created_at: Generated<Date> };
  memberships: { workspace_id: string; user_id: string; role: Role; created_at: Generated<Date> };
  projects: {
    id: string;
    workspace_id: string;
    name: string;
    description: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    created_by: string | null;
    updated_by: string | null;
  };
  diagrams: {
    id: string;
    project_id: string;
    name: string;
    description: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    created_by: string | null;
    updated_by: string | null;
    deleted_at: Date | null;
  };
  diagram_updates: { seq: Generated<string>; diagram_id: string; data: Uint8Array; created_at: Generated<Date> };
  diagram_snapshots: { diagram_id: string; data: Uint8Array; upto_seq: ColumnType<string, string | number, string | number>; updated_at: Generated<Date> };
  versions: {
    id: string;
    diagram_id: string;
    number: number;
    /** JSON text (see the migration). */
    document: string;
    authors: string;
    changes: string;
    components_before: number;
    components_after: number;
    connections_before: number;
    connections_after: number;
    state_vector: Uint8Array;
    created_at: Generated<Date>;
  };
}

export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];
