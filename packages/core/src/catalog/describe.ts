import { z } from 'zod';
import { describeExpected, descriptionOf } from '../document/issues';
import type { ConfigSchema } from './types';

/** One config field as the CLI, the docs and the properties panel show it. */
export interface ConfigFieldInfo {
  name: string;
  /** "an integer between 1 and 1000", "one of "on-demand", "reserved-1y"…". */
  expected: string;
  description: string;
  default?: unknown;
  optional: boolean;
}

/** Lists a config schema's fields with their expected values, defaults and descriptions. */
export function describeConfigFields(schema: ConfigSchema): ConfigFieldInfo[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const defaults = z.object({ [name]: field }).safeParse({});
    const value = defaults.success ? (defaults.data as Record<string, unknown>)[name] : undefined;
    return {
      name,
      expected: describeExpected(field),
      description: descriptionOf(field) ?? '',
      ...(value !== undefined && { default: value }),
      optional: field.safeParse(undefined).success,
    };
  });
}
