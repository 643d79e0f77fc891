import type { Pricer } from '../../types';

/** Azure resource pricers. Adding one = one file in this folder + one line here. */
export const AZURE_PRICERS: readonly Pricer[] = [];
