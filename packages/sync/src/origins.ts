// Transaction origins. They never leave the replica that made the transaction (annotations carry the same facts to
// the others); locally they let a Y.UndoManager track only this user's change sets and let observers skip their own.
import type { Origin } from '@backarch/core';

/**
 * The default origin of a transaction made by `applyChangeSetToYDoc`. `createUndoManager` tracks this class (Yjs
 * matches a tracked origin by instance or by constructor), so every local change set is one undo step while remote
 * updates and other local writes are not undoable.
 */
export class ChangeSetTransaction {
  constructor(
    /** The change set's origin (`user`, `ai`, `pattern:<id>`…). */
    readonly origin: Origin,
    /** The change set's summary, kept on the undo stack item for "Undo: <summary>". */
    readonly summary: string,
    /** The user who applied it, when known. */
    readonly by?: string,
  ) {}
}

/** The default origin of `writeDocument`'s transaction: filling a new Y.Doc is not an undo step. */
export const WRITE_DOCUMENT = Object.freeze({ name: 'backarch:write-document' });
