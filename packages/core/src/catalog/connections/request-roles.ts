import type { Role } from '../types';

/** Who may call whom with a synchronous request (http, grpc, graphql, websocket). */
export const REQUEST_CALLERS: readonly Role[] = ['entrypoint', 'edge', 'service', 'serverless', 'auth-provider'];
export const REQUEST_CALLEES: readonly Role[] = [
  'edge',
  'service',
  'serverless',
  'auth-provider',
  'llm',
  'embedding',
  'object-storage',
  'search',
  'vector-index',
  'observability.dashboards',
  'external-api',
];
