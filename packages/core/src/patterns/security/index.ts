import type { AnyPattern } from '../types';
import encryptionAtRest from './encryption-at-rest';
import oidcAtTheEdge from './oidc-at-the-edge';
import secretsManager from './secrets-manager';
import zeroTrustMtls from './zero-trust-mtls';

/** Security patterns, in library order. Adding one = one file here + one line below. */
export const SECURITY_PATTERNS: readonly AnyPattern[] = [oidcAtTheEdge, zeroTrustMtls, secretsManager, encryptionAtRest];
