import { definePricer } from '../define';
import { monthlyRequests, usage } from '../helpers';

/** Default run time per invocation when no `usage.averageDurationMs` is given. */
export const DEFAULT_DURATION_MS = 200;

/**
 * Lambda: requests plus compute in GB-seconds (memory × duration), x86_64 or arm64 (Graviton). The monthly free tier
 * (1M requests, 400,000 GB-s per account) is not applied: it is shared by every function in an account.
 */
export default definePricer({
  id: 'aws.lambda',
  cloud: 'aws',
  equivalence: ['serverless-function'],
  price(ctx) {
    const requests = monthlyRequests(ctx);
    const memoryGb = ((ctx.config.memoryMb as number | undefined) ?? 512) / 1024;
    const durationMs = usage(ctx).averageDurationMs ?? DEFAULT_DURATION_MS;
    const architecture = (ctx.config.architecture as string | undefined) ?? 'x86_64';
    const gbSeconds = requests * (durationMs / 1000) * memoryGb;
    const notes = [
      `${Math.round(durationMs)} ms per invocation${usage(ctx).averageDurationMs === undefined ? ' (default; set usage.averageDurationMs)' : ''}`,
      'free tier (1M requests and 400,000 GB-s a month per account) not applied',
    ];
    const items = [
      { name: 'Requests', quantity: requests / 1e6, unit: '1M requests', price: { cloud: 'aws', service: 'lambda', sku: 'requests' }, usageBased: true },
      {
        name: `Duration (${architecture}, ${memoryGb * 1024} MB)`,
        quantity: gbSeconds,
        unit: 'GB-seconds',
        price: { cloud: 'aws', service: 'lambda', sku: `duration-${architecture}` },
        usageBased: true,
      },
    ];
    const provisioned = (ctx.config.provisionedConcurrency as number | undefined) ?? 0;
    if (provisioned > 0) {
      items.push({
        name: `Provisioned concurrency (${provisioned} × ${memoryGb * 1024} MB)`,
        quantity: provisioned * memoryGb * 730 * 3600,
        unit: 'GB-seconds',
        price: { cloud: 'aws', service: 'lambda', sku: `provisioned-concurrency-${architecture}` },
        usageBased: false,
      });
    }
    return { product: `AWS Lambda (${architecture})`, items, notes };
  },
});
