import { z } from 'zod';

/**
 * Config fields shared by many component types. A component file picks the ones that apply, so the same key
 * means the same thing everywhere (DESIGN.md, "Common component config").
 */

const count = (what: string) => z.number().int().min(1).max(1000).describe(what);

export const fields = {
  replicas: count('Number of instances running at once.').default(1),
  multiAz: z.boolean().default(false).describe('Run a synchronous standby in a second availability zone with automatic failover.'),
  readReplicas: z.number().int().min(0).max(15).default(0).describe('Number of asynchronous read replicas.'),
  instanceType: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be an instance type name such as "t3.large"' })
    .max(64)
    .describe('Provider instance type or size, e.g. "t3.large", "db.t3.medium", "e2-standard-2", "Standard_D2s_v5".'),
  sku: z.string().min(1).max(64).describe('Provider pricing tier or SKU, e.g. "Standard", "Premium".'),
  term: z
    .enum(['on-demand', 'reserved-1y', 'reserved-3y', 'spot'])
    .default('on-demand')
    .describe('Purchase term used for pricing.'),
  autoscaling: z
    .object({
      min: count('Fewest instances the autoscaler keeps.'),
      max: count('Most instances the autoscaler may start.'),
    })
    .strict()
    .refine((a) => a.min <= a.max, { error: 'min must not exceed max' })
    .describe('Horizontal autoscaling bounds.'),
  public: z.boolean().default(false).describe('Reachable from the internet without going through another component.'),
  auth: z
    .enum(['none', 'jwt', 'oauth2', 'oidc', 'api-key', 'iam', 'mtls', 'basic'])
    .optional()
    .describe('How callers are authenticated here. Unset or "none" means requests are not authenticated.'),
  encryptedAtRest: z.boolean().describe('Data is encrypted at rest. Unset means the provider default.'),
  deadLetter: z.boolean().default(false).describe('Failed messages go to a dead-letter queue after the retry limit.'),
  personalData: z.boolean().default(false).describe('Holds or processes personal data (GDPR, HIPAA).'),
  memoryMb: z.number().int().min(128).max(32768).describe('Memory per instance in MB.'),
  storageGb: z.number().min(1).max(100000).describe('Provisioned storage in GB.'),
  vcpus: z.number().min(0.25).max(448).describe('vCPUs per instance, for sizing when no instance type is given.'),
  rateLimit: z
    .object({
      requestsPerSecond: z.number().int().min(1).max(10000000).describe('Sustained requests per second allowed for each key (token refill rate).'),
      burst: z.number().int().min(1).max(10000000).describe('Requests a key may send at once above the sustained rate (token bucket size).'),
      per: z
        .enum(['client', 'ip', 'api-key', 'user', 'global'])
        .describe('What the limit is counted per: the authenticated client (consumer), source IP, API key, end user (token subject), or all traffic together.'),
    })
    .strict()
    .refine((r) => r.burst >= r.requestsPerSecond, { error: 'burst must be at least requestsPerSecond' })
    .optional()
    .describe('Rate limit enforced here; requests over it are rejected with 429 Too Many Requests.'),
  healthCheck: z
    .object({
      path: z.string().regex(/^\/[^\s]*$/, { error: 'must be a URL path such as "/healthz"' }).max(200).describe('Path probed on each target (HTTP) — ignored by TCP checks.'),
      intervalSeconds: z.number().int().min(1).max(300).describe('Seconds between two probes of one target.'),
      unhealthyThreshold: z.number().int().min(1).max(10).describe('Consecutive failed probes before a target stops receiving traffic.'),
    })
    .strict()
    .optional()
    .describe('Active health checks: targets that fail them are taken out of rotation until they pass again.'),
  loadShedding: z
    .object({
      maxInFlight: z.number().int().min(1).max(1000000).describe('Requests one instance works on at once; past it, requests below `priority` are rejected at once (503 with Retry-After).'),
      priority: z
        .enum(['critical', 'high', 'normal'])
        .describe('Lowest request priority still admitted once maxInFlight is reached: "critical" admits only critical requests, "normal" sheds only low-priority (batch, prefetch, analytics) work.'),
    })
    .strict()
    .optional()
    .describe('Admission control: when saturated, reject low-priority requests early instead of letting every request slow down.'),
  leaderElection: z
    .object({
      leaseSeconds: z.number().int().min(1).max(3600).describe('How long a leader holds the lease without renewing it; a crashed leader is replaced after at most this long.'),
      renewSeconds: z.number().int().min(1).max(3600).describe('How often the leader renews its lease; well under leaseSeconds so a slow renewal does not lose it.'),
    })
    .strict()
    .refine((l) => l.renewSeconds < l.leaseSeconds, { error: 'renewSeconds must be less than leaseSeconds' })
    .optional()
    .describe('Replicas compete for a lease in a lock store; only the holder does the singleton work, the others stand by.'),
} as const;

/** Per-component overrides of the traffic model, like an Infracost usage file: a value here wins over the model. */
export const usageSchema = z
  .object({
    monthlyRequests: z.number().min(0).describe('Requests per month handled by this component.'),
    monthlyMessages: z.number().min(0).describe('Messages per month published to or delivered from this component.'),
    requestSizeKb: z.number().min(0).describe('Average request or message size in KB.'),
    responseSizeKb: z.number().min(0).describe('Average response size in KB.'),
    storageGb: z.number().min(0).describe('Data stored, in GB (averaged over the month).'),
    monthlyEgressGb: z.number().min(0).describe('Data sent to the internet per month, in GB.'),
    averageDurationMs: z.number().min(0).describe('Average execution time per request in ms (functions).'),
    inputTokensPerRequest: z.number().min(0).describe('Average input (prompt) tokens per request (LLM and embedding).'),
    outputTokensPerRequest: z.number().min(0).describe('Average output tokens per request (LLM).'),
    monthlyReadRequests: z.number().min(0).describe('Read requests per month (databases, storage).'),
    monthlyWriteRequests: z.number().min(0).describe('Write requests per month (databases, storage).'),
    logsGbPerMonth: z.number().min(0).describe('Logs ingested per month, in GB (observability).'),
    metricSeries: z.number().int().min(0).describe('Active metric series (observability).'),
  })
  .partial()
  .strict()
  .describe('Usage overrides: values here win over the traffic model.');

/** Risk acceptance, as Structurizr lets an element downgrade an inspection. */
export const healthSchema = z
  .object({
    accept: z
      .array(
        z
          .object({
            rule: z.string().min(1).describe('The health rule id whose finding on this component is accepted.'),
            reason: z.string().min(1).max(500).describe('Why the risk is accepted; shown beside the accepted risk.'),
          })
          .strict(),
      )
      .describe('Findings accepted as known risks on this component.'),
  })
  .strict()
  .describe('Health score settings for this component.');

/** Fields every component type has. */
export const baseConfigShape = {
  region: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: 'must be a region id such as "us-east-1", "europe-west1" or "westeurope"' })
    .max(40)
    .optional()
    .describe('Region this component runs in, when it differs from the document region.'),
  usage: usageSchema.optional(),
  capacityRpsPerInstance: z
    .number()
    .min(0)
    .optional()
    .describe("Requests (or messages) per second one instance sustains, measured by you; overrides the catalog's planning figure."),
  health: healthSchema.optional(),
};

/** LLM model id field: the provider's model name as the price book spells it. */
export const modelField = (example: string) =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, { error: 'must be a model id such as "' + example + '"' }).max(100);

/** Config fields shared by connection types. */
export const connectionFields = {
  circuitBreaker: z.boolean().default(false).describe('The caller stops calling for a while after repeated failures.'),
  timeoutMs: z.number().int().min(1).max(900000).optional().describe('How long the caller waits for an answer, in ms.'),
  retries: z.number().int().min(0).max(20).default(0).describe('How many times the caller retries a failed call or delivery.'),
  mtls: z.boolean().default(false).describe('Both ends authenticate with certificates (mutual TLS).'),
  share: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe("Fraction of the caller's traffic that goes over this connection (0–1)."),
  retryBackoff: z
    .object({
      baseDelayMs: z.number().int().min(1).max(60000).describe('Wait before the first retry, in ms; each retry doubles it.'),
      maxDelayMs: z.number().int().min(1).max(600000).describe('Longest wait between two retries, in ms.'),
      jitter: z.enum(['full', 'equal', 'none']).describe('"full": wait a random time up to the backoff; "equal": half fixed, half random; "none": exact backoff.'),
    })
    .strict()
    .refine((b) => b.baseDelayMs <= b.maxDelayMs, { error: 'baseDelayMs must not exceed maxDelayMs' })
    .optional()
    .describe('Exponential backoff between retries, so retries do not arrive in synchronized waves.'),
  circuitBreakerPolicy: z
    .object({
      failureRatePercent: z.number().min(1).max(100).describe('Failure rate over the window that opens the breaker.'),
      minimumRequests: z.number().int().min(1).max(100000).describe('Calls in the window before the failure rate counts.'),
      windowSeconds: z.number().int().min(1).max(3600).describe('Sliding window the failure rate is measured over.'),
      openMs: z.number().int().min(100).max(3600000).describe('How long the breaker stays open (failing fast) before probing.'),
      halfOpenRequests: z.number().int().min(1).max(1000).describe('Trial calls let through when half-open; all must succeed to close.'),
    })
    .strict()
    .optional()
    .describe('When the circuit breaker opens and how it recovers.'),
  bulkhead: z
    .object({
      maxConcurrent: z.number().int().min(1).max(100000).describe('Calls in flight at once over this connection; more wait or are rejected.'),
      maxQueued: z.number().int().min(0).max(100000).describe('Calls that may wait for a free slot; beyond that they fail at once.'),
    })
    .strict()
    .optional()
    .describe("A separate, bounded pool for this dependency, so a slow callee cannot take all of the caller's threads or connections."),
  idempotent: z
    .boolean()
    .default(false)
    .describe('The consumer records processed message ids and skips duplicates, so redelivery is harmless.'),
} as const;
