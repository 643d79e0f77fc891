import type { HealthRule } from './types';

/**
 * Declares a health rule (one file under rules/ plus one registry line).
 *
 * @example
 * export default defineRule({ id: 'dead-letter-queue', name: 'Dead-letter queues', category: 'resilience', severity: 'high', description: '…', check: (ctx) => [...] });
 */
export const defineRule = (rule: HealthRule): HealthRule => rule;
