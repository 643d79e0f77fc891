import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export interface Storage {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for the startup log: a directory or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

// int8 (bigserial sequence numbers) and numeric come back as strings from node-postgres; keep them so on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** Opens PostgreSQL when a URL is given, else embedded PGlite in `dataDir` (created if missing). */
export async function openStorage(options: { databaseUrl?: string; dataDir: string }): Promise<Storage> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '***';
    return { db, engine: 'postgres', location: url.toString(), close: () => db.destroy() };
  }
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: dir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    location: dir,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** Applies the migrations not yet applied, each in its own transaction, under an advisory lock (several servers may start at once). */
export async function migrate(db: Kysely<Database>): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(7243019)`.execute(tx);
    await sql`create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
    const done = new Set((await tx.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      // one statement per query: PGlite (like node-postgres with parameters) runs a single statement at a time
      for (const statement of migration.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await sql.raw(statement).execute(tx);
      await tx.insertInto('schema_migrations').values({ id: migration.id, name: migration.name }).execute();
      applied.push(migration.id);
    }
  });
  return applied;
}

/** Whether every migration is applied (for /readyz). Throws when the database cannot be reached. */
export async function migrationsApplied(db: Kysely<Database>): Promise<boolean> {
  const rows = await db.selectFrom('schema_migrations').select('id').execute();
  const done = new Set(rows.map((r) => r.id));
  return MIGRATIONS.every((m) => done.has(m.id));
}
