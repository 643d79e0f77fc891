import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../document/apply';
import { parseDocumentOrThrow } from '../document/parse';
import type { ArchDocument } from '../document/schema';
import { health } from '../health/engine';
import { price } from '../pricing/engine';
import { fullPriceBook } from '../testing/node/full-book';
import { recommendPatterns } from './recommend';
import { getPattern } from './registry';
import type { PatternTarget } from './types';

const example = (name: string) => parseDocumentOrThrow(readFileSync(new URL(`../../../../examples/${name}.backarch.json`, import.meta.url), 'utf8'));

/** Applies a recommendation at every target, as the recommendation says it was measured. */
function applyAll(doc: ArchDocument, id: string, targets: PatternTarget[]): ArchDocument {
  let current = doc;
  for (const target of targets) {
    const result = applyChangeSet(current, getPattern(id)!.apply(current, target));
    if (!result.ok) throw new Error(result.errors[0]!.message);
    current = result.document;
  }
  return current;
}

describe('recommendPatterns', () => {
  const book = fullPriceBook();

  it.each(['logistics-first-draft', 'microservices-shop', 'support-desk-first-draft'])('on %s: ranked by points won, each figure reproducible', (name) => {
    const doc = example(name);
    const report = health(doc, { book });
    const recommendations = recommendPatterns(doc, report, { book });
    expect(recommendations.length).toBeGreaterThan(0);
    for (let i = 1; i < recommendations.length; i++) expect(recommendations[i - 1]!.scoreDelta).toBeGreaterThanOrEqual(recommendations[i]!.scoreDelta);
    for (const r of recommendations) {
      expect(r.findingsAddressed.length).toBeGreaterThan(0);
      for (const f of r.findingsAddressed) expect(getPattern(r.pattern)!.addresses).toContain(f.rule);
      const after = applyAll(doc, r.pattern, r.targets);
      expect(health(after, { book }).score - report.score, r.pattern).toBe(r.scoreDelta);
      if (r.estimatedCostDeltaUsd !== null) {
        const delta = Number(price(after, book).totalMonthlyUsd) - Number(price(doc, book).totalMonthlyUsd);
        expect(r.estimatedCostDeltaUsd, r.pattern).toBeCloseTo(delta, 2);
      }
    }
  });

  it('says the cost is unknown, not $0, when the change touches something without a price', () => {
    // the shop's Fargate tasks (arm64/spot) have no price in the book: more of them cost an unknown amount
    const doc = example('microservices-shop');
    const recommendations = recommendPatterns(doc, health(doc, { book }), { book });
    const pool = recommendations.find((r) => r.pattern === 'autoscaling-worker-pool');
    expect(pool).toBeDefined();
    expect(pool!.estimatedCostDeltaUsd).toBeNull();
    const breaker = recommendations.find((r) => r.pattern === 'circuit-breaker');
    expect(breaker?.estimatedCostDeltaUsd).toBe(0);
  });

  it('recommends nothing for a design without findings', () => {
    const doc = parseDocumentOrThrow({ backarch: 1, name: 'Empty', constraints: { cloud: 'aws' } });
    expect(recommendPatterns(doc, health(doc, { book }), { book })).toEqual([]);
  });
});
