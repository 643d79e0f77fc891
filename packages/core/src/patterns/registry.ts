import { AI_PATTERNS } from './ai';
import { COST_PATTERNS } from './cost';
import { DATA_PATTERNS } from './data';
import { MESSAGING_PATTERNS } from './messaging';
import { NETWORKING_PATTERNS } from './networking';
import { OBSERVABILITY_PATTERNS } from './observability';
import { RESILIENCE_PATTERNS } from './resilience';
import { SCALABILITY_PATTERNS } from './scalability';
import { SECURITY_PATTERNS } from './security';
import { STATE_PATTERNS } from './state';
import type { AnyPattern } from './types';

/** Every pattern, by category in library order. Each category's index.ts lists its patterns. */
export const PATTERNS: readonly AnyPattern[] = [
  ...RESILIENCE_PATTERNS,
  ...SCALABILITY_PATTERNS,
  ...DATA_PATTERNS,
  ...STATE_PATTERNS,
  ...MESSAGING_PATTERNS,
  ...NETWORKING_PATTERNS,
  ...SECURITY_PATTERNS,
  ...OBSERVABILITY_PATTERNS,
  ...COST_PATTERNS,
  ...AI_PATTERNS,
];

const byId = new Map(PATTERNS.map((p) => [p.id, p]));

export function getPattern(id: string): AnyPattern | undefined {
  return byId.get(id);
}
