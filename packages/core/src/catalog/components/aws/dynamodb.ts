import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.dynamodb',
  name: 'Amazon DynamoDB',
  description: 'Serverless key-value and document database with single-digit-millisecond reads at any scale, billed per request (on-demand) or per provisioned capacity unit, plus storage.',
  category: 'database',
  vendor: 'aws',
  roles: ['datastore', 'stateful', 'ha-managed'],
  equivalence: 'key-value-db',
  config: {
    capacityMode: z
      .enum(['on-demand', 'provisioned'])
      .default('on-demand')
      .describe('On-demand bills per read and write request; provisioned bills per hour for the read and write capacity units below.'),
    readCapacityUnits: z
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(5)
      .describe('Provisioned read capacity units (RCU): one strongly consistent 4 KB read per second each. Used only in provisioned mode.'),
    writeCapacityUnits: z
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(5)
      .describe('Provisioned write capacity units (WCU): one 1 KB write per second each. Used only in provisioned mode.'),
    tableClass: z
      .enum(['standard', 'standard-ia'])
      .default('standard')
      .describe('Standard-Infrequent Access stores data about 60 % cheaper but charges more per request.'),
    pointInTimeRecovery: z.boolean().default(true).describe('Continuous backups with restore to any second in the retention window, billed per GB-month.'),
    streams: z.boolean().default(false).describe('DynamoDB Streams publishes item changes for change data capture (for example to Lambda).'),
    globalTableRegions: z
      .array(z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a region id such as "eu-west-1"' }).max(40))
      .max(20)
      .default([])
      .describe('Other regions holding a multi-active replica of the table (global tables); replicated writes are billed in each region.'),
    encryptedAtRest: fields.encryptedAtRest.optional().describe('Encrypted with a customer-managed KMS key. Unset means the default AWS-owned key (data is always encrypted).'),
    personalData: fields.personalData,
  },
});
