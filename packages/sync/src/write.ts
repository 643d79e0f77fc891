import { defaultConnectionId, type ArchDocument } from '@backarch/core';
import type * as Y from 'yjs';
import { appendAnnotation, type AnnotationInput } from './annotations';
import { WRITE_DOCUMENT } from './origins';
import { componentToY, connectionToY, copyJson, documentTypes } from './shape';

/** True when the Y.Doc holds no document yet (no name, constraints, components or connections). */
export function isEmptyDocument(ydoc: Y.Doc): boolean {
  const { meta, constraints, components, connections } = documentTypes(ydoc);
  return meta.size === 0 && constraints.size === 0 && components.size === 0 && connections.size === 0;
}

/**
 * Fills an empty Y.Doc from a document (a new diagram, an import, a template) in one transaction, appending the
 * annotation that describes it. Throws when the Y.Doc already holds a document: writing into one would merge two
 * documents key by key. To replace a live document, apply a change set instead (`restore:<version>` does).
 *
 * @example
 * const ydoc = new Y.Doc();
 * writeDocument(ydoc, parseDocumentOrThrow(text), { origin: 'template:saas-starter', summary: 'New diagram', by: userId });
 */
export function writeDocument(ydoc: Y.Doc, doc: ArchDocument, annotation: AnnotationInput, transactionOrigin: unknown = WRITE_DOCUMENT): void {
  if (!isEmptyDocument(ydoc)) throw new Error('writeDocument needs an empty Y.Doc; apply a change set to edit a live document');
  const { meta, constraints, components, connections } = documentTypes(ydoc);
  ydoc.transact(() => {
    meta.set('name', doc.name);
    if (doc.description !== undefined) meta.set('description', doc.description);
    for (const [key, value] of Object.entries(doc.constraints)) if (value !== undefined) constraints.set(key, copyJson(value));
    for (const component of doc.components) components.set(component.id, componentToY(component));
    for (const connection of doc.connections) connections.set(connection.id ?? defaultConnectionId(connection), connectionToY(connection));
    appendAnnotation(ydoc, annotation);
  }, transactionOrigin);
}
