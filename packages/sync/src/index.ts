// The public API of @backarch/sync: how a BackArch document lives in a Y.Doc. Inside the package, import modules
// directly, not through this file.

// the shape
export { ROOT, documentTypes, documentScope } from './shape';
export type { DocumentTypes } from './shape';

// documents in and out
export { writeDocument, isEmptyDocument } from './write';
export { readDocument, UNTITLED } from './read';
export type { ReadResult, DerivationIssue } from './read';

// change sets
export { applyChangeSetToYDoc } from './apply';
export type { ApplyToYDocOptions, ApplyToYDocResult } from './apply';
export { ChangeSetTransaction, WRITE_DOCUMENT } from './origins';

// annotations (version-history labels)
export { appendAnnotation, readAnnotations, trimAnnotations, takeAnnotations, TRIM_ANNOTATIONS } from './annotations';
export type { Annotation, AnnotationInput } from './annotations';

// undo
export { createUndoManager, undoChangeSet, redoChangeSet, changeSetOf, UNDO_ANNOTATION } from './undo';
export type { UndoneChangeSet } from './undo';
