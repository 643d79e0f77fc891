import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../document/apply';
import { parseDocumentOrThrow } from '../document/parse';
import { PRICE_SLICE } from '../testing/price-slice';
import { SECONDS_PER_MONTH } from '../traffic/traffic';
import { decimal, sub, toText } from './decimal';
import { costOf, price } from './engine';
import { createPriceBook } from './price-book';

const book = createPriceBook(PRICE_SLICE);
const doc = (components: object[], connections: object[] = [], constraints: object = { cloud: 'aws', region: 'us-east-1' }) =>
  parseDocumentOrThrow({ backarch: 1, name: 'bill', constraints, components, connections });
const component = (result: ReturnType<typeof price>, id: string) => result.components.find((c) => c.id === id)!;

describe('price', () => {
  it('[PR1] t3.large → t3.xlarge moves the bill by exactly (0.1664 − 0.0832) × 730', () => {
    const before = doc([{ id: 'vm', type: 'aws.ec2', config: { instanceType: 't3.large' } }]);
    const change = applyChangeSet(before, { origin: 'user', summary: 'bigger', ops: [{ op: 'updateComponent', id: 'vm', config: { instanceType: 't3.xlarge' } }] });
    if (!change.ok) throw new Error('change failed');
    const a = price(before, book);
    const b = price(change.document, book);
    const hours = (r: ReturnType<typeof price>) => component(r, 'vm').costComponents[0]!;
    expect(hours(a)).toMatchObject({ name: 'Instance usage (Linux, on-demand, t3.large)', quantity: 730, unit: 'hours', unitPriceUsd: '0.0832', monthlyUsd: '60.736' });
    expect(hours(b).monthlyUsd).toBe('121.472');
    expect(toText(sub(decimal(hours(b).monthlyUsd!), decimal(hours(a).monthlyUsd!)))).toBe('60.736');
    expect(hours(a).source).toMatchObject({ file: 'aws/karpenter-ec2-ondemand-linux-us-east-1.json', trust: 'A', effectiveDate: '2026-07-20' });
  });

  it('[PR2] a price the book does not have is never $0: the line is unknown and listed as unpriced', () => {
    const result = price(doc([{ id: 'vm', type: 'aws.ec2', config: { instanceType: 't3.large', storageGb: 50 } }]), book);
    const disk = component(result, 'vm').costComponents[1]!;
    expect(disk).toMatchObject({ name: 'Storage (EBS gp3) (50 GB × 1)', unitPriceUsd: null, monthlyUsd: null, missing: 'no price for ebs gp3 in us-east-1' });
    expect(result.unpriced).toEqual([{ id: 'vm', line: 'Storage (EBS gp3) (50 GB × 1)', reason: 'no price for ebs gp3 in us-east-1' }]);
    expect(result.incomplete).toBe(true);
    expect(component(result, 'vm').monthlyUsd).toBe('60.736'); // only what is known
  });

  it('[PR3] another region falls back to the reference region, labelled an estimate', () => {
    const result = price(doc([{ id: 'vm', type: 'aws.ec2', config: { instanceType: 'm5.large' } }], [], { cloud: 'aws', region: 'eu-west-1' }), book);
    const line = component(result, 'vm').costComponents[0]!;
    expect(line.estimate).toBe('no price for ec2 m5.large in eu-west-1; estimated with the us-east-1 list price');
    expect(line.monthlyUsd).toBe('70.08');
    expect(result.hasEstimates).toBe(true);
  });

  it('[PR4] a reserved term with no reserved price is unpriced, not silently on-demand', () => {
    const result = price(doc([{ id: 'vm', type: 'aws.ec2', config: { instanceType: 't3.large', term: 'reserved-1y' } }]), book);
    expect(component(result, 'vm').costComponents[0]).toMatchObject({ monthlyUsd: null, missing: 'no price for ec2 t3.large (reserved-1y) in us-east-1' });
  });

  it('[PR5] Multi-AZ PostgreSQL uses the Multi-AZ instance price', () => {
    const result = price(doc([{ id: 'db', type: 'postgresql', config: { instanceType: 'db.t4g.medium', multiAz: true } }]), book);
    expect(component(result, 'db').costComponents[0]).toMatchObject({ name: 'Database instance (on-demand, Multi-AZ, db.t4g.medium)', unitPriceUsd: '0.129', monthlyUsd: '94.17' });
    expect(component(result, 'db').product).toBe('RDS for PostgreSQL db.t4g.medium');
  });

  it('[PR6] usage-based costs follow the traffic model: Lambda requests and GB-seconds', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'fn', type: 'aws.lambda', config: { memoryMb: 1024, usage: { averageDurationMs: 100 } } },
      ],
      [{ from: 'web', to: 'fn', type: 'http' }],
      { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 30 } },
    );
    const result = price(d, book);
    const requests = 10 * SECONDS_PER_MONTH; // average 10 rps
    const [req, duration] = component(result, 'fn').costComponents;
    expect(req).toMatchObject({ quantity: requests / 1e6, usageBased: true, monthlyUsd: toText(decimal(((requests / 1e6) * 0.2).toFixed(6))) });
    expect(duration!.quantity).toBeCloseTo(requests * 0.1 * 1, 6);
    expect(Number(duration!.monthlyUsd)).toBeCloseTo(requests * 0.1 * 0.0000166667, 6);
    expect(component(result, 'web')).toMatchObject({ free: true, monthlyUsd: '0' });
  });

  it('[PR7] LLM tokens are priced per 1M input and output tokens in the same total', () => {
    const d = doc(
      [
        { id: 'web', type: 'client.web' },
        { id: 'claude', type: 'llm.anthropic', config: { model: 'claude-sonnet-4-5', usage: { monthlyRequests: 1_000_000, inputTokensPerRequest: 2000, outputTokensPerRequest: 500 } } },
      ],
      [{ from: 'web', to: 'claude', type: 'http' }],
    );
    const result = price(d, book);
    const llm = component(result, 'claude');
    expect(llm.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Input tokens (claude-sonnet-4-5)', 2000, '6000'],
      ['Output tokens (claude-sonnet-4-5)', 500, '7500'],
    ]);
    expect(result.totalMonthlyUsd).toBe('13500');
  });

  it('[PR8] tiered prices charge each tier for its part of the quantity', () => {
    const sqs = PRICE_SLICE.find((r) => r.service === 'sqs')!;
    expect(toText(costOf(sqs, 0.5))).toBe('0');
    expect(toText(costOf(sqs, 3))).toBe('0.8'); // first 1M free, then 2M × 0.40
  });

  it('[PR9] a type without a pricer is reported, not priced at $0', () => {
    const result = price(doc([{ id: 'search', type: 'pinecone' }]), book);
    expect(result.unpriced).toEqual([{ id: 'search', reason: 'Pinecone (pinecone) has no prices in the price book' }]);
    expect(component(result, 'search').monthlyUsd).toBeNull();
    expect(result.incomplete).toBe(true);
  });
});

describe('reserved and spot terms', () => {
  it('[PR10] price the term where the book has it and show what on-demand would cost', async () => {
    const { billOf } = await import('../testing/price-slice-aws');
    const bill = billOf('vm', [{ id: 'vm', type: 'aws.ec2', config: { instanceType: 'm5.large', term: 'reserved-1y' } }]);
    expect(bill.line('Instance usage (Linux, reserved 1y, m5.large)')).toMatchObject({ unitPriceUsd: '0.06', monthlyUsd: '43.8', onDemandMonthlyUsd: '70.08' });
  });
});
