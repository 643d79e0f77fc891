import type { ChangeSet, Op } from '../document/change-set';
import { parseDocumentOrThrow } from '../document/parse';
import { defaultConnectionId } from '../document/schema';
import type { Template } from './types';

/**
 * The change set that builds `template` on an empty document: its constraints, then every component, then every
 * connection, with origin `template:<id>`, so creating a diagram from a template is one undo step and one
 * version-history entry like any other edit. The document's name and description are not ops: they are set when the
 * diagram is created (from the template's, or the user's). Throws when the template's document is invalid (the
 * template tests keep that from happening).
 */
export function templateChangeSet(template: Template): ChangeSet {
  const doc = parseDocumentOrThrow(template.document);
  const ops: Op[] = [];
  if (Object.keys(doc.constraints).length > 0) ops.push({ op: 'setConstraints', constraints: doc.constraints });
  for (const component of doc.components) ops.push({ op: 'addComponent', component });
  for (const { id, ...connection } of doc.connections) {
    ops.push({ op: 'addConnection', connection: id === defaultConnectionId(connection) ? connection : { id, ...connection } });
  }
  return { origin: `template:${template.id}`, summary: `Start from the ${template.name} template`, ops };
}
