import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'meilisearch',
  name: 'Meilisearch',
  description:
    'Lightweight, typo-tolerant search engine for app and site search that you run as a single instance on a VM or container, priced by instance size.',
  category: 'search',
  vendor: 'neutral',
  roles: ['datastore', 'search', 'stateful', 'self-managed'],
  equivalence: 'search',
  capacity: { rpsPerVcpu: 100, basis: 'about 100 search requests/s per vCPU' },
  config: {
    instanceType: fields.instanceType.optional().describe('VM size, e.g. "t3.medium", "e2-standard-2", "Standard_B2s".'),
    vcpus: fields.vcpus.default(2).describe('vCPUs, for sizing when no instance type is given.'),
    memoryMb: fields.memoryMb.default(4096).describe('Memory in MB; indexes are memory-mapped, so it should fit the hot part of the index.'),
    storageGb: fields.storageGb.default(20).describe('Disk for the index and dumps, in GB.'),
    snapshotIntervalHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(24)
      .describe('Hours between scheduled snapshots; 0 disables them, so losing the disk loses the index.'),
    auth: fields.auth.default('api-key').describe('How clients authenticate; production instances need a master key, from which API keys are issued.'),
    term: fields.term,
    encryptedAtRest: fields.encryptedAtRest.optional(),
    public: fields.public,
    personalData: fields.personalData,
  },
});
