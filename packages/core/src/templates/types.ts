/**
 * A ready architecture to start from: a complete, wired, scored `.backarch.json` document plus when to pick it.
 * Creating a diagram from a template applies it as one change set with origin `template:<id>`.
 */
export interface Template {
  /** kebab-case, public and stable. */
  id: string;
  name: string;
  /** When to start from it, in two or three sentences: the kind of system and team it fits, and when it does not. */
  whenToUse: string;
  /** The document in file form (`backarch: 1`, constraints, components with positions, connections). */
  document: unknown;
}
