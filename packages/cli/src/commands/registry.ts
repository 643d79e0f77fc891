import catalog from './catalog';
import check from './check';
import newCommand from './new';
import patterns from './patterns';
import price from './price';
import prices from './prices';
import pricebook from './pricebook';
import templates from './templates';
import validate from './validate';
import type { Command } from '../command';

/** Every CLI command, in the order help lists them. Adding one = one file + one line here. */
export const COMMANDS: readonly Command[] = [validate, check, catalog, price, prices, pricebook, patterns, templates, newCommand];
