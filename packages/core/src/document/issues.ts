import type { z } from 'zod';
import { childPath } from './json-text';

/** One thing wrong with a document or a change set: where (a JSON path) and what, in words a person understands. */
export interface DocumentIssue {
  /** JSON path of the offending value, e.g. `components[3].config.replicas`; empty for the whole document. */
  path: string;
  message: string;
}

export function joinPath(base: string, segments: readonly PropertyKey[]): string {
  let path = base;
  for (const segment of segments) path = childPath(path, typeof segment === 'number' ? segment : String(segment));
  return path;
}

/** Short, readable rendering of a value for messages: `-1`, `"abc"`, `an object`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** Levenshtein distance, for "did you mean" suggestions on short identifiers. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** ` (did you mean "x"?)` when a candidate is close to `input`, else an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  let byPrefix: string | undefined;
  let longestPrefix = Math.max(4, Math.ceil(input.length * 0.6)) - 1;
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    const d = distance(input, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
    const c = candidate.toLowerCase();
    let prefix = 0;
    while (prefix < lower.length && lower[prefix] === c[prefix]) prefix++;
    if (prefix > longestPrefix || (c.endsWith(`.${lower}`) && longestPrefix < lower.length)) {
      byPrefix = candidate;
      longestPrefix = Math.max(prefix, lower.length);
    }
  }
  const suggestion = best ?? byPrefix;
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}

// ---------------------------------------------------------------------------------------------------------------
// zod issues → messages. zod says "expected int, received number"; people need "replicas must be an integer ≥ 1,
// got -1". We walk the schema to the failing field so the message states the whole expectation.

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  entries?: Record<string, string>;
  values?: unknown[];
}

const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The option of a discriminated union that matches `value`'s discriminator, if any. */
function unionOption(def: Def & { discriminator?: string }, value: unknown): AnySchema | undefined {
  if (!def.discriminator || typeof value !== 'object' || value === null) return undefined;
  const tag = (value as Record<string, unknown>)[def.discriminator];
  return def.options?.find((option) => {
    const field = defOf(unwrap(option)).shape?.[def.discriminator!];
    return field !== undefined && (defOf(field).values ?? []).includes(tag);
  });
}

/** The schema that validates the value at `path`, following objects, arrays, records and discriminated unions. */
function schemaAt(schema: AnySchema, path: readonly PropertyKey[], input: unknown): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  let value = input;
  for (const segment of path) {
    if (!current) return undefined;
    let def = defOf(unwrap(current));
    if (def.type === 'union') {
      current = unionOption(def, value);
      if (!current) return undefined;
      def = defOf(unwrap(current));
    }
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  if (current && defOf(unwrap(current)).type === 'union') return unionOption(defOf(unwrap(current)), value) ?? current;
  return current;
}

/** A schema's description, looking through optional/default wrappers (zod keeps it on the inner schema). */
export function descriptionOf(schema: AnySchema): string | undefined {
  let current: AnySchema | undefined = schema;
  while (current) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = def.innerType ?? def.in;
  }
  return undefined;
}

const formatNumber = (n: number) => (Math.abs(n) >= 1e15 ? n.toExponential() : String(n));

/** "an integer ≥ 1", "a number between 0 and 1", "one of "a", "b"", "true or false"… */
export function describeExpected(schema: AnySchema): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'number': {
      const n = inner as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const kind = n.isInt ? 'an integer' : 'a number';
      const min = n.minValue !== null && Number.isFinite(n.minValue) && Math.abs(n.minValue) < Number.MAX_SAFE_INTEGER ? n.minValue : null;
      const max = n.maxValue !== null && Number.isFinite(n.maxValue) && Math.abs(n.maxValue) < Number.MAX_SAFE_INTEGER ? n.maxValue : null;
      if (min !== null && max !== null) return `${kind} between ${formatNumber(min)} and ${formatNumber(max)}`;
      if (min !== null) return `${kind} ≥ ${formatNumber(min)}`;
      if (max !== null) return `${kind} ≤ ${formatNumber(max)}`;
      return kind;
    }
    case 'string': {
      const s = inner as unknown as { minLength: number | null; maxLength: number | null };
      if (s.minLength && s.maxLength) return `a text of ${s.minLength} to ${s.maxLength} characters`;
      if (s.minLength) return s.minLength === 1 ? 'a non-empty text' : `a text of at least ${s.minLength} characters`;
      if (s.maxLength) return `a text of at most ${s.maxLength} characters`;
      return 'a text';
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    case 'union':
      return (def.options ?? []).map(describeExpected).join(' or ');
    default:
      return 'a valid value';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function fieldName(path: readonly PropertyKey[]): string {
  for (let k = path.length - 1; k >= 0; k--) {
    const segment = path[k];
    if (typeof segment === 'string') return path.slice(k).reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc), segment);
  }
  return 'the value';
}

/**
 * Turns zod's issues into DocumentIssues with full paths under `basePath` and messages that state the expectation and
 * the value received. `input` is what was validated; `schema` is what it was validated against.
 */
export function issuesFromZod(error: z.ZodError, schema: AnySchema, input: unknown, basePath = ''): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const field = fieldName(path);
    const value = valueAt(input, path);
    const fieldSchema = schemaAt(schema, path, input);
    const expected = fieldSchema ? describeExpected(fieldSchema) : undefined;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = (() => {
          const s = schemaAt(schema, path, input);
          const def = s ? defOf(unwrap(s)) : undefined;
          return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
        })();
        for (const key of issue.keys) {
          const hint = didYouMean(key, known) || (known.length ? ` (known fields: ${known.join(', ')})` : ' (this object takes no fields)');
          issues.push({ path: joinPath(basePath, [...path, key]), message: `unknown field "${key}"${hint}` });
        }
        continue;
      }
      case 'invalid_type':
      case 'too_small':
      case 'too_big':
      case 'invalid_value': {
        if (value === undefined) {
          issues.push({ path: joinPath(basePath, path), message: `${field} is required${expected ? ` (${expected})` : ''}` });
        } else {
          const hint = issue.code === 'invalid_value' && typeof value === 'string' ? didYouMean(value, issue.values.filter((v): v is string => typeof v === 'string')) : '';
          issues.push({ path: joinPath(basePath, path), message: `${field} must be ${expected ?? 'a valid value'}, got ${showValue(value)}${hint}` });
        }
        continue;
      }
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const union = discriminator ? schemaAt(schema, path.slice(0, -1), input) : undefined;
        const options = union ? (defOf(unwrap(union)).options ?? []).flatMap((o) => defOf(defOf(unwrap(o)).shape?.[discriminator!] ?? o).values ?? []) : [];
        if (options.length > 0) {
          const names = options.filter((o): o is string => typeof o === 'string');
          const hint = typeof value === 'string' ? didYouMean(value, names) : '';
          issues.push({ path: joinPath(basePath, path), message: `${field} must be one of ${names.map((o) => JSON.stringify(o)).join(', ')}, got ${showValue(value)}${hint}` });
          continue;
        }
        issues.push({ path: joinPath(basePath, path), message: `${field} must be ${expected ?? 'a valid value'}, got ${showValue(value)}` });
        continue;
      }
      case 'invalid_format':
        issues.push({ path: joinPath(basePath, path), message: `${field} ${issue.message.startsWith('must') ? issue.message : `is not valid: ${issue.message}`}, got ${showValue(value)}` });
        continue;
      default:
        issues.push({ path: joinPath(basePath, path), message: issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}` });
    }
  }
  return issues;
}
