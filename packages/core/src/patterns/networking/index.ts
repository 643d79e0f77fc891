import type { AnyPattern } from '../types';
import antiCorruptionLayer from './anti-corruption-layer';
import apiGateway from './api-gateway';
import backendForFrontend from './backend-for-frontend';
import blueGreenDeployment from './blue-green-deployment';
import canaryRelease from './canary-release';
import cdnEdgeCaching from './cdn-edge-caching';
import serviceMesh from './service-mesh';
import stranglerFig from './strangler-fig';

/** Networking patterns, in library order. Adding one = one file here + one line below. */
export const NETWORKING_PATTERNS: readonly AnyPattern[] = [
  apiGateway,
  backendForFrontend,
  serviceMesh,
  cdnEdgeCaching,
  stranglerFig,
  antiCorruptionLayer,
  blueGreenDeployment,
  canaryRelease,
];
