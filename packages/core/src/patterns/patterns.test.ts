import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../document/apply';
import { parseDocument, parseDocumentOrThrow } from '../document/parse';
import type { ArchDocument } from '../document/schema';
import { health } from '../health/engine';
import { HEALTH_RULES } from '../health/rules/registry';
import type { Finding } from '../health/types';
import { TEMPLATES } from '../templates/registry';
import { findingAt, sameProblem } from './recommend';
import { PATTERNS } from './registry';
import { DIFFICULTIES, PATTERN_CATEGORIES, type AnyPattern, type PatternTarget } from './types';

const EXAMPLES = new URL('../../../../examples/', import.meta.url);

/** The diagrams every pattern is tried on besides its own preview: the shipped examples and the templates. */
const DIAGRAMS: Array<[string, ArchDocument]> = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.backarch.json'))
    .map((f): [string, ArchDocument] => [`examples/${f}`, parseDocumentOrThrow(readFileSync(new URL(f, EXAMPLES), 'utf8'))]),
  ...TEMPLATES.map((t): [string, ArchDocument] => [`template ${t.id}`, parseDocumentOrThrow(t.document)]),
];

const RULE_IDS = new Set(HEALTH_RULES.map((r) => r.id));

/** Applies the pattern at one target and checks the result is a valid document; returns it. */
function applyAt(pattern: AnyPattern, doc: ArchDocument, target: PatternTarget): ArchDocument {
  const changeSet = pattern.apply(doc, target);
  expect(changeSet.origin).toBe(`pattern:${pattern.id}`);
  const result = applyChangeSet(doc, changeSet);
  expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`), `${pattern.id} at ${target.components.join(', ')}`).toEqual([]);
  return (result as { document: ArchDocument }).document;
}

/** The findings of the pattern's rules at the target that are still reported after applying it (should be none). */
function unresolved(pattern: AnyPattern, before: ArchDocument, after: ArchDocument, target: PatternTarget): Finding[] {
  const claimed = health(before).findings.filter((f) => pattern.addresses.includes(f.rule) && findingAt(f, target));
  const later = health(after).findings;
  return claimed.filter((f) => later.some((g) => sameProblem(f, g)));
}

describe('pattern registry', () => {
  it('holds at least 40 patterns with unique kebab-case ids', () => {
    expect(PATTERNS.length).toBeGreaterThanOrEqual(40);
    const ids = PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe.each(PATTERNS.map((p) => [p.id, p] as const))('pattern %s', (_id, pattern) => {
  it('declares every field', () => {
    expect(pattern.name.length).toBeGreaterThan(2);
    expect(PATTERN_CATEGORIES).toContain(pattern.category);
    expect(DIFFICULTIES).toContain(pattern.difficulty);
    for (const text of [pattern.problem, pattern.solution, pattern.avoidWhen]) expect(text.length).toBeGreaterThan(80);
    const tradeoffs = Object.values(pattern.tradeoffs).filter((t) => typeof t === 'string' && t.length > 20);
    expect(tradeoffs.length, 'at least two concrete trade-offs').toBeGreaterThanOrEqual(2);
    for (const rule of pattern.addresses) expect(RULE_IDS, `${rule} is a health rule`).toContain(rule);
    expect(() => pattern.params.parse({}), 'every parameter has a default').not.toThrow();
  });

  const preview = parseDocument(pattern.preview);

  it('has a valid preview where it applies and resolves what it claims', () => {
    expect(preview.ok ? [] : preview.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    const doc = (preview as { document: ArchDocument }).document;
    const targets = pattern.appliesTo(doc);
    expect(targets.length, 'its preview shows a place to apply it').toBeGreaterThan(0);
    for (const target of targets) {
      expect(target.reason.length).toBeGreaterThan(20);
      for (const id of target.components) expect(doc.components.map((c) => c.id)).toContain(id);
      expect(pattern.appliesTo(doc, [target.components[0]!]), 'selecting the anchor finds the target').toContainEqual(target);
    }
    // the preview demonstrates every rule the pattern claims to address
    const findings = health(doc).findings;
    for (const rule of pattern.addresses) {
      expect(findings.some((f) => f.rule === rule && targets.some((t) => findingAt(f, t))), `the preview has a ${rule} finding at a target`).toBe(true);
    }
    for (const target of targets) {
      const after = applyAt(pattern, doc, target);
      expect(unresolved(pattern, doc, after, target).map((f) => f.message)).toEqual([]);
      expect(pattern.appliesTo(after).map((t) => t.components), 'applying it removes the target').not.toContainEqual(target.components);
    }
  });

  it('applies correctly on at least two example diagrams', () => {
    const where: string[] = [];
    for (const [name, doc] of DIAGRAMS) {
      const targets = pattern.appliesTo(doc);
      if (targets.length > 0) where.push(name);
      for (const target of targets) {
        const after = applyAt(pattern, doc, target);
        expect(unresolved(pattern, doc, after, target).map((f) => `${name}: ${f.message}`)).toEqual([]);
      }
    }
    expect(where.length, `applies on ${where.join(', ') || 'no diagram'}`).toBeGreaterThanOrEqual(2);
  });
});

describe.each(['cqrs', 'database-sharding', 'active-passive-multi-region', 'active-active-multi-region'])('pattern %s beside a second same-type connection', (id) => {
  it('applies to its preview with one extra read connection that has an explicit id', () => {
    const pattern = PATTERNS.find((p) => p.id === id)!;
    const preview = pattern.preview as { connections: Array<{ from: string; to: string; type: string }> };
    const read = preview.connections.find((c) => c.type === 'read')!;
    // allowed with an explicit id: two reads from the same caller to the same datastore
    const doc = parseDocumentOrThrow({ ...preview, connections: [...preview.connections, { ...read, id: 'hot-reads' }] });
    const targets = pattern.appliesTo(doc);
    expect(targets.some((t) => t.connections.includes('hot-reads')), 'the extra connection is in a target').toBe(true);
    for (const target of targets) {
      const after = applyAt(pattern, doc, target);
      // the copies of the explicit-id connection get ids derived from it; the others keep their default ids
      expect(after.connections.filter((c) => c.id.startsWith('hot-reads-')).length, 'copies of hot-reads').toBeGreaterThan(0);
    }
  });
});

// Two same-type connections between the same components are allowed with explicit ids; whatever a pattern copies,
// moves or reroutes, the ids it derives for the new connections must stay distinct (definePattern sees to it).
describe.each(PATTERNS.map((p) => [p.id, p] as const))('pattern %s with every connection drawn twice', (_id, pattern) => {
  it('still applies at every target', () => {
    const preview = pattern.preview as { connections: Array<{ id?: string; from: string; to: string; type: string }> };
    const twins = preview.connections.map((c, k) => ({ ...c, id: `twin-${k}` }));
    const doc = parseDocumentOrThrow({ ...preview, connections: [...preview.connections, ...twins] });
    for (const target of pattern.appliesTo(doc)) applyAt(pattern, doc, target);
  });
});
