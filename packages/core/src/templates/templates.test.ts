import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../document/apply';
import { parseDocument, parseDocumentOrThrow } from '../document/parse';
import { serializeDocument } from '../document/serialize';
import { health } from '../health/engine';
import { price } from '../pricing/engine';
import { fullPriceBook } from '../testing/node/full-book';
import { templateChangeSet } from './apply';
import { getTemplate, TEMPLATES } from './registry';

const book = fullPriceBook();

/**
 * Cost lines the price book has no price for, by template, as "component: line". Every other line must be priced.
 * AWS: the book holds no CloudWatch custom-metric or dashboard prices, no X-Ray prices and no DynamoDB
 * point-in-time-recovery storage price (packages/pricebook README, "known gaps"), and a production AWS design needs
 * all three (metrics and traces for the observability rule, PITR on every table). GCP: Cloud CDN cache fill has no
 * price, and a public storefront needs its CDN.
 */
const KNOWN_UNPRICED: Record<string, string[]> = {
  serverless: ['table: Point-in-time recovery (10 GB)', 'cloudwatch: Custom metrics (100)', 'cloudwatch: Dashboards (2)', 'xray: Traces recorded'],
  'event-driven': ['stock: Point-in-time recovery (10 GB)', 'cloudwatch: Custom metrics (100)', 'cloudwatch: Dashboards (2)', 'xray: Traces recorded'],
  microservices: ['cdn: Cache fill (10 % misses)'],
};

describe('templates', () => {
  it('[TPL1] has the seven required templates, with unique kebab-case ids, on every cloud', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect([...ids].sort()).toEqual(['cqrs', 'event-driven', 'microservices', 'rag-llm-app', 'serverless', 'strangler-fig-migration', 'three-tier-web-app']);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const clouds = new Set(TEMPLATES.map((t) => parseDocumentOrThrow(t.document).constraints.cloud));
    expect([...clouds].sort()).toEqual(['aws', 'azure', 'gcp']);
    for (const t of TEMPLATES) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, template) => {
    const parsed = parseDocument(template.document);
    const doc = () => {
      if (!parsed.ok) throw new Error('does not parse');
      return parsed.document;
    };

    it('[TPL2] parses without errors', () => {
      expect(parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    });

    it('[TPL3] is in canonical form', () => {
      expect(`${JSON.stringify(template.document, null, 2)}\n`).toBe(serializeDocument(doc()));
    });

    it('[TPL4] says when to use it, in two or three sentences', () => {
      const sentences = template.whenToUse.split(/(?<=[.;!?])\s+(?=[A-Z])/).filter((s) => s.trim().length > 0);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(template.whenToUse.length).toBeGreaterThan(200);
      expect(template.name.length).toBeGreaterThan(0);
    });

    it('[TPL5] is a complete design: constraints, labels, positions, everything wired', () => {
      const d = doc();
      const c = d.constraints;
      expect(c.cloud && c.region && c.budgetUsdPerMonth?.max && c.traffic && c.teamSize).toBeTruthy();
      expect(d.description?.length).toBeGreaterThan(200);
      expect(d.components.length).toBeGreaterThanOrEqual(10);
      const wired = new Set(d.connections.flatMap((x) => [x.from, x.to]));
      for (const component of d.components) {
        expect(component.label, component.id).toBeTruthy();
        expect(component.position, component.id).toBeDefined();
        expect(wired.has(component.id), `${component.id} has no connection`).toBe(true);
      }
      // clients sit in the leftmost column
      const minX = Math.min(...d.components.map((x) => x.position!.x));
      for (const client of d.components.filter((x) => x.type.startsWith('client.'))) expect(client.position!.x, client.id).toBe(minX);
    });

    it('[TPL6] uses only its own cloud (or neutral and SaaS types)', () => {
      const d = doc();
      const cloud = d.constraints.cloud!;
      for (const component of d.components) {
        const prefix = component.type.split('.')[0]!;
        if (['aws', 'gcp', 'azure'].includes(prefix)) expect(prefix, component.id).toBe(cloud);
      }
      expect(health(d, { book }).findings.filter((f) => f.rule === 'cloud-mismatch')).toEqual([]);
    });

    it('[TPL7] prices on its cloud with every line priced that the book can price', () => {
      const d = doc();
      const bill = price(d, book);
      expect(bill.cloud).toBe(d.constraints.cloud);
      const unpriced = bill.unpriced.map((u) => `${u.id}: ${(u.line ?? '(component)').replace(/ \([\d,]+\)$/, '')}`);
      const known = (KNOWN_UNPRICED[id] ?? []).map((line) => line.replace(/ \([\d,]+\)$/, ''));
      expect(unpriced.sort()).toEqual([...known].sort());
      expect(bill.incomplete).toBe(known.length > 0);
      expect(Number(bill.totalMonthlyUsd)).toBeGreaterThan(0);
    });

    it('[TPL8] scores at least 80 on its own constraints', () => {
      const report = health(doc(), { book });
      expect(report.findings.map((f) => `${f.rule}: ${f.message}`).slice(0, report.score >= 80 ? 0 : undefined)).toEqual([]);
      expect(report.score).toBeGreaterThanOrEqual(80);
    });

    it('[TPL9] fits its budget', () => {
      const d = doc();
      expect(Number(price(d, book).totalMonthlyUsd)).toBeLessThanOrEqual(d.constraints.budgetUsdPerMonth!.max!);
      expect(health(d, { book }).findings.filter((f) => f.rule === 'budget')).toEqual([]);
    });

    it('[TPL10] its change set builds it on an empty document', () => {
      const d = doc();
      const changeSet = templateChangeSet(template);
      expect(changeSet.origin).toBe(`template:${id}`);
      expect(changeSet.summary).toBe(`Start from the ${template.name} template`);
      expect(changeSet.ops.map((op) => op.op)).toEqual([
        'setConstraints',
        ...d.components.map(() => 'addComponent'),
        ...d.connections.map(() => 'addConnection'),
      ]);
      const empty = parseDocumentOrThrow({ backarch: 1, name: d.name, ...(d.description !== undefined && { description: d.description }) });
      const result = applyChangeSet(empty, changeSet);
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) return;
      expect(serializeDocument(result.document)).toBe(serializeDocument(d));
      expect(result.document).toEqual(d);
    });
  });
});
