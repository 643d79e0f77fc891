import type { PriceBook } from '@backarch/core';

let book: Promise<PriceBook> | undefined;

/** The committed price book, loaded on first use (its data is a separate chunk of the bundle). */
export function loadBook(): Promise<PriceBook> {
  book ??= Promise.all([import('@backarch/core'), import('@backarch/pricebook')]).then(([core, pricebook]) => core.createPriceBook(pricebook.PRICE_RECORDS));
  return book;
}
