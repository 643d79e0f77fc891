import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'qdrant',
  name: 'Qdrant',
  description:
    'Open-source vector database with payload filtering that you run on VMs or Kubernetes, priced by node; use it for semantic search and retrieval-augmented generation.',
  category: 'vector-db',
  vendor: 'neutral',
  roles: ['datastore', 'vector-index', 'stateful', 'self-managed'],
  equivalence: 'vector-db',
  capacity: { rpsPerVcpu: 200, basis: 'about 200 vector searches/s per vCPU (HNSW, 1,536 dimensions)' },
  config: {
    replicas: fields.replicas.describe('Cluster nodes; shard replication needs at least 2.'),
    replicationFactor: z.number().int().min(1).max(10).default(1).describe('Copies of each shard kept on different nodes.'),
    instanceType: fields.instanceType.optional().describe('VM size per node, e.g. "r7g.large", "n2-highmem-2", "Standard_E2s_v5".'),
    vcpus: fields.vcpus.default(2).describe('vCPUs per node, for sizing when no instance type is given.'),
    memoryMb: fields.memoryMb.default(8192).describe('Memory per node in MB; in-memory HNSW indexes and vectors must fit unless stored on disk.'),
    storageGb: fields.storageGb.default(50).describe('Disk per node, in GB.'),
    dimensions: z.number().int().min(1).max(65536).default(1536).describe('Vector dimensions, matching the embedding model.'),
    quantization: z
      .enum(['none', 'scalar', 'product', 'binary'])
      .default('none')
      .describe('Compress vectors in memory: scalar (int8) cuts memory about 4x, binary about 32x, at some loss of recall.'),
    onDisk: z.boolean().default(false).describe('Keep original vectors memory-mapped on disk instead of in RAM.'),
    auth: fields.auth.optional().describe('How clients authenticate; Qdrant accepts anonymous requests unless an API key is configured.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
