import { type DocumentIssue, issuesFromZod } from './issues';
import { childPath, parseJsonText, type JsonSyntaxError } from './json-text';
import { migrate } from './migrations';
import { type ArchDocument, type Component, type Connection, documentFileSchema, withConnectionId } from './schema';
import { semanticIssues } from './validate';

export type ParseResult =
  | { ok: true; document: ArchDocument }
  /** `syntaxError` is set when the text is not JSON at all; `errors` then holds the same problem with its location. */
  | { ok: false; errors: DocumentIssue[]; syntaxError?: JsonSyntaxError };

/** Orders issues the way the file reads: by path, with array indexes compared as numbers. */
export function sortIssues(issues: DocumentIssue[]): DocumentIssue[] {
  const key = (path: string) => path.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? s.padStart(10, '0') : s));
  return issues
    .map((issue, order) => ({ issue, order, key: key(issue.path) }))
    .sort((a, b) => {
      for (let k = 0; k < Math.min(a.key.length, b.key.length); k++) {
        if (a.key[k] !== b.key[k]) return a.key[k]! < b.key[k]! ? -1 : 1;
      }
      return a.key.length - b.key.length || a.order - b.order;
    })
    .map((x) => x.issue);
}

/**
 * Reads a `.backarch.json` document from its text or from an already parsed object. Returns the document, or every
 * problem at once, each with the JSON path of the offending value and a message that says what was expected.
 *
 * @example
 * const result = parseDocument(text);
 * if (!result.ok) for (const e of result.errors) console.error(`${e.path}: ${e.message}`);
 */
export function parseDocument(input: string | unknown): ParseResult {
  let raw: unknown = input;
  const issues: DocumentIssue[] = [];
  if (typeof input === 'string') {
    const json = parseJsonText(input);
    if (!json.ok) {
      const { line, column, message } = json.error;
      return { ok: false, syntaxError: json.error, errors: [{ path: '', message: `not valid JSON at line ${line}, column ${column}: ${message}` }] };
    }
    raw = json.value;
    for (const { path, key } of json.duplicateKeys) {
      issues.push({ path: childPath(path, key), message: `"${key}" appears twice in the same object; JSON keeps only the last one, so remove one of them` });
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', message: 'a .backarch.json document must be a JSON object' }] };
  }
  const migrated = migrate(raw as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [...issues, { path: 'backarch', message: migrated.message }] };

  const structural = documentFileSchema.safeParse(migrated.document);
  if (!structural.success) issues.push(...issuesFromZod(structural.error, documentFileSchema, migrated.document));
  const components = Array.isArray(migrated.document.components) ? migrated.document.components : [];
  const connections = Array.isArray(migrated.document.connections) ? migrated.document.connections : [];
  issues.push(...semanticIssues(components, connections));

  if (issues.length > 0 || !structural.success) return { ok: false, errors: sortIssues(issues) };
  const file = structural.data;
  const document: ArchDocument = {
    backarch: file.backarch,
    name: file.name,
    ...(file.description !== undefined && { description: file.description }),
    constraints: file.constraints ?? {},
    components: (file.components ?? []) as Component[],
    connections: (file.connections ?? []).map((c): Connection => withConnectionId(c)),
  };
  return { ok: true, document };
}

/** Like parseDocument, but throws a DocumentError listing every problem. For code paths that only handle valid input. */
export function parseDocumentOrThrow(input: string | unknown): ArchDocument {
  const result = parseDocument(input);
  if (!result.ok) throw new DocumentError(result.errors);
  return result.document;
}

export class DocumentError extends Error {
  constructor(readonly errors: DocumentIssue[]) {
    super(`invalid document:\n${errors.map((e) => `  ${e.path || '(document)'}: ${e.message}`).join('\n')}`);
    this.name = 'DocumentError';
  }
}
