import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchGcpSkuPages, parseGcpBilling, type GcpSkuPage } from './gcp-billing';
import { FormatError } from './types';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../../shared/pricing-sources/', import.meta.url).pathname;
const load = <T = unknown>(path: string) => JSON.parse(readFileSync(`${SOURCES}/${path}`, 'utf8')) as T;
const PAGE = 'formats/gcp-cloudbilling-skus-page-opencost.json';
const VPN = 'formats/gcp-cloudbilling-sku-vpn-egress-cyclenerd.json';

describe('parseGcpBilling: Compute Engine SKUs page (opencost)', () => {
  const result = parseGcpBilling(load(PAGE), { sourceFile: PAGE });

  it('books USD core and RAM SKUs from units + nanos, one record per service region', () => {
    const core = result.records.filter((r) => r.sku === 'a2-core');
    expect(core.map((r) => r.region)).toEqual(['us-central1', 'us-east1', 'us-west1']);
    expect(core[0]).toEqual({
      cloud: 'gcp',
      service: 'compute-engine',
      sku: 'a2-core',
      region: 'us-central1',
      term: 'on-demand',
      unit: 'vCPU-hour',
      usd: '0.031611', // units "0" + nanos 31611000
      attributes: { family: 'a2', component: 'core' },
      source: { file: PAGE, key: '2922-40C5-B19F', trust: 'A' },
      effectiveDate: '2023-03-24',
    });
    expect(result.records.find((r) => r.sku === 'a2-ram')).toMatchObject({ unit: 'GB-hour', usd: '0.004237', attributes: { family: 'a2', component: 'ram', dataUnit: 'GiB' } });
    expect(result.records).toHaveLength(6);
  });

  it('never takes IDR for USD: the E2 and T2D rows are skipped with the IDR price and the reason', () => {
    const e2core = result.skipped.find((s) => s.key.startsWith('CF4E-A0C7-E3BF'));
    expect(e2core).toEqual({
      key: 'CF4E-A0C7-E3BF (E2 Instance Core running in Americas)',
      reason:
        "priced in IDR, not USD: 327.173848364 IDR per h (the response's currencyConversionRate is 14999.999925 IDR per USD); request currencyCode=USD or pass a IDR rate",
    });
    expect(result.skipped.filter((s) => s.reason.startsWith('priced in IDR'))).toHaveLength(4);
    expect(result.skipped.find((s) => s.key.startsWith('039F-D0DA-4055'))?.reason).toMatch(/^GPU SKUs have no vocabulary entry/);
  });

  it('converts IDR when the caller supplies the rate: E2 core = 327.173848364 IDR ÷ 14999.999925', () => {
    const converted = parseGcpBilling(load(PAGE), { sourceFile: PAGE, currencyRates: { IDR: '14999.999925' } });
    const e2 = converted.records.find((r) => r.sku === 'e2-core' && r.region === 'us-central1');
    expect(e2).toMatchObject({ unit: 'vCPU-hour', usd: '0.02181159', source: { key: 'CF4E-A0C7-E3BF (converted from IDR at 14999.999925 per USD)' } });
    expect(converted.records.find((r) => r.sku === 'e2-ram')?.usd).toBe('0.00292353');
    expect(converted.records.find((r) => r.sku === 't2d-core')).toMatchObject({ region: 'asia-southeast1', usd: '0.033929' });
  });
});

describe('parseGcpBilling: VPN egress SKU (three tiers)', () => {
  it('books the 0 / 1024 / 10240 GiB tiers per region', () => {
    const result = parseGcpBilling(load(VPN), { sourceFile: VPN });
    expect(result.records).toHaveLength(3);
    expect(result.records[0]).toEqual({
      cloud: 'gcp',
      service: 'data-transfer',
      sku: 'vpn-internet-egress',
      region: 'us-central1',
      term: 'on-demand',
      unit: 'GB',
      usd: '0.12',
      tiers: [
        { from: '0', usd: '0.12' },
        { from: '1024', usd: '0.11' },
        { from: '10240', usd: '0.08' },
      ],
      attributes: { origin: 'americas', destination: 'africa', dataUnit: 'GiB' },
      source: { file: VPN, key: '02EE-77CE-ACCD', trust: 'A' },
      effectiveDate: '2021-11-26',
    });
  });

  it('converts other usage units through baseUnitConversionFactor (per TiB → per GB is ÷ 1024)', () => {
    const sku = structuredClone(load<GcpSkuPage>(VPN).skus[0]!);
    const expression = sku.pricingInfo![0]!.pricingExpression!;
    expression.usageUnit = 'TiBy';
    expression.baseUnitConversionFactor = 2 ** 40;
    expression.tieredRates = [{ startUsageAmount: 0, unitPrice: { currencyCode: 'USD', units: '122', nanos: 880000000 } }, { startUsageAmount: 1, unitPrice: { currencyCode: 'USD', units: '112', nanos: 640000000 } }];
    const record = parseGcpBilling({ skus: [sku] }, { sourceFile: 'x' }).records[0]!;
    expect(record.usd).toBe('0.12');
    expect(record.tiers).toEqual([
      { from: '0', usd: '0.12' },
      { from: '1024', usd: '0.11' },
    ]);
  });
});

describe('fetchGcpSkuPages', () => {
  it('follows nextPageToken', async () => {
    const first = load<GcpSkuPage>(PAGE);
    const second = load<GcpSkuPage>(VPN);
    const urls: string[] = [];
    const pages = await fetchGcpSkuPages('6F81-5844-456A', async (url) => {
      urls.push(url);
      return url.includes('pageToken=') ? second : first;
    });
    expect(pages).toHaveLength(2);
    expect(urls[0]).toBe('https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus?currencyCode=USD&pageSize=5000');
    expect(urls[1]).toContain(`pageToken=${encodeURIComponent(first.nextPageToken!)}`);
    expect(parseGcpBilling(pages, { sourceFile: 'x' }).records).toHaveLength(9);
  });

  it('refuses another format with a clear error', () => {
    expect(() => parseGcpBilling(load('formats/aws-pricing-api-getproducts-item-m5.large-us-east-1.json'), { sourceFile: 'x' })).toThrow(FormatError);
    expect(() => parseGcpBilling({ Items: [] }, { sourceFile: 'x' })).toThrow(/not a Cloud Billing Catalog SKUs page .* found keys: Items/);
  });
});
