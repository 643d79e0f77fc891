import { parseDocumentOrThrow } from '../document/parse';
import { price } from '../pricing/engine';
import { createPriceBook, type PriceRecord } from '../pricing/price-book';
import type { PricedCloud } from '../pricing/regions';
import type { CostLine, PricedComponent } from '../pricing/types';

export type Bill = PricedComponent & { line: (name: string) => CostLine };

/**
 * A helper for pricer tests: prices a small document against a slice of real records (optionally on another cloud, as
 * in a comparison) and returns one component's bill, with `line(name)` to pick a cost line by name.
 */
export function billFrom(records: readonly PriceRecord[], defaultConstraints: object) {
  const book = createPriceBook(records);
  return (id: string, components: object[], connections: object[] = [], constraints: object = defaultConstraints, cloud?: PricedCloud): Bill => {
    const doc = parseDocumentOrThrow({ backarch: 1, name: 'bill', constraints, components, connections });
    const component = price(doc, book, cloud ? { cloud } : {}).components.find((c) => c.id === id);
    if (!component) throw new Error(`no component ${id}`);
    const line = (name: string) => {
      const found = component.costComponents.find((l) => l.name === name);
      if (!found) throw new Error(`no line "${name}" in ${component.costComponents.map((l) => l.name).join(' | ')}`);
      return found;
    };
    return { ...component, line };
  };
}
