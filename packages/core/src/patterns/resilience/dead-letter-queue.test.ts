import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import { health } from '../../health/engine';
import deadLetterQueue from './dead-letter-queue';

const doc = (cloud: 'aws' | 'azure', queue: Record<string, unknown>) =>
  parseDocumentOrThrow(
    JSON.stringify({
      backarch: 1,
      name: 'Invoices',
      constraints: { cloud, region: cloud === 'aws' ? 'eu-central-1' : 'westeurope', traffic: { peakRps: 50 }, compliance: ['soc2'] },
      components: [
        { id: 'web', type: 'client.web', label: 'Billing app', position: { x: 0, y: 0 } },
        { id: 'api', type: 'service', label: 'Billing API', position: { x: 240, y: 0 } },
        { id: 'invoices', label: 'Invoices to render', position: { x: 480, y: 0 }, ...queue },
        { id: 'renderer', type: 'service', label: 'PDF renderer', position: { x: 720, y: 0 } },
      ],
      connections: [
        { id: 'web-api', from: 'web', to: 'api', type: 'http', config: { timeoutMs: 10000 } },
        { id: 'api-invoices', from: 'api', to: 'invoices', type: 'publish' },
        { id: 'invoices-renderer', from: 'invoices', to: 'renderer', type: 'consume' },
      ],
    }),
  );

describe('dead-letter-queue pattern', () => {
  const sqs = doc('aws', { type: 'aws.sqs', config: { fifo: true, encryptedAtRest: true, personalData: true } });

  it('adds a dead-letter queue of the same kind, FIFO and encrypted like its source', () => {
    const [target] = deadLetterQueue.appliesTo(sqs);
    expect(target!.components).toEqual(['invoices', 'renderer']);
    expect(deadLetterQueue.apply(sqs, target!)).toEqual({
      origin: 'pattern:dead-letter-queue',
      summary: 'Dead-letter Invoices to render after 5 deliveries into invoices-dlq (aws.sqs)',
      ops: [
        {
          op: 'addComponent',
          component: {
            id: 'invoices-dlq',
            type: 'aws.sqs',
            label: 'Invoices to render DLQ',
            config: { fifo: true, encryptedAtRest: true, personalData: true },
            position: { x: 480, y: 140 },
          },
        },
        { op: 'addConnection', connection: { from: 'invoices', to: 'invoices-dlq', type: 'dead-letter' } },
        { op: 'updateComponent', id: 'invoices', config: { deadLetter: true, maxReceiveCount: 5 } },
      ],
    });
  });

  it('resolves the rule finding and adds no new one', () => {
    const [target] = deadLetterQueue.appliesTo(sqs);
    const result = applyChangeSet(sqs, deadLetterQueue.apply(sqs, target!, { maxDeliveries: 3 }));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    const rules = (d: typeof sqs) => health(d).findings.filter((f) => f.rule === 'dead-letter-queue' || f.rule === 'encryption-at-rest').map((f) => f.components[0]);
    expect(rules(sqs)).toEqual(['invoices']);
    expect(rules(result.document)).toEqual([]);
    expect(result.document.components.find((c) => c.id === 'invoices')!.config).toMatchObject({ maxReceiveCount: 3 });
    expect(deadLetterQueue.appliesTo(result.document)).toEqual([]);
  });

  it("switches on Service Bus's built-in dead-letter subqueue instead of adding a namespace", () => {
    const bus = doc('azure', { type: 'azure.service-bus', config: { deadLetter: false, encryptedAtRest: true } });
    const [target] = deadLetterQueue.appliesTo(bus);
    expect(deadLetterQueue.apply(bus, target!, { maxDeliveries: 8 }).ops).toEqual([{ op: 'updateComponent', id: 'invoices', config: { deadLetter: true, maxDeliveryCount: 8 } }]);
  });
});
