import type { ArchDocument } from '../document/schema';
import { traffic } from '../traffic/traffic';
import { decimal, mul, sub, toText } from './decimal';
import { documentCloud, price } from './engine';
import type { PriceBook } from './price-book';
import { PRICED_CLOUDS, type PricedCloud } from './regions';
import type { UnpricedItem } from './types';

export interface CloudOption {
  cloud: PricedCloud;
  region: string;
  totalMonthlyUsd: string;
  /** Versus the document's own cloud; negative is cheaper. Exact decimal strings. */
  deltaMonthlyUsd: string;
  deltaYearlyUsd: string;
  /** Some line has no price on this cloud: the total is a lower bound. */
  incomplete: boolean;
  hasEstimates: boolean;
  components: Array<{ id: string; label: string; type: string; product: string; sku?: string; monthlyUsd: string | null; mapping?: string }>;
  unpriced: UnpricedItem[];
}

export interface CloudComparison {
  current: PricedCloud;
  clouds: CloudOption[];
}

/**
 * Prices the design on AWS, GCP and Azure. Each component is mapped to its nearest equivalent there (same class, same
 * engine, nearest vCPU/memory) and every mapping is shown; components with no equivalent are listed as unpriced, never
 * dropped. Traffic is computed once and shared.
 */
export function compareClouds(doc: ArchDocument, book: PriceBook): CloudComparison {
  const current = documentCloud(doc);
  const shared = traffic(doc);
  const results = PRICED_CLOUDS.map((cloud) => price(doc, book, { cloud, traffic: shared }));
  const baseline = decimal(results[PRICED_CLOUDS.indexOf(current)]!.totalMonthlyUsd);
  return {
    current,
    clouds: results.map((result, k) => {
      const delta = sub(decimal(result.totalMonthlyUsd), baseline);
      return {
        cloud: PRICED_CLOUDS[k]!,
        region: result.region,
        totalMonthlyUsd: result.totalMonthlyUsd,
        deltaMonthlyUsd: toText(delta),
        deltaYearlyUsd: toText(mul(delta, decimal(12))),
        incomplete: result.incomplete,
        hasEstimates: result.hasEstimates,
        components: result.components
          .filter((c) => !c.free)
          .map((c) => ({
            id: c.id,
            label: c.label,
            type: c.type,
            product: c.product,
            ...(c.sku !== undefined && { sku: c.sku }),
            monthlyUsd: c.monthlyUsd,
            ...(c.mapping !== undefined && { mapping: c.mapping }),
          })),
        unpriced: result.unpriced,
      };
    }),
  };
}

