import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocument, parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument, Connection } from '../../document/schema';
import timeout from '../resilience/timeout';
import pattern from './anti-corruption-layer';

/** Customer support on GCP: the ticketing service calls the legacy CRM directly (10 s × 3 attempts) behind a 30 s API Gateway. */
const desk = parseDocumentOrThrow(readFileSync(new URL('../../../../../examples/support-desk-first-draft.backarch.json', import.meta.url), 'utf8'));
const preview = parseDocumentOrThrow(JSON.stringify(pattern.preview));

function applied(doc: ArchDocument, params?: Record<string, unknown>): ArchDocument {
  const [target] = pattern.appliesTo(doc);
  const result = applyChangeSet(doc, pattern.apply(doc, target!, params));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
}

const connection = (doc: ArchDocument, id: string): Connection => doc.connections.find((c) => c.id === id)!;
/** Timeout targets that involve the adapter: a caller giving up before the adapter's own call can finish, or no timeout. */
const adapterTimeouts = (doc: ArchDocument, adapter: string) => timeout.appliesTo(doc).filter((t) => t.components.includes(adapter));

describe('anti-corruption-layer', () => {
  it('gives the caller a timeout covering the adapter’s attempts, and keeps the call’s label and notes', () => {
    const after = applied(preview);
    // Orders has no deadline of its own: 10 s × 3 attempts = 30 s, plus 10 %, rounded up to the second
    expect(connection(after, 'orders->erp-adapter:http').config).toEqual({ circuitBreaker: true, timeoutMs: 34000, share: 0.3 });
    expect(connection(after, 'erp-adapter->erp:http').config).toEqual({ timeoutMs: 10000, retries: 2 });
    expect(adapterTimeouts(after, 'erp-adapter')).toEqual([]);

    const labelled = parseDocument({
      ...(pattern.preview as object),
      connections: (pattern.preview as { connections: Array<Record<string, unknown>> }).connections.map((c) =>
        c.to === 'erp' ? { ...c, label: 'Stock and invoices', notes: 'SOAP 1.1 over VPN, 20 requests/s at most.' } : c,
      ),
    });
    if (!labelled.ok) throw new Error('invalid document');
    const withLabel = applied(labelled.document);
    expect(connection(withLabel, 'orders->erp-adapter:http')).toMatchObject({ label: 'Stock and invoices' });
    expect(connection(withLabel, 'orders->erp-adapter:http').notes).toBeUndefined();
    expect(connection(withLabel, 'erp-adapter->erp:http')).toMatchObject({ label: 'Stock and invoices', notes: 'SOAP 1.1 over VPN, 20 requests/s at most.' });
  });

  it('nests the timeouts inside the caller’s own deadline, leaving the timeout pattern nothing to fix there', () => {
    // before: Ticketing waits 10 s × 3 for the CRM, and API Gateway gives it 30 s
    expect(timeout.appliesTo(desk, ['legacy-crm']).map((t) => t.components)).toEqual([['tickets', 'legacy-crm']]);
    const after = applied(desk);
    const outer = connection(after, 'tickets->legacy-crm-adapter:http');
    const inner = connection(after, 'legacy-crm-adapter->legacy-crm:http');
    expect(outer).toMatchObject({ label: 'Customer & entitlement lookup, case sync', config: { circuitBreaker: true, timeoutMs: 27000, share: 0.15 } });
    expect(inner).toMatchObject({ label: 'Customer & entitlement lookup, case sync', config: { timeoutMs: 8100, retries: 2 } });
    expect(3 * (inner.config!.timeoutMs as number)).toBeLessThan(outer.config!.timeoutMs as number);
    expect(adapterTimeouts(after, 'legacy-crm-adapter')).toEqual([]);
    expect(timeout.appliesTo(after, ['legacy-crm'])).toEqual([]);
  });

  it('fits the adapter’s attempts into a timeout given as a parameter', () => {
    const after = applied(preview, { timeoutMs: 5000 });
    expect(connection(after, 'orders->erp-adapter:http').config).toMatchObject({ timeoutMs: 5000 });
    expect(connection(after, 'erp-adapter->erp:http').config).toEqual({ timeoutMs: 1500, retries: 2 });
    expect(adapterTimeouts(after, 'erp-adapter')).toEqual([]);
  });
});
