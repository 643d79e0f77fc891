import type { Pricer } from '../../types';

/** Google Cloud resource pricers. Adding one = one file in this folder + one line here. */
export const GCP_PRICERS: readonly Pricer[] = [];
