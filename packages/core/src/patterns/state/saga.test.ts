import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import { traffic } from '../../traffic/traffic';
import saga from './saga';

/** Checkout (200 requests/s at peak) writes Orders DB and calls Payments, which writes Payments DB. */
const doc = parseDocumentOrThrow(saga.preview);

const apply = (d: ArchDocument, options?: Parameters<typeof saga.apply>[2]) => {
  const result = applyChangeSet(d, saga.apply(d, saga.appliesTo(d)[0]!, options));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
};

describe('saga, choreography', () => {
  it('keeps each participant at the load it had from the synchronous call', () => {
    const before = traffic(doc).components;
    expect(before.get('payments')!.peakRps).toBe(200);
    const after = apply(doc, { variant: 'choreography' });
    // the traffic model feeds the channel only the saga starts: Payments' outcome events go back to it over a back edge (TR3)
    const load = traffic(after).components;
    expect(load.get('checkout-saga-events')!.peakRps).toBe(200);
    expect(load.get('payments')!.peakRps).toBe(200);
    expect(load.get('payments-db')!.peakRps).toBe(200);
    expect(after.connections.find((c) => c.id === 'checkout-saga-events->payments:consume')!.config?.share).toBeUndefined();
  });
});
