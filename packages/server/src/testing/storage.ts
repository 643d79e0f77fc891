import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, type Storage } from '../db/database';
import { PGliteDialect } from '../db/pglite-dialect';
import type { Database } from '../db/schema';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const ENGINES: Engine[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

/**
 * A fresh, migrated database: PGlite in memory from the image global-setup made, or a new schema in the PostgreSQL
 * database of TEST_DATABASE_URL (dropped again on close), so test files never see each other's rows. With `schema`
 * (PostgreSQL only), a new connection pool on that existing schema instead, left in place on close: how several
 * server instances share one database (PGlite cannot be shared between instances).
 */
export async function testStorage(engine: Engine, options: { schema?: string } = {}): Promise<Storage> {
  if (options.schema) {
    if (engine !== 'postgres') throw new Error('only PostgreSQL can be shared between server instances; PGlite is one process’s');
    const url = process.env.TEST_DATABASE_URL!;
    const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${options.schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine, location: `${url} (schema ${options.schema}, shared)`, close: () => db.destroy() };
  }
  if (engine === 'pglite') {
    const image = readFileSync(inject('pgliteImage'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([image]) });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine,
      location: 'memory',
      async close() {
        await db.destroy();
        await pglite.close();
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = process.env.TEST_DATABASE_URL!;
  await adminQuery(`create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return {
    db,
    engine,
    location: `${url} (schema ${schema})`,
    async close() {
      await sql.raw(`drop schema ${schema} cascade`).execute(db);
      await db.destroy();
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A migrated PostgreSQL schema for several server instances to share (`testServer(…, { schema })`); drop it at the end. */
export async function sharedSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `shared_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const storage = await testStorage('postgres', { schema });
  try {
    await migrate(storage.db);
  } finally {
    await storage.close();
  }
  return { schema, drop: () => adminQuery(`drop schema if exists ${schema} cascade`) };
}
