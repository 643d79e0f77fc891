import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'pinecone',
  name: 'Pinecone',
  description:
    'Fully managed vector database; serverless indexes are billed per read unit, write unit and GB stored (with a monthly plan minimum), legacy pod-based indexes per pod hour.',
  category: 'vector-db',
  vendor: 'pinecone',
  roles: ['datastore', 'vector-index', 'stateful', 'ha-managed'],
  equivalence: 'vector-db',
  config: {
    plan: z
      .enum(['starter', 'standard', 'enterprise'])
      .default('standard')
      .describe('Pinecone plan: Starter is free with limits; Standard and Enterprise bill usage above a monthly minimum.'),
    indexType: z
      .enum(['serverless', 'pod'])
      .default('serverless')
      .describe('Serverless scales and bills by usage; pod-based indexes are legacy fixed-size capacity billed per pod hour.'),
    podType: z
      .string()
      .regex(/^(s1|p1|p2)\.x(1|2|4|8)$/, { error: 'must be a pod type such as "p1.x1"' })
      .default('p1.x1')
      .describe('Pod type and size for pod-based indexes: s1 for storage, p1 for performance, p2 for low latency.'),
    pods: z.number().int().min(1).max(100).default(1).describe('Pods per replica (shards), for pod-based indexes.'),
    replicas: fields.replicas.describe('Pod replicas for throughput and availability, for pod-based indexes.'),
    dimensions: z.number().int().min(1).max(20000).default(1536).describe('Vector dimensions, matching the embedding model.'),
    metric: z.enum(['cosine', 'euclidean', 'dotproduct']).default('cosine').describe('Similarity metric of the index.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
