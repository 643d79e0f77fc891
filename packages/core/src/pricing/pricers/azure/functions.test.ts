import { describe, expect, it } from 'vitest';
import { azureBill, AZURE_TRAFFIC } from '../../../testing/price-slice-azure';

describe('azure.functions', () => {
  it('Flex Consumption: executions and GB-seconds of the instance memory, with the free grant as tiers', () => {
    const bill = azureBill('fn', [{ id: 'web', type: 'client.web' }, { id: 'fn', type: 'azure.functions' }], [{ from: 'web', to: 'fn', type: 'http' }], AZURE_TRAFFIC);
    expect(bill.product).toBe('Azure Functions (Flex Consumption, 2048 MB)');
    // (26.28M − 0.25M free) × 0.40 and (10,512,000 − 100,000 free GB-s) × 0.000026
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'On-demand executions', quantity: 26.28, unit: '1M requests', unitPriceUsd: '0', monthlyUsd: '10.412' }),
      expect.objectContaining({ name: 'On-demand execution time (2048 MB instances)', quantity: 10512000, unit: 'GB-seconds', unitPriceUsd: '0', monthlyUsd: '270.712' }),
    ]);
    expect(bill.monthlyUsd).toBe('281.124');
    expect(bill.notes).toEqual(['26,280,000 executions a month × 200 ms (default; set usage.averageDurationMs) × 2048 MB instance memory']);
  });

  it('always-ready instances add their baseline (not in the book)', () => {
    const bill = azureBill('fn', [{ id: 'fn', type: 'azure.functions', config: { memoryMb: 512, alwaysReadyInstances: 2, usage: { monthlyRequests: 1_000_000 } } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['On-demand executions', 1, '0.3'],
      ['On-demand execution time (512 MB instances)', 100000, '0'],
      ['Always-ready baseline (2 × 512 MB)', 2628000, null],
    ]);
  });

  it('Consumption: memory rounded up to 128 MB, at least 100 ms an execution, within the free grant', () => {
    const bill = azureBill('fn', [{ id: 'fn', type: 'azure.functions', config: { plan: 'consumption', memoryMb: 300, usage: { monthlyRequests: 5_000_000, averageDurationMs: 50 } } }]);
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['Executions', 5, '0.8'],
      ['Execution time (384 MB)', 187500, '0'],
    ]);
    expect(bill.notes).toEqual(['5,000,000 executions a month × 50 ms; memory billed as 384 MB']);
  });

  it('Premium: pre-warmed Elastic Premium instances, vCPU and memory hours', () => {
    const bill = azureBill('fn', [{ id: 'fn', type: 'azure.functions', config: { plan: 'premium', instanceType: 'EP2', alwaysReadyInstances: 2 } }]);
    expect(bill.costComponents).toEqual([
      expect.objectContaining({ name: 'vCPU (on-demand, EP2 × 2)', quantity: 2920, unit: 'vCPU-hours', unitPriceUsd: '0.173', monthlyUsd: '505.16' }),
      expect.objectContaining({ name: 'Memory (on-demand, EP2 × 2)', quantity: 10220, unit: 'GB-hours', unitPriceUsd: '0.0123', monthlyUsd: '125.706' }),
    ]);
  });

  it('compare mode: a Lambda function runs on the smallest Flex instance that holds its memory', () => {
    const bill = azureBill('fn', [{ id: 'fn', type: 'aws.lambda', config: { memoryMb: 1024, usage: { monthlyRequests: 3_000_000, averageDurationMs: 100 } } }], [], { cloud: 'aws', region: 'us-east-1' }, 'azure');
    expect(bill.mapping).toBe('AWS Lambda → Azure Functions (Flex Consumption, 2048 MB) (same class: serverless-function); 1024 MB');
    expect(bill.costComponents.map((l) => [l.name, l.quantity, l.monthlyUsd])).toEqual([
      ['On-demand executions', 3, '1.1'],
      ['On-demand execution time (2048 MB instances)', 600000, '13'],
    ]);
    expect(bill.notes).toEqual(['3,000,000 executions a month × 100 ms × 2048 MB instance memory (1024 MB fits the 2048 MB size)']);
  });
});
