import type { z } from 'zod';
import type { ChangeSet, Op } from '../document/change-set';
import { defaultConnectionId, type ArchDocument } from '../document/schema';
import type { Pattern } from './types';

/**
 * Declares a pattern (one file under patterns/<category>/ plus one line in that category's index.ts). The generic keeps
 * `apply`'s params typed by the pattern's own schema. Every pattern's change set passes through `distinctConnectionIds`.
 *
 * @example
 * export default definePattern({ id: 'circuit-breaker', name: 'Circuit breaker', category: 'resilience', params: z.object({ … }), appliesTo, apply, preview, … });
 */
export const definePattern = <P extends z.ZodObject>(pattern: Pattern<P>): Pattern<P> => ({
  ...pattern,
  apply: (doc, target, params) => distinctConnectionIds(doc, pattern.apply(doc, target, params)),
});

/**
 * Gives a connection a pattern adds without an id an explicit one when its derived id (`from->to:type`) is already
 * taken — by a connection the document keeps (two same-type connections between the same components, told apart by
 * explicit ids) or by another the change set adds — so copying or rerouting such connections never makes the whole
 * change set fail. Ids freed by earlier removals in the change set count as free.
 */
export function distinctConnectionIds(doc: ArchDocument, changeSet: ChangeSet): ChangeSet {
  const taken = new Set(doc.connections.map((c) => c.id));
  let changed = false;
  const ops = changeSet.ops.map((op): Op => {
    if (op.op === 'removeConnection') taken.delete(op.id);
    else if (op.op === 'removeComponent') for (const c of doc.connections) if (c.from === op.id || c.to === op.id) taken.delete(c.id);
    if (op.op !== 'addConnection') return op;
    const derived = defaultConnectionId(op.connection);
    if (op.connection.id !== undefined || !taken.has(derived)) {
      taken.add(op.connection.id ?? derived);
      return op;
    }
    let k = 2;
    while (taken.has(`${derived}-${k}`)) k++;
    const id = `${derived}-${k}`;
    taken.add(id);
    changed = true;
    return { ...op, connection: { id, ...op.connection } };
  });
  return changed ? { ...changeSet, ops } : changeSet;
}
