/**
 * The schema, as numbered SQL migrations that run unchanged on PostgreSQL and on embedded PGlite. Append only: a
 * released migration is never edited, a change is a new entry.
 */
export const MIGRATIONS: ReadonlyArray<{ id: number; name: string; sql: string }> = [
  {
    id: 1,
    name: 'accounts, workspaces, projects, diagrams, live documents, versions',
    sql: `
create table users (
  id text primary key,
  email text not null unique,
  name text not null,
  password_hash text not null,
  created_at timestamptz not null default now()
);

create table sessions (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions(user_id);

create table workspaces (
  id text primary key,
  name text not null,
  personal boolean not null default false,
  created_at timestamptz not null default now()
);

create table memberships (
  workspace_id text not null references workspaces(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  role text not null check (role in ('owner', 'editor', 'commenter', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user on memberships(user_id);

create table projects (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by text references users(id) on delete set null,
  updated_by text references users(id) on delete set null
);
create index projects_workspace on projects(workspace_id);

create table diagrams (
  id text primary key,
  project_id text not null references projects(id) on delete cascade,
  name text not null,
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by text references users(id) on delete set null,
  updated_by text references users(id) on delete set null,
  deleted_at timestamptz
);
create index diagrams_project on diagrams(project_id);

-- Every acknowledged Yjs update, appended before the client is told it is saved.
create table diagram_updates (
  seq bigserial primary key,
  diagram_id text not null references diagrams(id) on delete cascade,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index diagram_updates_diagram on diagram_updates(diagram_id, seq);

-- The update log folded into one update, up to and including upto_seq.
create table diagram_snapshots (
  diagram_id text primary key references diagrams(id) on delete cascade,
  data bytea not null,
  upto_seq bigint not null,
  updated_at timestamptz not null default now()
);

create table versions (
  id text primary key,
  diagram_id text not null references diagrams(id) on delete cascade,
  number integer not null,
  -- JSON as text: jsonb refuses the escaped NUL character a label may carry, and text keeps the canonical key order
  document text not null,
  authors text not null,
  changes text not null,
  components_before integer not null,
  components_after integer not null,
  connections_before integer not null,
  connections_after integer not null,
  state_vector bytea not null,
  created_at timestamptz not null default now(),
  unique (diagram_id, number)
);
`,
  },
];
