import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'elasticsearch',
  name: 'Elasticsearch',
  description:
    'Full-text search and analytics engine that you run as a cluster on VMs or Kubernetes, priced by node; use it for search, log analytics and aggregations.',
  category: 'search',
  vendor: 'neutral',
  roles: ['datastore', 'search', 'stateful', 'self-managed'],
  equivalence: 'search',
  capacity: { rpsPerVcpu: 50, basis: 'about 50 search requests/s per vCPU' },
  config: {
    version: z.string().regex(/^\d+(\.\d+)?$/, { error: 'must be a version such as "8.19"' }).default('8.19').describe('Elasticsearch version.'),
    replicas: fields.replicas.default(3).describe('Master-eligible data nodes; 3 keep a master quorum and a healthy cluster when one node fails.'),
    multiAz: fields.multiAz.describe('Spread nodes over availability zones with shard allocation awareness, so a zone failure leaves a copy of every shard.'),
    instanceType: fields.instanceType.optional().describe('VM size per node, e.g. "r7g.large", "n2-highmem-2", "Standard_E2s_v5".'),
    vcpus: fields.vcpus.default(2).describe('vCPUs per node, for sizing when no instance type is given.'),
    memoryMb: fields.memoryMb.default(8192).describe('Memory per node in MB (half goes to the JVM heap), for sizing when no instance type is given.'),
    storageGb: fields.storageGb.default(100).describe('Disk per node, in GB.'),
    replicaShards: z.number().int().min(0).max(10).default(1).describe('Replica copies of each primary shard (index.number_of_replicas).'),
    auth: fields.auth.default('basic').describe('How clients authenticate; Elasticsearch 8 enables security with passwords and API keys by default.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
