import { z } from 'zod';
import { baseConfigShape } from './fields';
import type { Category, ComponentDef, ConfigSchema, ConnectionDef, EquivalenceClass, Role, Vendor } from './types';

export interface ComponentInput<Id extends string> {
  id: Id;
  name: string;
  description: string;
  category: Category;
  vendor: Vendor;
  roles: readonly Role[];
  equivalence: EquivalenceClass;
  /** Type-specific config fields; the common fields (`region`, `usage`, `health`) are added for you. */
  config?: z.ZodRawShape;
  accepts?: ComponentDef['accepts'];
  capacity?: ComponentDef['capacity'];
}

/**
 * Declares a component type. The config schema gets the common fields and becomes strict, so a misspelt key is
 * an error rather than a silently ignored value.
 *
 * @example
 * export default defineComponent({
 *   id: 'aws.sqs', name: 'Amazon SQS', description: '…', category: 'messaging', vendor: 'aws',
 *   roles: ['queue', 'ha-managed'], equivalence: 'queue', config: { deadLetter: fields.deadLetter },
 * });
 */
export function defineComponent<const Id extends string>(input: ComponentInput<Id>): ComponentDef<Id> {
  const { config, ...rest } = input;
  return { ...rest, config: z.object({ ...baseConfigShape, ...config }).strict() };
}

export interface ConnectionInput<Id extends string> extends Omit<ConnectionDef<Id>, 'config'> {
  config: z.ZodRawShape;
}

/** Declares a connection type; its config schema becomes strict. */
export function defineConnection<const Id extends string>(input: ConnectionInput<Id>): ConnectionDef<Id> {
  return { ...input, config: z.object(input.config).strict() as ConfigSchema };
}
