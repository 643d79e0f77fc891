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
} as const;
