import type { z } from 'zod';
import type { Pattern } from './types';

/**
 * Declares a pattern (one file under patterns/<category>/ plus one line in that category's index.ts). The generic keeps
 * `apply`'s params typed by the pattern's own schema.
 *
 * @example
 * export default definePattern({ id: 'circuit-breaker', name: 'Circuit breaker', category: 'resilience', params: z.object({ … }), appliesTo, apply, preview, … });
 */
export const definePattern = <P extends z.ZodObject>(pattern: Pattern<P>): Pattern<P> => pattern;
