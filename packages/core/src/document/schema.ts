import { z } from 'zod';

/** The current `.backarch.json` format version. */
export const FORMAT_VERSION = 1;

const text = (max: number, what: string) => z.string().max(max).describe(what);

export const componentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    error: 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  .describe('Unique id of the component within the document, e.g. "orders-db".');

export const connectionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:>-]{0,159}$/, {
    error: 'must be 1–160 letters, digits, ".", "_", ":", ">" or "-", starting with a letter or digit',
  })
  .describe('Unique id of the connection; when absent it is "<from>-><to>:<type>".');

export const positionSchema = z
  .object({ x: z.number().describe('Canvas x, in pixels.'), y: z.number().describe('Canvas y, in pixels.') })
  .strict()
  .describe('Where the component sits on the canvas; laid out automatically when absent.');

export const COMPLIANCE = ['soc2', 'hipaa', 'gdpr', 'pci'] as const;
export const CLOUDS = ['aws', 'gcp', 'azure', 'multi'] as const;

export const constraintsSchema = z
  .object({
    cloud: z.enum(CLOUDS).optional().describe('Target cloud; "multi" allows components of several clouds.'),
    region: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: 'must be a region id such as "us-east-1", "europe-west1" or "westeurope"' })
      .max(40)
      .optional()
      .describe('Default region of the components.'),
    budgetUsdPerMonth: z
      .object({
        min: z.number().min(0).optional().describe('Lowest expected monthly spend in USD.'),
        max: z.number().min(0).optional().describe('Monthly budget ceiling in USD.'),
      })
      .strict()
      .refine((b) => b.min !== undefined || b.max !== undefined, { error: 'budgetUsdPerMonth needs min, max or both' })
      .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, { error: 'budgetUsdPerMonth.min must not exceed max' })
      .optional()
      .describe('Monthly budget in USD.'),
    traffic: z
      .object({
        peakRps: z.number().min(0).optional().describe('Peak requests per second entering at the clients.'),
        monthlyActiveUsers: z.number().int().min(0).optional().describe('Monthly active users, converted to a peak rate when peakRps is absent.'),
        peakToAverageRatio: z.number().min(1).max(100).optional().describe('Peak rate divided by the average rate (default 3).'),
        requestsPerUserPerMonth: z
          .number()
          .min(0)
          .optional()
          .describe('Requests each monthly active user makes per month, to convert monthlyActiveUsers (default 500).'),
      })
      .strict()
      .optional()
      .describe('Expected load.'),
    compliance: z
      .array(z.enum(COMPLIANCE))
      .refine((list) => new Set(list).size === list.length, { error: 'compliance lists a regime twice' })
      .optional()
      .describe('Compliance regimes the system must meet.'),
    teamSize: z.number().int().min(1).max(10000).optional().describe('Engineers who build and operate the system.'),
  })
  .strict();

export const componentFileSchema = z
  .object({
    id: componentIdSchema,
    type: z.string().min(1).describe('Catalog component type, e.g. "aws.sqs".'),
    label: text(200, 'Name shown on the canvas.').optional(),
    notes: text(10000, 'Free-form notes (untrusted text).').optional(),
    position: positionSchema.optional(),
    config: z.record(z.string(), z.unknown()).optional().describe("Type-specific settings; see the component type's config fields."),
  })
  .strict();

export const connectionFileSchema = z
  .object({
    id: connectionIdSchema.optional(),
    from: componentIdSchema.describe('Id of the component that sends the request or message.'),
    to: componentIdSchema.describe('Id of the component that receives it.'),
    type: z.string().min(1).describe('Connection type, e.g. "http", "publish".'),
    label: text(200, 'Text shown on the edge.').optional(),
    notes: text(10000, 'Free-form notes (untrusted text).').optional(),
    config: z.record(z.string(), z.unknown()).optional().describe("Settings; see the connection type's config fields."),
  })
  .strict();

export const documentFileSchema = z
  .object({
    backarch: z.literal(FORMAT_VERSION),
    name: z.string().min(1).max(200).describe('Name of the architecture.'),
    description: text(5000, 'What the system does.').optional(),
    constraints: constraintsSchema.optional(),
    components: z.array(componentFileSchema).max(100000).optional(),
    connections: z.array(connectionFileSchema).max(500000).optional(),
  })
  .strict();

export type Constraints = z.infer<typeof constraintsSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Compliance = (typeof COMPLIANCE)[number];
export type Cloud = (typeof CLOUDS)[number];

/** A component of the architecture: an instance of a catalog type with its own id, label and config. */
export interface Component {
  id: string;
  type: string;
  label?: string;
  notes?: string;
  position?: Position;
  /** As written in the file (defaults not filled in); see `resolveConfig` for the effective values. */
  config?: Record<string, unknown>;
}

/** A typed connection; `id` is always set in memory (derived when the file omits it). */
export interface Connection {
  id: string;
  from: string;
  to: string;
  type: string;
  label?: string;
  notes?: string;
  config?: Record<string, unknown>;
}

/** The architecture document: the in-memory form of a `.backarch.json` file. Treat it as immutable. */
export interface ArchDocument {
  backarch: typeof FORMAT_VERSION;
  name: string;
  description?: string;
  constraints: Constraints;
  components: Component[];
  connections: Connection[];
}

/** The id a connection gets when its file entry has none. */
export function defaultConnectionId(c: { from: string; to: string; type: string }): string {
  return `${c.from}->${c.to}:${c.type}`;
}

/**
 * The connection with its id filled in. Object.assign, not `{ ...c, id }`: V8 gives every object spread from a
 * parsed JSON object a hidden class of its own, which turns every later read of a connection's fields into a slow
 * lookup (measured: 2,826 shapes for 2,834 connections, and analyses of a loaded design 2–4× slower).
 */
export function withConnectionId<C extends { id?: string; from: string; to: string; type: string }>(c: C): C & { id: string } {
  return Object.assign({}, c, { id: c.id ?? defaultConnectionId(c) });
}
