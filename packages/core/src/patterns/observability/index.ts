import type { AnyPattern } from '../types';
import centralizedLogging from './centralized-logging';
import distributedTracing from './distributed-tracing';
import metricsAndAlerting from './metrics-and-alerting';
import otelCollectorSidecar from './otel-collector-sidecar';

/** Observability patterns, in library order. Adding one = one file here + one line below. */
export const OBSERVABILITY_PATTERNS: readonly AnyPattern[] = [metricsAndAlerting, centralizedLogging, distributedTracing, otelCollectorSidecar];
