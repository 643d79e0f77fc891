import type { ComponentDef } from '../../catalog/types';
import type { Pricer } from '../types';
import { AWS_PRICERS } from './aws';
import { AZURE_PRICERS } from './azure';
import { GCP_PRICERS } from './gcp';
import { SAAS_PRICERS } from './saas';
import { SELF_HOSTED_PRICERS } from './self-hosted';

/**
 * Every resource pricer: one file per product family, listed in its cloud's `index.ts`. The first match wins, so
 * type-specific pricers (with `types`) come before the general ones of the same cloud and class.
 */
export const PRICERS: readonly Pricer[] = [...AWS_PRICERS, ...GCP_PRICERS, ...AZURE_PRICERS, ...SAAS_PRICERS, ...SELF_HOSTED_PRICERS];

const candidatesByType = new Map<string, readonly Pricer[]>();

/** The pricer for a component on a cloud (or SaaS vendor), if any: a type-specific one before a general one. */
export function findPricer(cloud: string, def: ComponentDef, config: Record<string, unknown> = {}): Pricer | undefined {
  const key = `${cloud}|${def.id}`;
  let candidates = candidatesByType.get(key);
  if (!candidates) {
    const matching = PRICERS.filter((p) => p.cloud === cloud && p.equivalence.includes(def.equivalence) && (!p.types || p.types.includes(def.id)));
    // type-specific pricers first
    candidatesByType.set(key, (candidates = [...matching.filter((p) => p.types), ...matching.filter((p) => !p.types)]));
  }
  return candidates.find((p) => p.when?.(config) ?? true);
}
