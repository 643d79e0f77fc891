import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'weaviate',
  name: 'Weaviate',
  description:
    'Open-source vector database with hybrid (vector plus keyword) search and built-in vectorizer modules that you run on VMs or Kubernetes, priced by node.',
  category: 'vector-db',
  vendor: 'neutral',
  roles: ['datastore', 'vector-index', 'stateful', 'self-managed'],
  equivalence: 'vector-db',
  capacity: { rpsPerVcpu: 200, basis: 'about 200 vector searches/s per vCPU (HNSW, 1,536 dimensions)' },
  config: {
    replicas: fields.replicas.describe('Cluster nodes; shard replication needs at least 2, and 3 for quorum writes.'),
    replicationFactor: z.number().int().min(1).max(10).default(1).describe('Copies of each shard kept on different nodes.'),
    instanceType: fields.instanceType.optional().describe('VM size per node, e.g. "r7g.large", "n2-highmem-2", "Standard_E2s_v5".'),
    vcpus: fields.vcpus.default(2).describe('vCPUs per node, for sizing when no instance type is given.'),
    memoryMb: fields.memoryMb.default(8192).describe('Memory per node in MB; the HNSW index lives in memory.'),
    storageGb: fields.storageGb.default(50).describe('Disk per node, in GB.'),
    dimensions: z.number().int().min(1).max(65536).default(1536).describe('Vector dimensions, matching the embedding model.'),
    vectorIndex: z
      .enum(['hnsw', 'flat', 'dynamic'])
      .default('hnsw')
      .describe('HNSW is fast and memory-resident; flat suits small collections; dynamic switches from flat to HNSW as a collection grows.'),
    quantization: z
      .enum(['none', 'pq', 'bq', 'sq'])
      .default('none')
      .describe('Compress vectors in memory (product, binary or scalar quantization), at some loss of recall.'),
    vectorizer: z
      .enum(['none', 'text2vec-openai', 'text2vec-cohere', 'text2vec-voyageai', 'text2vec-google', 'text2vec-transformers'])
      .default('none')
      .describe('Module that embeds objects on import and query; "none" means you send your own vectors.'),
    auth: fields.auth.optional().describe('How clients authenticate; Weaviate allows anonymous access unless API keys or OIDC are configured.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
