import type { z } from 'zod';
import type { ChangeSet } from '../document/change-set';
import type { ArchDocument } from '../document/schema';

/** Pattern library sections, in the order the library shows them. */
export const PATTERN_CATEGORIES = ['resilience', 'scalability', 'data', 'state', 'messaging', 'networking', 'security', 'observability', 'cost', 'ai'] as const;
export type PatternCategory = (typeof PATTERN_CATEGORIES)[number];

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What adopting the pattern costs, concretely; at least two of the four are stated. */
export interface Tradeoffs {
  latency?: string;
  consistency?: string;
  cost?: string;
  operations?: string;
}

/** A place in a diagram where a pattern would help. */
export interface PatternTarget {
  /** The components the pattern wires around; the first is the anchor (the one to select on the canvas). */
  components: string[];
  /** The connections it changes or replaces. */
  connections: string[];
  /** Why it would help here, with the diagram's own names and numbers. */
  reason: string;
}

/**
 * A design pattern as an operation on the architecture: it knows where it applies (`appliesTo`), what it fixes
 * (`addresses`, health rule ids), what it costs (`tradeoffs`), and how to wire itself in (`apply`, a change set with
 * origin `pattern:<id>`).
 */
export interface Pattern<P extends z.ZodObject = z.ZodObject> {
  /** kebab-case, public and stable: used in origins (`pattern:<id>`), URLs and the CLI. */
  id: string;
  name: string;
  category: PatternCategory;
  difficulty: Difficulty;
  /** The problem, in one paragraph. */
  problem: string;
  /** How it works, in one paragraph. */
  solution: string;
  tradeoffs: Tradeoffs;
  /** When not to use it. */
  avoidWhen: string;
  /** Health rule ids whose findings the pattern resolves where it is applied. */
  addresses: readonly string[];
  /** Parameters with defaults; `apply` parses what it is given with this schema. */
  params: P;
  /** Where in `doc` the pattern would help and why; only targets touching `selection` (component ids) when given. */
  appliesTo(doc: ArchDocument, selection?: readonly string[]): PatternTarget[];
  /** The change set that wires the pattern in at `target`. Throws when `params` are invalid. */
  apply(doc: ArchDocument, target: PatternTarget, params?: z.input<P>): ChangeSet;
  /** A small `.backarch.json` document (file form) with one target, showing the pattern's starting point. */
  preview: unknown;
}

/** The type-erased form the registry holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPattern = Pattern<any>;
