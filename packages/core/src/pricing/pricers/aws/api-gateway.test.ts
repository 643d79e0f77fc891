import { describe, expect, it } from 'vitest';
import { billOf, TRAFFIC } from '../../../testing/price-slice-aws';

describe('aws.api-gateway', () => {
  it('HTTP API: requests per million plus internet egress', () => {
    const bill = billOf('api', [{ id: 'web', type: 'client.web' }, { id: 'api', type: 'aws.api-gateway' }], [{ from: 'web', to: 'api', type: 'http' }], TRAFFIC);
    expect(bill.product).toBe('Amazon API Gateway (HTTP API)');
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'Requests (HTTP API)', quantity: 26.28, unit: '1M requests', unitPriceUsd: '1', monthlyUsd: '26.28', usageBased: true }),
      expect.objectContaining({ name: 'Internet egress (responses to clients)', monthlyUsd: '22.556304931640625' }),
    ]);
    expect(bill.monthlyUsd).toBe('48.836304931640625');
    expect(bill.notes).toEqual(['26,280,000 requests a month']);
  });

  it('REST API requests have their own price; HTTP API requests are metered per 512 KB', () => {
    const rest = billOf('api', [{ id: 'api', type: 'aws.api-gateway', config: { apiType: 'rest', usage: { monthlyRequests: 1_000_000 } } }]);
    expect(rest.line('Requests (REST API)')).toMatchObject({ quantity: 1, unitPriceUsd: '3.5', monthlyUsd: '3.5' });
    const big = billOf('api', [{ id: 'api', type: 'aws.api-gateway', config: { usage: { monthlyRequests: 1_000_000, requestSizeKb: 600 } } }]);
    expect(big.line('Requests (HTTP API, × 2 chunks of 512 KB)')).toMatchObject({ quantity: 2, monthlyUsd: '2' });
  });

  it('WebSocket APIs bill messages and connection minutes', () => {
    const bill = billOf('ws', [{ id: 'ws', type: 'aws.api-gateway', config: { apiType: 'websocket', usage: { monthlyRequests: 3_000_000 } } }]);
    expect(bill.line('Messages (3,000,000)')).toMatchObject({ quantity: 3, unit: '1M messages', missing: 'no price for api-gateway websocket-messages in us-east-1' });
    expect(bill.line('Connection minutes')).toMatchObject({ quantity: 3, unit: '1M connection-minutes' });
    expect(bill.notes).toContain('1 message per connected client per minute assumed for connection minutes');
  });

  it('compare mode: Azure API Management maps to a REST API, Google API Gateway to an HTTP API', () => {
    const apim = billOf('apim', [{ id: 'apim', type: 'azure.api-management', config: { usage: { monthlyRequests: 2_000_000 } } }], [], { cloud: 'azure', region: 'eastus' }, 'aws');
    expect(apim.mapping).toBe('Azure API Management → Amazon API Gateway (REST API) (same class: api-gateway); priced as an API Gateway REST API');
    expect(apim.line('Requests (REST API)').monthlyUsd).toBe('7');
    const google = billOf('gw', [{ id: 'gw', type: 'gcp.api-gateway', config: { usage: { monthlyRequests: 2_000_000 } } }], [], { cloud: 'gcp', region: 'us-central1' }, 'aws');
    expect(google.mapping).toBe('Google Cloud API Gateway → Amazon API Gateway (HTTP API) (same class: api-gateway); priced as an API Gateway HTTP API');
    expect(google.line('Requests (HTTP API)').monthlyUsd).toBe('2');
  });
});
