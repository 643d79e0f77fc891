import type { z } from 'zod';

/** Palette categories, in the order the palette shows them. */
export const CATEGORIES = [
  'client',
  'gateway',
  'load-balancer',
  'cdn',
  'auth',
  'security',
  'compute',
  'database',
  'cache',
  'messaging',
  'storage',
  'vector-db',
  'search',
  'observability',
  'ai',
  'network',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Roles are what connection rules and health rules reason about; a component has one or more.
 * The comment on each says what a component with that role promises.
 */
export const ROLES = {
  entrypoint: 'where traffic originates: users, apps and partner systems outside our system',
  'external-api': 'a third-party system outside our control that our services call (payments, e-mail, partner APIs)',
  edge: 'internet-facing ingress that forwards requests inward (gateways, load balancers, CDNs)',
  gateway: 'an API gateway: routing, and authentication when its `auth` is set',
  'load-balancer': 'spreads requests over instances of a target',
  cdn: 'caches and serves content at the edge, reading from an origin',
  'auth-provider': 'issues or verifies identities and tokens',
  secrets: 'stores secrets (database passwords, API keys, certificates) and hands them to authorised workloads at run time',
  service: 'runs our code and answers requests',
  serverless: 'runs our code per request or message, scaled by the provider',
  datastore: 'holds data that services read and write',
  stateful: 'loses data or state if it fails without replication',
  cache: 'an in-memory datastore in front of a slower one',
  'object-storage': 'stores blobs and files',
  'static-content': 'can serve public static assets (web bundles, images) by design',
  search: 'a search index',
  'vector-index': 'a similarity index over embeddings',
  queue: 'a point-to-point message queue',
  topic: 'publish-subscribe fan-out to several subscribers',
  stream: 'an ordered, replayable log of records',
  'event-bus': 'routes events to targets by rules',
  broker: 'a message broker we run (not a fully managed service)',
  'observability.metrics': 'stores and queries metrics',
  'observability.traces': 'stores and queries distributed traces',
  'observability.logs': 'stores and queries logs',
  'observability.dashboards': 'dashboards and alerting over other telemetry stores',
  'telemetry-collector': 'receives telemetry from services and forwards it to stores',
  llm: 'a large language model endpoint, billed per token',
  embedding: 'an embedding model endpoint, billed per token',
  mesh: 'a service mesh: mTLS, retries and circuit breaking between services it covers',
  'ha-managed': 'highly available by design: the provider runs it across zones, so it is not a single point of failure',
  'self-managed': 'our team installs, upgrades and operates it',
} as const;
export type Role = keyof typeof ROLES;

/** Vendors: the three clouds, `neutral` for open technologies priced as the target cloud's offering, or a SaaS name. */
export type Vendor = 'aws' | 'gcp' | 'azure' | 'neutral' | 'cloudflare' | 'datadog' | 'pinecone' | 'auth0' | 'anthropic' | 'openai' | 'google' | 'kong';

/** Vendors whose products run in the vendor's own (often global) infrastructure and on its own price list, not in our cloud. */
export const SAAS_VENDORS: ReadonlySet<Vendor> = new Set<Vendor>(['cloudflare', 'datadog', 'pinecone', 'auth0', 'anthropic', 'openai', 'google']);

/** Cross-cloud equivalence classes: components in one class can stand in for each other on another cloud. */
export const EQUIVALENCE_CLASSES = [
  'client',
  'api-gateway',
  'load-balancer',
  'cdn',
  'identity-provider',
  'secrets-manager',
  'vm',
  'serverless-function',
  'container-service',
  'kubernetes',
  'managed-postgres',
  'managed-mysql',
  'document-db',
  'key-value-db',
  'managed-redis',
  'managed-memcached',
  'queue',
  'pubsub',
  'event-bus',
  'stream',
  'managed-kafka',
  'message-broker',
  'object-storage',
  'vector-db',
  'search',
  'metrics',
  'tracing',
  'logging',
  'dashboards',
  'apm',
  'telemetry-collector',
  'llm',
  'embedding',
  'service-mesh',
] as const;
export type EquivalenceClass = (typeof EQUIVALENCE_CLASSES)[number];

/** A zod object schema describing a component's or connection's `config`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConfigSchema = z.ZodObject<any>;

/** What a component type declares. Each type is one file under `components/` plus one registry line. */
export interface ComponentDef<Id extends string = string> {
  /** Stable public id, dotted namespace + kebab-case: `aws.sqs`, `postgresql`. */
  readonly id: Id;
  /** Display name in the palette: "Amazon SQS". */
  readonly name: string;
  /** One sentence: what it is and when to use it. */
  readonly description: string;
  readonly category: Category;
  readonly vendor: Vendor;
  readonly roles: readonly Role[];
  readonly equivalence: EquivalenceClass;
  /** The full config schema (common fields included), strict, every field with a default or optional and described. */
  readonly config: ConfigSchema;
  /**
   * Throughput one instance sustains, for capacity checks and right-sizing: per vCPU (scaled by the instance size) or
   * per instance. A rough, documented planning figure; a component overrides it with `config.capacityRpsPerInstance`.
   * Absent for managed services that scale on their own.
   */
  readonly capacity?: { readonly rpsPerVcpu?: number; readonly rpsPerInstance?: number; readonly basis: string };
  /**
   * Narrows the connection types this component accepts. When absent, the accepted types follow from its roles
   * and the connection types' role rules (see `acceptedConnections`).
   */
  readonly accepts?: { readonly in?: readonly string[]; readonly out?: readonly string[] };
}

/** What a connection type declares. Each type is one file under `connections/` plus one registry line. */
export interface ConnectionDef<Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  /** What the connection means and which way it points. */
  readonly description: string;
  /** Synchronous: the caller waits for the answer (health rules look for circuit breakers on these). */
  readonly synchronous: boolean;
  /**
   * What the traffic model sends over it: `request` (each call to the source makes `share` calls here), `message`
   * (the same, counted as messages), or `none` (telemetry, replication, dead letters: not part of the request flow).
   */
  readonly carries: 'request' | 'message' | 'none';
  /** Roles allowed at the `from` end (any one of them). */
  readonly from: readonly Role[];
  /** Roles allowed at the `to` end (any one of them). */
  readonly to: readonly Role[];
  readonly config: ConfigSchema;
  /** Extra check on a pair of component types that the roles allow; returns why the pair does not fit. */
  readonly refine?: (from: ComponentDef, to: ComponentDef) => string | undefined;
}
