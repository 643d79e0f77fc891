import { z } from 'zod';
import { componentFileSchema, componentIdSchema, connectionFileSchema, connectionIdSchema, constraintsSchema, positionSchema } from './schema';

/** Where a change set came from: shown in undo history and version labels. */
export const originSchema = z
  .string()
  .regex(/^(user|ai|(pattern|template|fix|restore):[A-Za-z0-9][A-Za-z0-9._:-]{0,99})$/, {
    error: 'must be "user", "ai", or "pattern:<id>", "template:<id>", "fix:<rule>", "restore:<version>"',
  })
  .describe('Who or what produced the change set.');

/** A config patch: each key is set to its value; `null` removes the key (back to the default). */
const configPatchSchema = z.record(z.string(), z.unknown()).describe('Config keys to set; null removes a key.');
const nullableText = (max: number) => z.string().max(max).nullable();

const constraintsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(constraintsSchema.shape).map(([key, schema]) => [key, schema.unwrap().nullable().optional()])) as {
      [K in keyof typeof constraintsSchema.shape]: z.ZodOptional<z.ZodNullable<(typeof constraintsSchema.shape)[K]['_zod']['def']['innerType']>>;
    },
  )
  .strict()
  .describe('Constraint keys to set; null removes a key.');

export const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('addComponent'), component: componentFileSchema }).strict(),
  z
    .object({
      op: z.literal('updateComponent'),
      id: componentIdSchema,
      type: z.string().min(1).optional(),
      label: nullableText(200).optional(),
      notes: nullableText(10000).optional(),
      config: configPatchSchema.optional(),
    })
    .strict(),
  z.object({ op: z.literal('removeComponent'), id: componentIdSchema }).strict(),
  z.object({ op: z.literal('addConnection'), connection: connectionFileSchema }).strict(),
  z
    .object({
      op: z.literal('updateConnection'),
      id: connectionIdSchema,
      type: z.string().min(1).optional(),
      label: nullableText(200).optional(),
      notes: nullableText(10000).optional(),
      config: configPatchSchema.optional(),
    })
    .strict(),
  z.object({ op: z.literal('removeConnection'), id: connectionIdSchema }).strict(),
  z.object({ op: z.literal('setConstraints'), constraints: constraintsPatchSchema }).strict(),
  z
    .object({
      op: z.literal('moveComponents'),
      positions: z.record(z.string(), positionSchema.nullable()).describe('New position per component id; null removes it.'),
    })
    .strict(),
]);

export const changeSetSchema = z
  .object({
    origin: originSchema,
    summary: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\n\r]*$/, { error: 'must be a single line' })
      .describe('One line saying what the change does, shown in history.'),
    ops: z.array(opSchema).min(1).max(100000),
  })
  .strict();

/** One edit of the document. */
export type Op = z.infer<typeof opSchema>;
export type OpKind = Op['op'];
/**
 * The only way to edit a document: an ordered list of ops with its origin and a one-line summary. The editor applies a
 * change set as one undo step and one version-history annotation.
 */
export type ChangeSet = z.infer<typeof changeSetSchema>;
export type Origin = ChangeSet['origin'];
