import { z } from 'zod';
import { ROLES } from '../db/schema';

/** Shared request and response schemas (also what the OpenAPI spec shows). */
export const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, { error: 'must be an id' });
export const name = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
export const description = z.string().max(5000);
export const role = z.enum(ROLES);
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an e-mail address' }))
  .transform((e) => e.toLowerCase());

export const userOut = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const workspaceOut = z.object({ id: z.string(), name: z.string(), personal: z.boolean(), role, createdAt: z.string() });
export const memberOut = z.object({ userId: z.string(), email: z.string(), name: z.string(), role, since: z.string() });
export const projectOut = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const diagramOut = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
});

/** Pagination: `limit` items after `cursor` (an opaque string from the previous page's `nextCursor`). */
export const page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  // an offset today; a negative or out-of-range one was a database error (500), now it is a 400
  cursor: z.string().regex(/^\d{1,9}$/, { error: 'must be the nextCursor of a previous page' }).optional(),
});

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
