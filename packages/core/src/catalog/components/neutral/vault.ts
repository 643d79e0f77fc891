import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'vault',
  name: 'HashiCorp Vault',
  description:
    'Secrets server you run yourself (Raft cluster): static secrets, short-lived dynamic database credentials, PKI certificates and encryption as a service, for any cloud; priced as the compute it runs on.',
  category: 'security',
  vendor: 'neutral',
  roles: ['secrets', 'stateful', 'self-managed'],
  equivalence: 'secrets-manager',
  capacity: { rpsPerVcpu: 500, basis: 'about 500 secret reads/s per vCPU on the Raft storage backend' },
  config: {
    edition: z.enum(['community', 'enterprise']).default('community').describe('Community edition, or Vault Enterprise (performance replicas, namespaces, HSM support) under a paid licence.'),
    replicas: fields.replicas.default(3).describe('Raft cluster nodes; 3 tolerate the loss of one, 5 of two.'),
    instanceType: fields.instanceType.optional(),
    vcpus: fields.vcpus.default(2),
    memoryMb: fields.memoryMb.default(4096),
    storageGb: fields.storageGb.default(20).describe('Raft storage per node, in GB.'),
    term: fields.term,
    autoUnseal: z.boolean().default(true).describe("Unseal with the cloud's KMS at start-up instead of key holders typing unseal keys after every restart."),
    dynamicSecrets: z.boolean().default(true).describe('Issue short-lived database credentials per workload (database secrets engine) instead of handing out one shared password.'),
    public: fields.public,
  },
});
