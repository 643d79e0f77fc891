import type { AnyPattern } from '../types';
import claimCheck from './claim-check';
import publishSubscribeFanOut from './publish-subscribe-fan-out';

/** Messaging patterns, in library order. Adding one = one file here + one line below. */
export const MESSAGING_PATTERNS: readonly AnyPattern[] = [publishSubscribeFanOut, claimCheck];
