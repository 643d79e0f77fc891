import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.xray',
  name: 'AWS X-Ray',
  description: 'Managed distributed tracing for requests across AWS services and your code, billed per million traces recorded and per million traces retrieved or scanned.',
  category: 'observability',
  vendor: 'aws',
  roles: ['observability.traces', 'stateful', 'ha-managed'],
  equivalence: 'tracing',
  config: {
    samplingRate: z.number().min(0).max(1).default(0.05).describe('Fraction of requests traced beyond the reservoir (0–1); the default rule samples 5 %.'),
    reservoirPerSecond: z.number().int().min(0).max(10000).default(1).describe('Requests traced every second before the sampling rate applies.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Trace data is encrypted with a customer-managed KMS key. Unset means the AWS-managed default encryption.'),
    personalData: fields.personalData,
  },
});
