import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import { traffic } from '../../traffic/traffic';
import blueGreen from './blue-green-deployment';

type Preview = { components: Array<{ id: string; config?: Record<string, unknown> }> };

/** The preview with Orders' load given by a usage override (TR5): 2,628,000 requests a month, 1/s on average, 3/s at peak. */
const preview = blueGreen.preview as Preview;
const doc = parseDocumentOrThrow({
  ...preview,
  components: preview.components.map((c) => (c.id === 'orders' ? { ...c, config: { ...c.config, usage: { monthlyRequests: 2_628_000 } } } : c)),
});

const apply = (d: ArchDocument) => {
  const result = applyChangeSet(d, blueGreen.apply(d, blueGreen.appliesTo(d)[0]!));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
};

describe('blue-green deployment with a usage override', () => {
  it('gives the green copy no override of its own, so the load downstream is not doubled', () => {
    const before = traffic(doc).components;
    expect(before.get('db')!.peakRps).toBeCloseTo(3);
    const after = apply(doc);
    const green = after.components.find((c) => c.id === 'orders-green')!;
    expect(green.config?.usage).toBeUndefined();
    expect(after.components.find((c) => c.id === 'orders')!.config?.usage).toEqual({ monthlyRequests: 2_628_000 });
    const load = traffic(after).components;
    expect(load.get('orders-green')!.peakRps).toBe(0);
    expect(load.get('db')!.peakRps).toBeCloseTo(3);
  });
});
