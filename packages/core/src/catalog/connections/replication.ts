import { z } from 'zod';
import { defineConnection } from '../define';

export default defineConnection({
  id: 'replication',
  name: 'Replication',
  description: 'A primary (`from`) copies its data to a replica or standby (`to`) of the same kind.',
  synchronous: false,
  carries: 'none',
  from: ['datastore', 'cache', 'object-storage', 'search', 'vector-index', 'stream', 'broker'],
  to: ['datastore', 'cache', 'object-storage', 'search', 'vector-index', 'stream', 'broker'],
  config: {
    mode: z
      .enum(['async', 'sync'])
      .default('async')
      .describe('Synchronous replication waits for the replica before acknowledging a write.'),
  },
  refine: (from, to) =>
    from.equivalence === to.equivalence
      ? undefined
      : `replication copies data between components of the same kind; ${from.id} (${from.equivalence}) and ${to.id} (${to.equivalence}) differ — use a "stream" connection for change data capture`,
});
