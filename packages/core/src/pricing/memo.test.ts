import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentOrThrow } from '../document/parse';
import type { ArchDocument } from '../document/schema';
import { TEMPLATES } from '../templates/registry';
import { fullPriceBook } from '../testing/node/full-book';
import { PRICED_CLOUDS } from './regions';
import { getComponentDef } from '../catalog/catalog';
import { price, priceComponent } from './engine';
import { withConfig } from './pricers/helpers';
import type { PricerContext } from './types';
import { generateArchitecture } from '../testing/generate';
import { traffic } from '../traffic/traffic';

const examplesDir = new URL('../../../../examples/', import.meta.url);
const designs: Array<[string, ArchDocument]> = [
  ...readdirSync(examplesDir)
    .filter((f) => f.endsWith('.backarch.json'))
    .map((f): [string, ArchDocument] => [f, parseDocumentOrThrow(readFileSync(new URL(f, examplesDir), 'utf8'))]),
  ...TEMPLATES.map((t): [string, ArchDocument] => [`template ${t.id}`, parseDocumentOrThrow(t.document)]),
];

describe('a bill shared by components with the same config', () => {
  // price() reuses a pricer's result for every component of the same type, config and place when the pricer did not
  // look at the component's load, connections or document; pricing each component on its own must agree exactly
  it.each(designs)('[PR20] %s: the document bill equals each component priced on its own, on every cloud', (_, doc) => {
    const book = fullPriceBook();
    const load = traffic(doc);
    for (const cloud of [undefined, ...PRICED_CLOUDS]) {
      const bill = price(doc, book, { ...(cloud && { cloud }), traffic: load });
      doc.components.forEach((component, i) => {
        expect(bill.components[i]).toEqual(priceComponent(doc, component, book, load, cloud).priced);
      });
    }
  });

  it('[PR21] identical services share one bill; functions priced by their traffic do not', () => {
    const doc = parseDocumentOrThrow({
      backarch: 1,
      name: 'shared',
      constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 } },
      components: [
        { id: 'web', type: 'client.web' },
        { id: 'a', type: 'service', config: { replicas: 3 } },
        { id: 'b', type: 'service', config: { replicas: 3 } },
        { id: 'c', type: 'service', config: { replicas: 4 } },
        { id: 'f', type: 'aws.lambda', config: { memoryMb: 512 } },
        { id: 'g', type: 'aws.lambda', config: { memoryMb: 512 } },
      ],
      connections: [
        { id: 'w-a', from: 'web', to: 'a', type: 'http' },
        { id: 'a-f', from: 'a', to: 'f', type: 'http' },
        { id: 'w-g', from: 'web', to: 'g', type: 'http', config: { share: 0.1 } },
      ],
    });
    const bill = price(doc, fullPriceBook());
    const of = (id: string) => bill.components.find((c) => c.id === id)!;
    expect(of('a').costComponents).toBe(of('b').costComponents);
    expect(of('c').monthlyUsd).not.toBe(of('a').monthlyUsd);
    expect(Number(of('c').monthlyUsd)).toBeCloseTo((Number(of('a').monthlyUsd) * 4) / 3, 6);
    // f gets all of a's 100 requests/s, g a tenth of the clients' traffic
    expect(Number(of('f').monthlyUsd)).toBeGreaterThan(Number(of('g').monthlyUsd));
  });

  it('[PR22] a design whose configs never repeat (sharing switched off part-way) prices as each component on its own', () => {
    const base = generateArchitecture({ shape: 'random', components: 400, seed: 4 });
    const doc = { ...base, components: base.components.map((c, i) => (c.type === 'service' ? { ...c, config: { ...c.config, memoryMb: 512 + 8 * i } } : c)) };
    const book = fullPriceBook();
    const load = traffic(doc);
    const bill = price(doc, book, { traffic: load });
    doc.components.forEach((component, i) => expect(bill.components[i]).toEqual(priceComponent(doc, component, book, load).priced));
    const services = doc.components.filter((c) => c.type === 'service');
    expect(services.length).toBeGreaterThan(300);
    expect(new Set(services.map((c) => JSON.stringify(c.config))).size).toBe(services.length);
  });
});

describe('withConfig', () => {
  it('[PR23] a delegating pricer sees another config and reads everything else through the original context', () => {
    let reads = 0;
    const load = { peakRps: 5, averageRps: 2, monthlyRequests: 100, egressGb: 1 };
    const ctx = {
      def: getComponentDef('aws.ec2')!,
      config: { instanceType: 't3.large' },
      cloud: 'aws',
      region: 'us-east-1',
      term: 'on-demand',
      book: fullPriceBook(),
      get load() {
        reads++;
        return load;
      },
    } as unknown as PricerContext;
    const derived = withConfig(ctx, { instanceType: 'm5.large' });
    expect(derived.config).toEqual({ instanceType: 'm5.large' });
    expect(derived.def).toBe(ctx.def);
    expect(reads).toBe(0); // nothing read until the delegate asks
    expect(derived.load).toBe(load);
    expect(reads).toBe(1); // read through the original, so the engine knows the bill depends on the load
  });
});
