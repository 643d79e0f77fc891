// Change annotations: who or what made an edit, carried inside the Y.Doc because transaction origins stay on the
// replica that made them. The server reads them to label versions ("AI: add a cache", "Restore v12"), then trims them.
import { originSchema, type Origin } from '@backarch/core';
import type * as Y from 'yjs';
import { documentTypes } from './shape';

/** The default transaction origin of `trimAnnotations` and `takeAnnotations`, so observers can tell trims apart. */
export const TRIM_ANNOTATIONS = Object.freeze({ name: 'backarch:trim-annotations' });

/** One entry of the `changes` Y.Array, appended in the same transaction as the edit it describes. */
export interface Annotation {
  /** The change set's origin: `user`, `ai`, `pattern:<id>`, `template:<id>`, `fix:<rule>`, `restore:<version>`. */
  origin: Origin;
  /** The change set's one-line summary. */
  summary: string;
  /** When the edit was made, as an ISO 8601 time (the editing replica's clock). */
  at: string;
  /** Id of the user who made the edit, when known. */
  by?: string;
}

/** What a caller says about an edit; `at` defaults to now. */
export interface AnnotationInput {
  origin: Origin;
  summary: string;
  by?: string;
  at?: string;
}

/** The stored form of an annotation (plain JSON, no undefined fields). */
export function makeAnnotation(input: AnnotationInput): Annotation {
  const annotation: Annotation = { origin: input.origin, summary: input.summary, at: input.at ?? new Date().toISOString() };
  if (input.by !== undefined) annotation.by = input.by;
  return annotation;
}

/** Appends an annotation; call inside the transaction of the edit it describes. */
export function appendAnnotation(ydoc: Y.Doc, input: AnnotationInput): Annotation {
  const annotation = makeAnnotation(input);
  documentTypes(ydoc).changes.push([annotation]);
  return annotation;
}

function isAnnotation(value: unknown): value is Annotation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.origin === 'string' &&
    originSchema.safeParse(a.origin).success &&
    typeof a.summary === 'string' &&
    typeof a.at === 'string' &&
    (a.by === undefined || typeof a.by === 'string')
  );
}

/**
 * The annotations in the Y.Doc, oldest first as Yjs orders them (entries appended concurrently on two replicas are
 * ordered the same way everywhere, though not necessarily by `at`). Malformed entries are skipped. The returned
 * objects are the stored ones: pass them to `trimAnnotations` once recorded, and do not modify them.
 */
export function readAnnotations(ydoc: Y.Doc): Annotation[] {
  return documentTypes(ydoc).changes.toArray().filter(isAnnotation);
}

/**
 * Removes the given annotations (as returned by `readAnnotations` on this same Y.Doc) in one transaction; entries
 * appended since, even concurrently ones that Yjs ordered before them, stay. Returns how many were removed.
 */
export function trimAnnotations(ydoc: Y.Doc, recorded: readonly Annotation[], transactionOrigin: unknown = TRIM_ANNOTATIONS): number {
  const changes = documentTypes(ydoc).changes;
  const done = new Set<unknown>(recorded);
  let removed = 0;
  ydoc.transact(() => {
    const entries = changes.toArray();
    // from the end, so the indexes of the entries still to delete do not move
    for (let index = entries.length - 1; index >= 0; index--) {
      if (!done.has(entries[index])) continue;
      let start = index;
      while (start > 0 && done.has(entries[start - 1])) start--;
      changes.delete(start, index - start + 1);
      removed += index - start + 1;
      index = start;
    }
  }, transactionOrigin);
  return removed;
}

/**
 * Reads every annotation and removes all entries (malformed ones too) in one transaction: nothing appended in between
 * can be lost. Use it when the caller records the result synchronously or can afford to lose labels on a crash;
 * otherwise `readAnnotations`, record, then `trimAnnotations`.
 */
export function takeAnnotations(ydoc: Y.Doc, transactionOrigin: unknown = TRIM_ANNOTATIONS): Annotation[] {
  const changes = documentTypes(ydoc).changes;
  let taken: Annotation[] = [];
  ydoc.transact(() => {
    taken = changes.toArray().filter(isAnnotation);
    if (changes.length > 0) changes.delete(0, changes.length);
  }, transactionOrigin);
  return taken;
}
