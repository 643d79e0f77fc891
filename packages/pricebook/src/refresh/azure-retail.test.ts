import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchAzureRetailPages, parseAzureRetail, parseUnitOfMeasure, type AzureRetailItem, type AzureRetailPage } from './azure-retail';
import { FormatError } from './types';

const SOURCES = process.env.PRICING_SOURCES ?? new URL('../../../../../shared/pricing-sources/', import.meta.url).pathname;
const load = <T = unknown>(path: string) => JSON.parse(readFileSync(`${SOURCES}/${path}`, 'utf8')) as T;
const B1S = 'formats/azure-retail-prices-eastus-standard_b1s.json';
const D2S = 'formats/azure-retail-prices-eastus-standard_d2s_v3-consumption.json';
const FUNCTIONS = 'formats/azure-retail-prices-eastus-functions-consumption.json';

describe('parseAzureRetail: virtual machines', () => {
  it('books Linux Standard_B1s in eastus at 0.0104/h and skips the Windows meter', () => {
    const result = parseAzureRetail(load(B1S), { sourceFile: B1S });
    expect(result.records).toEqual([
      {
        cloud: 'azure',
        service: 'vm',
        sku: 'Standard_B1s',
        region: 'eastus',
        term: 'on-demand',
        unit: 'hour',
        usd: '0.0104',
        attributes: { os: 'linux' },
        source: { file: B1S, key: 'f4d7a5a5-1b67-45ea-b1a0-282fbdd34b05', trust: 'A' },
        effectiveDate: '2025-10-01',
      },
    ]);
    expect(result.skipped).toEqual([{ key: expect.stringContaining('Virtual Machines BS Series Windows'), reason: expect.stringMatching(/^Windows/) }]);
  });

  it('books D2s v3 on-demand and Spot, and skips Windows and Low Priority', () => {
    const result = parseAzureRetail(load(D2S), { sourceFile: D2S });
    expect(result.records.map((r) => [r.sku, r.term, r.usd])).toEqual([
      ['Standard_D2s_v3', 'spot', '0.018816'],
      ['Standard_D2s_v3', 'on-demand', '0.096'],
    ]);
    expect(result.skipped.map((s) => s.reason.split(' (')[0])).toEqual(['Windows', 'Low Priority', 'Windows', 'Windows']);
  });

  it('books reservations per hour from the whole-term price the API states', () => {
    // Shape of a Reservation item; the price is the 1-year total (unitOfMeasure still says "1 Hour").
    const base = load<AzureRetailPage>(D2S).Items.find((i) => i.meterName === 'D2s v3' && !i.productName?.endsWith('Windows'))!;
    const reservation: AzureRetailItem = { ...base, type: 'Reservation', reservationTerm: '1 Year', retailPrice: 504, unitPrice: 504, meterId: 'reservation-meter' };
    const result = parseAzureRetail({ Items: [reservation], NextPageLink: null }, { sourceFile: 'test' });
    expect(result.records).toEqual([
      expect.objectContaining({ sku: 'Standard_D2s_v3', term: 'reserved-1y', unit: 'hour', usd: '0.0575342466', attributes: { os: 'linux', commitment: 'reservation', termUsd: '504' } }),
    ]);
  });
});

describe('parseAzureRetail: Functions (Consumption plan)', () => {
  const result = parseAzureRetail(load(FUNCTIONS), { sourceFile: FUNCTIONS });
  const get = (sku: string) => result.records.find((r) => r.service === 'functions' && r.sku === sku);

  it('books executions at 0.20 per 1M above the free million ("10" executions × 100,000)', () => {
    expect(get('executions')).toMatchObject({
      region: 'eastus',
      unit: '1M requests',
      usd: '0',
      tiers: [
        { from: '0', usd: '0' },
        { from: '1', usd: '0.2' },
      ],
      source: { key: '4e5cd9e2-c20f-4d7f-acbe-58931b8b49ef' },
    });
  });

  it('books execution time at 0.000016 per GB-s above 400,000 GB-s', () => {
    expect(get('execution-time')).toMatchObject({
      unit: 'GB-second',
      usd: '0',
      tiers: [
        { from: '0', usd: '0' },
        { from: '400000', usd: '0.000016' },
      ],
    });
  });

  it('books Flex Consumption on-demand and Elastic Premium meters, and skips Flex "Always Ready"', () => {
    expect(get('flex-executions')).toMatchObject({ unit: '1M requests', usd: '0', tiers: [{ from: '0', usd: '0' }, { from: '0.25', usd: '0.4' }] });
    expect(get('flex-execution-time')).toMatchObject({ unit: 'GB-second', usd: '0', tiers: [{ from: '0', usd: '0' }, { from: '100000', usd: '0.000026' }] });
    expect(get('premium-vcpu')).toMatchObject({ unit: 'vCPU-hour', usd: '0.173' });
    expect(get('premium-memory')).toMatchObject({ unit: 'GB-hour', usd: '0.0123' }); // "1 GiB Hour"
    expect(result.records).toHaveLength(6);
    expect(result.skipped.map((s) => s.key.replace(/^\S+ /, ''))).toEqual([
      '(Flex Consumption / Always Ready Execution Time)',
      '(Flex Consumption / Always Ready Total Executions)',
      '(Flex Consumption / Always Ready Baseline)',
    ]);
    expect(result.skipped[0]!.reason).toBe('no vocabulary mapping for Functions: Flex Consumption / Always Ready / Always Ready Execution Time');
  });
});

describe('fetchAzureRetailPages', () => {
  it('follows NextPageLink, and tiers of one meter split across pages still form one record', async () => {
    const items = load<AzureRetailPage>(FUNCTIONS).Items;
    const pages: Record<string, AzureRetailPage> = {
      'https://prices.azure.com/api/retail/prices?$filter=x': { Items: items.slice(0, 6), NextPageLink: 'https://prices.azure.com/api/retail/prices?$filter=x&$skip=6', Count: 6 },
      'https://prices.azure.com/api/retail/prices?$filter=x&$skip=6': { Items: items.slice(6), NextPageLink: null, Count: items.length - 6 },
    };
    const fetched: string[] = [];
    const progress: Array<[number, number]> = [];
    const all = await fetchAzureRetailPages(
      'https://prices.azure.com/api/retail/prices?$filter=x',
      async (url) => {
        fetched.push(url);
        return pages[url];
      },
      { onPage: (p, n) => progress.push([p, n]) },
    );
    expect(fetched).toHaveLength(2);
    expect(progress).toEqual([
      [1, 6],
      [2, 13],
    ]);
    // "Standard Total Executions" has its free tier on page 1 and its paid tier on page 2.
    expect(parseAzureRetail(all, { sourceFile: 'x' }).records).toEqual(parseAzureRetail(load(FUNCTIONS), { sourceFile: 'x' }).records);
  });

  it('stops on a page that is not a Retail Prices page, and on a repeating link', async () => {
    await expect(fetchAzureRetailPages('u1', async () => ({ error: 'throttled' }))).rejects.toThrow(/u1 did not return a Retail Prices page/);
    await expect(fetchAzureRetailPages('u1', async () => ({ Items: [], NextPageLink: 'u1' }))).rejects.toThrow(/NextPageLink repeats/);
  });
});

describe('parseAzureRetail: units of measure', () => {
  it('reads the API’s unitOfMeasure strings', () => {
    expect(parseUnitOfMeasure('1 Hour')).toEqual({ quantity: '1', dimension: 'hour' });
    expect(parseUnitOfMeasure('1/Hour')).toEqual({ quantity: '1', dimension: 'hour' });
    expect(parseUnitOfMeasure('1 GB Second')).toEqual({ quantity: '1', dimension: 'GB-second' });
    expect(parseUnitOfMeasure('10')).toEqual({ quantity: '10', dimension: 'count' });
    expect(parseUnitOfMeasure('10K')).toEqual({ quantity: '10000', dimension: 'count' });
    expect(parseUnitOfMeasure('1M')).toEqual({ quantity: '1000000', dimension: 'count' });
    expect(parseUnitOfMeasure('1 GB/Month')).toEqual({ quantity: '1', dimension: 'GB-month' });
    expect(parseUnitOfMeasure('1/Month')).toEqual({ quantity: '1', dimension: 'month' });
    expect(parseUnitOfMeasure('1 GiB Hour')).toEqual({ quantity: '1', dimension: 'GB-hour' });
    expect(parseUnitOfMeasure('10K/Month')).toEqual({ quantity: '10000', dimension: 'month' }); // per 10K items a month
    expect(parseUnitOfMeasure('1/Day')).toBeUndefined();
  });

  it('converts storage meters: "1 GB/Month" capacity, "10K" operations → per 1K, "1/Month" disks', () => {
    // Rows of azure/radar-…-storage-… (raw Retail API items, westeurope), back in the API's item shape.
    const radar = load<{ columns: string[]; rows: unknown[][] }>('azure/radar-azure-retail-storage-westeurope-northeurope-2026-08-22.json');
    const items = radar.rows
      .map((row) => Object.fromEntries(radar.columns.map((c, i) => [c, row[i]])) as AzureRetailItem & { savingsPlan1YearRetailPrice?: unknown })
      .filter((i) => i.armRegionName === 'westeurope' && i.productName === 'General Block Blob v2' && ['Cool LRS Data Stored', 'Hot LRS Write Operations'].includes(i.meterName!))
      .concat(
        radar.rows
          .map((row) => Object.fromEntries(radar.columns.map((c, i) => [c, row[i]])) as AzureRetailItem)
          .filter((i) => i.armRegionName === 'westeurope' && i.productName === 'Premium SSD Managed Disks' && i.meterName === 'P10 LRS Disk'),
      )
      .map((i) => ({ ...i, currencyCode: 'USD', tierMinimumUnits: 0, serviceName: 'Storage', effectiveStartDate: '2026-08-22T00:00:00Z' }));
    expect(items).toHaveLength(3);
    const result = parseAzureRetail({ Items: items, NextPageLink: null }, { sourceFile: 'test' });
    expect(result.records.map((r) => [r.service, r.sku, r.unit, r.usd, r.attributes])).toEqual([
      ['blob', 'storage-cool-lrs', 'GB-month', '0.01', {}],
      ['blob', 'write-operations', '1K requests', '0.0054', { accessTier: 'hot', redundancy: 'lrs' }],
      ['managed-disk', 'premium-ssd-p10', 'month', '21.68', { redundancy: 'lrs' }],
    ]);
  });

  it('skips non-USD items unless a rate is given', () => {
    const item = { ...load<AzureRetailPage>(B1S).Items[1]!, currencyCode: 'EUR', retailPrice: 0.0096 };
    expect(parseAzureRetail({ Items: [item] }, { sourceFile: 'x' }).skipped[0]!.reason).toBe("priced in EUR, not USD; request currencyCode='USD' or pass a EUR rate");
    const converted = parseAzureRetail({ Items: [item] }, { sourceFile: 'x', currencyRates: { EUR: '0.96' } }).records[0]!;
    expect(converted.usd).toBe('0.01');
    expect(converted.source.key).toContain('converted from EUR at 0.96 per USD');
  });

  it('refuses another format with a clear error', () => {
    expect(() => parseAzureRetail(load('formats/gcp-cloudbilling-sku-vpn-egress-cyclenerd.json'), { sourceFile: 'x' })).toThrow(FormatError);
    expect(() => parseAzureRetail(load('formats/gcp-cloudbilling-sku-vpn-egress-cyclenerd.json'), { sourceFile: 'x' })).toThrow(/not an Azure Retail Prices API page .* found keys: skus/);
  });
});
