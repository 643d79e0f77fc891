import type { Origin } from '@backarch/core';
import * as Y from 'yjs';
import { appendAnnotation } from './annotations';
import { ChangeSetTransaction } from './origins';
import { documentScope } from './shape';

/** What an undo stack item undoes: the change set's origin and summary (kept in the stack item's meta). */
export interface UndoneChangeSet {
  origin: Origin;
  summary: string;
}

const META_KEY = 'backarch:change-set';

/**
 * A Y.UndoManager over the document's four maps (`meta`, `constraints`, `components`, `connections`; not `changes`)
 * that tracks only transactions whose origin is in `trackedOrigins` (by instance or by class) — by default every
 * local `applyChangeSetToYDoc` (`ChangeSetTransaction`), so remote edits and other local writes are never undone.
 * `captureTimeout` is 0: one change set is one undo step, however quickly the next one follows. Each stack item's
 * meta records the change set's origin and summary (see `undoChangeSet`).
 *
 * @example
 * const undoManager = createUndoManager(ydoc);
 * applyChangeSetToYDoc(ydoc, changeSet);
 * undoChangeSet(undoManager, { by: userId }); // reverts exactly that change set
 */
export function createUndoManager(ydoc: Y.Doc, trackedOrigins: Iterable<unknown> = [ChangeSetTransaction]): Y.UndoManager {
  const manager = new Y.UndoManager(documentScope(ydoc), { trackedOrigins: new Set(trackedOrigins), captureTimeout: 0 });
  manager.on('stack-item-added', (event) => {
    if (event.origin instanceof ChangeSetTransaction) {
      event.stackItem.meta.set(META_KEY, { origin: event.origin.origin, summary: event.origin.summary } satisfies UndoneChangeSet);
    } else if (event.origin === manager && manager.currStackItem) {
      // the redo item made by an undo (or the undo item made by a redo) describes the same change set
      const described = manager.currStackItem.meta.get(META_KEY);
      if (described) event.stackItem.meta.set(META_KEY, described);
    }
  });
  return manager;
}

/** The change set a stack item undoes or redoes, when it was made by `applyChangeSetToYDoc`. */
export function changeSetOf(stackItem: { meta: Map<unknown, unknown> }): UndoneChangeSet | undefined {
  return stackItem.meta.get(META_KEY) as UndoneChangeSet | undefined;
}

/** The default origin of the transaction that annotates an undo or a redo. */
export const UNDO_ANNOTATION = Object.freeze({ name: 'backarch:undo-annotation' });

function step(manager: Y.UndoManager, direction: 'undo' | 'redo', by: string | undefined): UndoneChangeSet | null | undefined {
  const item = direction === 'undo' ? manager.undo() : manager.redo();
  if (!item) return null;
  const described = changeSetOf(item);
  const summary = described ? `${direction === 'undo' ? 'Undo' : 'Redo'}: ${described.summary}`.slice(0, 200) : direction === 'undo' ? 'Undo' : 'Redo';
  // A separate transaction: Yjs runs the undo in its own, and an enclosing one would hide it from the undo manager.
  manager.doc.transact(() => {
    appendAnnotation(manager.doc, { origin: 'user', summary, ...(by !== undefined && { by }) });
  }, UNDO_ANNOTATION);
  return described;
}

/**
 * Undoes the last local change set and appends a `user` annotation "Undo: <summary>" for version history. Returns
 * what it undid (`undefined` when the step was not a change set), or null when there was nothing to undo.
 */
export function undoChangeSet(manager: Y.UndoManager, options: { by?: string } = {}): UndoneChangeSet | null | undefined {
  return step(manager, 'undo', options.by);
}

/** Redoes the last undone change set, annotated "Redo: <summary>"; returns as `undoChangeSet` does. */
export function redoChangeSet(manager: Y.UndoManager, options: { by?: string } = {}): UndoneChangeSet | null | undefined {
  return step(manager, 'redo', options.by);
}
