import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.lambda',
  name: 'AWS Lambda',
  description: 'Functions run per request or message, billed per request and GB-second; no servers to manage.',
  category: 'compute',
  vendor: 'aws',
  roles: ['service', 'serverless', 'ha-managed'],
  equivalence: 'serverless-function',
  config: {
    memoryMb: fields.memoryMb.default(512),
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('arm64 (Graviton) is about 20 % cheaper per GB-second.'),
    timeoutMs: z.number().int().min(1).max(900000).default(3000).describe('Maximum run time of one invocation, in ms.'),
    reservedConcurrency: z.number().int().min(0).describe('Concurrent executions reserved for this function.').optional(),
    provisionedConcurrency: z.number().int().min(0).default(0).describe('Instances kept warm to avoid cold starts (billed per hour).'),
    auth: fields.auth.optional(),
    personalData: fields.personalData,
  },
});
