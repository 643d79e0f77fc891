import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

describe('azure.cosmosdb', () => {
  it('serverless: request units of the reads (1 RU) and writes (5 RUs), plus storage', () => {
    const components = [
      { id: 'web', type: 'client.web' },
      { id: 'svc', type: 'service' },
      { id: 'db', type: 'azure.cosmosdb', config: { capacityMode: 'serverless', usage: { storageGb: 20 } } },
    ];
    const connections = [
      { from: 'web', to: 'svc', type: 'http' },
      { from: 'svc', to: 'db', type: 'read' },
      { from: 'svc', to: 'db', type: 'write', config: { share: 0.25 } },
    ];
    const bill = azureBill('db', components, connections, AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure Cosmos DB (serverless)');
    // 26.28M reads × 1 + 6.57M writes × 5 = 59.13M RUs
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Request units (serverless)', quantity: 59.13, unit: '1M RUs', unitPriceUsd: '0.25', monthlyUsd: '14.7825' }),
      expect.objectContaining({ name: 'Storage (20 GB)', quantity: 20, unit: 'GB-months', unitPriceUsd: '0.25', monthlyUsd: '5' }),
    ]);
    expect(bill.notes).toEqual([
      '26,280,000 reads and 6,570,000 writes a month: reads and writes from the incoming connections (80 % reads)',
      '1 RU per read and 5 RUs per write (about 1 KB items) = 59,130,000 RUs',
    ]);
  });

  it('provisioned: 100 RU/s-hours × 1.25 zone-redundant × regions (not in the book), storage in every region', () => {
    const bill = azureBill('db', [{ id: 'db', type: 'azure.cosmosdb', config: { requestUnitsPerSecond: 1000, zoneRedundant: true, additionalRegions: 1, usage: { storageGb: 10 } } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.unit, l.monthlyUsd])).toEqual([
      ['Provisioned throughput (on-demand, 1,000 RU/s, zone-redundant × 1.25, 2 regions)', 18250, '100 RU/s-hours', null],
      ['Storage (10 GB × 2 regions)', 20, 'GB-months', '5'],
    ]);
  });

  it('compare mode: Firestore maps to serverless; provisioned DynamoDB capacity to RU/s', () => {
    const usage = { monthlyReadRequests: 8_000_000, monthlyWriteRequests: 2_000_000 };
    const fs = azureBill('t', [{ id: 't', type: 'gcp.firestore', config: { usage } }], [], { cloud: 'gcp', region: 'us-central1' }, 'azure');
    expect(fs.mapping).toBe('Google Cloud Firestore → Azure Cosmos DB (serverless) (same class: document-db); serverless, billed per request unit');
    expect(fs.line('Request units (serverless)')).toMatchObject({ quantity: 18, monthlyUsd: '4.5' });
    const ddb = azureBill('t', [{ id: 't', type: 'aws.dynamodb', config: { capacityMode: 'provisioned', readCapacityUnits: 100, writeCapacityUnits: 50 } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(ddb.mapping).toBe('Amazon DynamoDB → Azure Cosmos DB (provisioned throughput) (same class: key-value-db); DynamoDB 100 RCU + 50 WCU → 400 RU/s provisioned');
    expect(ddb.line('Provisioned throughput (on-demand, 400 RU/s)')).toMatchObject({ quantity: 2920, missing: 'no price for cosmosdb provisioned-100-rus in eastus' });
  });

  it('managed: false MongoDB is left to the self-hosted pricer', () => {
    const bill = azureBill('m', [{ id: 'm', type: 'mongodb', config: { managed: false } }]);
    expect(bill.product).not.toContain('Cosmos');
  });
});
