import catalog from './catalog';
import check from './check';
import price from './price';
import prices from './prices';
import pricebook from './pricebook';
import validate from './validate';
import type { Command } from '../command';

/** Every CLI command, in the order help lists them. Adding one = one file + one line here. */
export const COMMANDS: readonly Command[] = [validate, check, catalog, price, prices, pricebook];
