import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import outbox from './transactional-outbox';

/** An orders service on AWS that commits orders and publishes OrderPlaced to SNS in the same request. */
const doc = parseDocumentOrThrow({
  backarch: 1,
  name: 'Checkout',
  constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { peakRps: 300 }, compliance: ['soc2'] },
  components: [
    { id: 'web', type: 'client.web', label: 'Web shop', position: { x: 0, y: 0 } },
    { id: 'api', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
    { id: 'orders', type: 'aws.ecs', label: 'Orders', config: { replicas: 3, vcpus: 1, memoryMb: 2048 }, position: { x: 480, y: 0 } },
    { id: 'orders-db', type: 'postgresql', label: 'Orders DB', config: { instanceType: 'db.r6g.large', multiAz: true, encryptedAtRest: true }, position: { x: 720, y: 0 } },
    { id: 'order-events', type: 'aws.sns', label: 'Order events', config: { deadLetter: true, encryptedAtRest: true }, position: { x: 720, y: 140 } },
    { id: 'emails', type: 'aws.lambda', label: 'Order e-mails', position: { x: 960, y: 140 } },
    { id: 'otel', type: 'otel-collector', label: 'OTel collector', config: { replicas: 2 }, position: { x: 480, y: 280 } },
  ],
  connections: [
    { from: 'web', to: 'api', type: 'http' },
    { from: 'api', to: 'orders', type: 'http', config: { timeoutMs: 5000 } },
    { from: 'orders', to: 'orders-db', type: 'read', config: { timeoutMs: 1000 } },
    { from: 'orders', to: 'orders-db', type: 'write', config: { timeoutMs: 2000, share: 0.25 } },
    { from: 'orders', to: 'order-events', type: 'publish', label: 'OrderPlaced', config: { share: 0.25, retries: 3 } },
    { from: 'order-events', to: 'emails', type: 'consume', config: { retries: 2 } },
    { from: 'orders', to: 'otel', type: 'telemetry' },
  ],
});

describe('transactional outbox', () => {
  const [target] = outbox.appliesTo(doc);

  it('finds the dual write with its rate', () => {
    expect(outbox.appliesTo(doc)).toHaveLength(1);
    expect(target).toEqual({
      components: ['orders', 'orders-db', 'order-events'],
      connections: ['orders->orders-db:write', 'orders->order-events:publish'],
      reason:
        'Orders commits to Orders DB and publishes to Order events (~75 messages/s at peak) as two separate steps: a crash or a broker timeout between them loses the message for a committed change, or announces one that rolled back.',
    });
  });

  it('moves the publish to a CDC relay reading the outbox rows (golden change set)', () => {
    expect(outbox.apply(doc, target!)).toMatchInlineSnapshot(`
      {
        "ops": [
          {
            "component": {
              "config": {
                "launchType": "fargate",
                "memoryMb": 1024,
                "replicas": 2,
                "vcpus": 0.25,
              },
              "id": "orders-outbox-relay",
              "label": "Orders outbox relay",
              "notes": "Outbox relay for Orders: tails Orders DB's log for inserts into the outbox table and publishes each row in commit order; at least once, so consumers dedupe by the outbox row id. Alert when the oldest unpublished row is older than 30 s.",
              "position": {
                "x": 720,
                "y": 280,
              },
              "type": "aws.ecs",
            },
            "op": "addComponent",
          },
          {
            "connection": {
              "from": "orders-outbox-relay",
              "to": "otel",
              "type": "telemetry",
            },
            "op": "addConnection",
          },
          {
            "connection": {
              "config": {
                "share": 0.2,
              },
              "from": "orders-db",
              "label": "outbox inserts (CDC)",
              "to": "orders-outbox-relay",
              "type": "stream",
            },
            "op": "addConnection",
          },
          {
            "id": "orders->orders-db:write",
            "label": "+ outbox row, same transaction",
            "op": "updateConnection",
          },
          {
            "id": "orders->order-events:publish",
            "op": "removeConnection",
          },
          {
            "connection": {
              "config": {
                "retries": 10,
              },
              "from": "orders-outbox-relay",
              "label": "OrderPlaced",
              "to": "order-events",
              "type": "publish",
            },
            "op": "addConnection",
          },
        ],
        "origin": "pattern:transactional-outbox",
        "summary": "Transactional outbox for Orders: messages become outbox rows in Orders DB; Orders outbox relay (CDC) publishes them to Order events",
      }
    `);
  });

  it('with a polling relay, polls and marks rows instead of tailing the log, and keeps the message rate', () => {
    const changeSet = outbox.apply(doc, target!, { relay: 'poller', pollIntervalMs: 200 });
    const result = applyChangeSet(doc, changeSet);
    expect(result.ok).toBe(true);
    const after = (result as { document: typeof doc }).document;
    const relayLinks = after.connections.filter((c) => c.from === 'orders-outbox-relay' || c.to === 'orders-outbox-relay').map((c) => `${c.from} ${c.type} ${c.to} ${c.label ?? ''}`.trim());
    expect(relayLinks).toEqual([
      'orders-outbox-relay telemetry otel',
      'orders-outbox-relay read orders-db poll outbox every 200 ms',
      'orders-outbox-relay write orders-db mark rows sent',
      'orders-outbox-relay publish order-events OrderPlaced',
    ]);
    // the relay's usage override gives the topic the rate the service published at
    expect(after.components.find((c) => c.id === 'orders-outbox-relay')!.config!.usage).toEqual({ monthlyMessages: 65700000 });
    expect(outbox.appliesTo(after)).toEqual([]);
  });

  it('offers nothing where the write already goes through an outbox, and narrows to the selection', () => {
    expect(outbox.appliesTo(doc, ['emails'])).toEqual([]);
    expect(outbox.appliesTo(doc, ['order-events'])).toEqual([target]);
    const labelled = { ...doc, connections: doc.connections.map((c) => (c.type === 'write' ? { ...c, label: 'Order + outbox row' } : c)) };
    expect(outbox.appliesTo(labelled)).toEqual([]);
  });
});
