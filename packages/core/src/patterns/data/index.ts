import type { AnyPattern } from '../types';
import cacheAside from './cache-aside';
import changeDataCapture from './change-data-capture';
import cqrs from './cqrs';
import databaseSharding from './database-sharding';
import materializedView from './materialized-view';
import readReplicas from './read-replicas';
import writeBehindCache from './write-behind-cache';
import writeThroughCache from './write-through-cache';

/** Data patterns, in library order. Adding one = one file here + one line below. */
export const DATA_PATTERNS: readonly AnyPattern[] = [
  cacheAside,
  readReplicas,
  writeThroughCache,
  writeBehindCache,
  materializedView,
  changeDataCapture,
  cqrs,
  databaseSharding,
];
