import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'aws.opensearch',
  name: 'Amazon OpenSearch Service',
  description: 'Managed OpenSearch (Elasticsearch-compatible) domains for full-text search and log analytics, billed per instance-hour by instance type plus EBS storage.',
  category: 'search',
  vendor: 'aws',
  roles: ['datastore', 'search', 'stateful'],
  equivalence: 'search',
  capacity: { rpsPerVcpu: 50, basis: 'about 50 search requests/s per vCPU' },
  config: {
    instanceType: fields.instanceType.default('m6g.large.search').describe('Data node instance type, e.g. "m6g.large.search" or "r6g.large.search".'),
    replicas: fields.replicas.default(2).describe('Data nodes in the domain; two or more let every shard keep a replica on another node.'),
    multiAz: fields.multiAz.describe('Zone awareness: spread data nodes and shard replicas over two or three availability zones.'),
    dedicatedMasterNodes: z.literal([0, 3, 5]).default(0).describe('Dedicated cluster-manager nodes (0, 3 or 5); recommended for production domains.'),
    storageGb: fields.storageGb.default(20).describe('EBS gp3 storage per data node, in GB.'),
    term: fields.term.describe('Purchase term (reserved instances); spot is not offered for OpenSearch.'),
    auth: fields.auth.optional().describe('Fine-grained access control: "iam", "basic" (internal user database) or "oidc" (Cognito or SAML sign-in to Dashboards). Unset means resource access policies only.'),
    public: fields.public.describe('The domain has a public endpoint instead of living inside a VPC.'),
    encryptedAtRest: fields.encryptedAtRest.optional(),
    personalData: fields.personalData,
  },
});
