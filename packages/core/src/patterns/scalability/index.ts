import type { AnyPattern } from '../types';
import autoscalingWorkerPool from './autoscaling-worker-pool';
import competingConsumers from './competing-consumers';
import priorityQueue from './priority-queue';
import queueBasedLoadLeveling from './queue-based-load-leveling';

/** Scalability patterns, in library order. Adding one = one file here + one line below. */
export const SCALABILITY_PATTERNS: readonly AnyPattern[] = [competingConsumers, autoscalingWorkerPool, queueBasedLoadLeveling, priorityQueue];
