import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

const table = (config: object = {}) => [
  { id: 'web', type: 'client.web' },
  { id: 'svc', type: 'service' },
  { id: 'ddb', type: 'aws.dynamodb', config },
];
const flows = [
  { from: 'web', to: 'svc', type: 'http' },
  { from: 'svc', to: 'ddb', type: 'read' },
  { from: 'svc', to: 'ddb', type: 'write', config: { share: 0.25 } },
];

describe('aws.dynamodb', () => {
  it('on-demand: read and write request units from the read and write connections, storage with its free 25 GB tier', () => {
    const bill = billOf('ddb', table(), flows, TRAFFIC);
    expect(bill.product).toBe('Amazon DynamoDB (on-demand, Standard)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Read request units (26,280,000 reads × 1 RRU)', quantity: 26.28, unit: '1M RRUs', unitPriceUsd: '0.125', monthlyUsd: '3.285', usageBased: true }),
      expect.objectContaining({ name: 'Write request units (6,570,000 writes × 1 WRU)', quantity: 6.57, unit: '1M WRUs', unitPriceUsd: '0.625', monthlyUsd: '4.10625' }),
      expect.objectContaining({ name: 'Storage (Standard, 10 GB)', quantity: 10, unit: 'GB-months', monthlyUsd: '0' }),
      expect.objectContaining({ name: 'Point-in-time recovery (10 GB)', quantity: 10, monthlyUsd: null, missing: 'no price for dynamodb pitr-storage in us-east-1' }),
    ]);
    expect(bill.monthlyUsd).toBe('7.39125');
    expect(bill.notes).toEqual([
      'reads and writes from the incoming connections (80 % reads)',
      '1 KB per read (1 RRU, strongly consistent) and 1 KB per write (1 WRU) (default item size; set usage.requestSizeKb / responseSizeKb)',
      '10 GB stored (default; set usage.storageGb)',
    ]);
  });

  it('usage overrides: request counts, item size (WRUs per started KB) and storage beyond the free tier', () => {
    const usage = { monthlyReadRequests: 100_000_000, monthlyWriteRequests: 10_000_000, requestSizeKb: 3, storageGb: 125 };
    const bill = billOf('ddb', table({ pointInTimeRecovery: false, usage }), flows, TRAFFIC);
    expect(bill.line('Read request units (100,000,000 reads × 1 RRU)')).toMatchObject({ quantity: 100, monthlyUsd: '12.5' });
    expect(bill.line('Write request units (10,000,000 writes × 3 WRU)')).toMatchObject({ quantity: 30, monthlyUsd: '18.75' });
    expect(bill.line('Storage (Standard, 125 GB)').monthlyUsd).toBe('25');
    expect(bill.monthlyUsd).toBe('56.25');
    expect(bill.notes[0]).toBe('usage.monthlyReadRequests and usage.monthlyWriteRequests');
  });

  it('provisioned mode bills RCU and WCU hours (unknown when the book has no capacity prices) and warns when traffic needs more', () => {
    const bill = billOf('ddb', table({ capacityMode: 'provisioned', readCapacityUnits: 10, writeCapacityUnits: 5 }), flows, TRAFFIC);
    expect(bill.line('Read capacity (on-demand, 10 RCU)')).toMatchObject({ quantity: 7300, unit: 'RCU-hours', monthlyUsd: null, missing: 'no price for dynamodb read-capacity-units in us-east-1' });
    expect(bill.line('Write capacity (on-demand, 5 WCU)')).toMatchObject({ quantity: 3650, unit: 'WCU-hours' });
    expect(bill.notes[0]).toBe('peak traffic needs about 30 RCU and 8 WCU; 10 RCU and 5 WCU provisioned, so requests above that are throttled (or auto scaling adds capacity at extra cost)');
  });

  it('a global table replicates writes and storage into each replica region', () => {
    const bill = billOf('ddb', table({ globalTableRegions: ['eu-west-1'], pointInTimeRecovery: false }), flows, TRAFFIC);
    expect(bill.line('Replicated write request units (eu-west-1)')).toMatchObject({ quantity: 6.57, monthlyUsd: null, missing: 'no price for dynamodb replicated-write-request-units in eu-west-1' });
    expect(bill.line('Storage (Standard, eu-west-1, 10 GB)')).toMatchObject({ monthlyUsd: '0', estimate: 'no price for dynamodb storage in eu-west-1; estimated with the us-east-1 list price' });
  });

  it('Standard-IA tables use their own prices', () => {
    const bill = billOf('ddb', table({ tableClass: 'standard-ia' }), flows, TRAFFIC);
    expect(bill.line('Storage (Standard-IA, 10 GB)').missing).toBe('no price for dynamodb storage-ia in us-east-1');
    expect(bill.line('Read request units (26,280,000 reads × 1 RRU)').missing).toBe('no price for dynamodb read-request-units-ia in us-east-1');
  });
});

describe('aws.dynamodb in comparisons', () => {
  it('prices Firestore and Cosmos DB as on-demand tables; MongoDB is not a DynamoDB table', () => {
    const firestore = billOf('db', [{ id: 'db', type: 'gcp.firestore', config: { usage: { monthlyReadRequests: 8_000_000, monthlyWriteRequests: 2_000_000 } } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(firestore.mapping).toBe('Google Cloud Firestore → Amazon DynamoDB (on-demand, Standard) (same class: document-db); priced as an on-demand table from the traffic');
    expect(firestore.line('Read request units (8,000,000 reads × 1 RRU)').monthlyUsd).toBe('1');
    expect(firestore.line('Write request units (2,000,000 writes × 1 WRU)').monthlyUsd).toBe('1.25');
    const cosmos = billOf('db', [{ id: 'db', type: 'azure.cosmosdb' }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(cosmos.mapping).toBe(
      'Azure Cosmos DB → Amazon DynamoDB (on-demand, Standard) (same class: document-db); priced as an on-demand table from the traffic (provisioned RU/s do not translate into RCU/WCU)',
    );
    const mongo = billOf('db', [{ id: 'db', type: 'mongodb' }]);
    expect(mongo).toMatchObject({ monthlyUsd: null, notes: ['no pricer for MongoDB on aws'] });
  });
});
