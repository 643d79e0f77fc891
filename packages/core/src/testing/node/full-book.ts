import { readFileSync } from 'node:fs';
import { createPriceBook, type PriceBook, type PriceRecord } from '../../pricing/price-book';

let book: PriceBook | undefined;

/**
 * The committed price book, read from packages/pricebook/data (tests only: core itself does no I/O and does not depend
 * on the pricebook package). For tests whose claims are about real bills: templates price on their cloud, patterns'
 * cost deltas.
 */
export function fullPriceBook(): PriceBook {
  if (book) return book;
  const records: PriceRecord[] = [];
  for (const name of ['aws', 'gcp', 'azure', 'llm']) {
    const file = JSON.parse(readFileSync(new URL(`../../../../pricebook/data/${name}.json`, import.meta.url), 'utf8')) as { records: PriceRecord[] };
    records.push(...file.records);
  }
  return (book = createPriceBook(records));
}
