import { describe, expect, it } from 'vitest';
import { ordersPlatform, ordersPlatformDocument } from '../testing/fixtures';
import { parseDocument } from './parse';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** The fixture with `edit` applied to a mutable copy. */
const variant = (edit: (doc: any) => void) => {
  const doc = clone(ordersPlatform) as any;
  edit(doc);
  return doc;
};
const errorsOf = (input: unknown) => {
  const result = parseDocument(input);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.errors;
};

describe('parseDocument', () => {
  it('[DOC1] reads DESIGN.md\'s example from text and from an object, deriving connection ids', () => {
    for (const input of [JSON.stringify(ordersPlatform), ordersPlatform]) {
      const result = parseDocument(input);
      expect(result).toEqual({ ok: true, document: ordersPlatformDocument() });
    }
  });

  it('[DOC2] explains a bad config value with its path, the expectation and the value', () => {
    const errors = errorsOf(variant((d) => d.components.push({ id: 'svc', type: 'aws.ec2', config: { replicas: -1 } })));
    expect(errors).toEqual([{ path: 'components[5].config.replicas', message: 'replicas must be an integer between 1 and 1000, got -1' }]);
  });

  it('[DOC3] reports every problem at once, in file order', () => {
    const errors = errorsOf(
      variant((d) => {
        d.components[1].type = 'aws.api-gw';
        d.components[2].config.memoryMb = 'lots';
        d.components[3].id = 'api';
        d.components[4].config.deadLeter = true;
        d.connections[2].to = 'database';
        d.connections.push({ from: 'web', to: 'orders', type: 'carrier-pigeon' });
        d.constraints.compliance = ['soc3'];
        d.extra = 1;
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'components[1].type',
      'components[2].config.memoryMb',
      'components[3].id',
      'components[4].config.deadLeter',
      'connections[2].to',
      'connections[4].type',
      'constraints.compliance[0]',
      'extra',
    ]);
    const message = (path: string) => errors.find((e) => e.path === path)?.message;
    expect(message('components[1].type')).toBe('unknown component type "aws.api-gw" (did you mean "aws.api-gateway"?); run `backarch catalog` for the list');
    expect(message('components[2].config.memoryMb')).toBe('memoryMb must be an integer between 128 and 32768, got "lots"');
    expect(message('components[3].id')).toBe('duplicate component id "api": components[1] already uses it');
    expect(message('components[4].config.deadLeter')).toBe('unknown field "deadLeter" (did you mean "deadLetter"?)');
    expect(message('connections[2].to')).toBe('no component with id "database"');
    expect(message('connections[4].type')).toContain('unknown connection type "carrier-pigeon"');
    expect(message('constraints.compliance[0]')).toBe('compliance[0] must be one of "soc2", "hipaa", "gdpr", "pci", got "soc3" (did you mean "soc2"?)');
    expect(message('extra')).toContain('unknown field "extra"');
  });

  it('[DOC4] rejects a connection between roles that make no sense and says which types fit', () => {
    const errors = errorsOf(variant((d) => (d.connections[2].type = 'publish')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('connections[2].type');
    expect(errors[0]!.message).toContain('"publish" does not fit from "orders" (aws.lambda) to "db" (postgresql)');
    expect(errors[0]!.message).toContain('use "read", "write"');
  });

  it('[DOC5] accepts the topologies people really draw', () => {
    const doc = {
      backarch: 1,
      name: 'Topologies',
      components: [
        { id: 'web', type: 'client.web' },
        { id: 'cdn', type: 'aws.cloudfront' },
        { id: 'assets', type: 'aws.s3' },
        { id: 'login', type: 'aws.cognito' },
        { id: 'lb', type: 'aws.alb' },
        { id: 'svc', type: 'service' },
        { id: 'gw', type: 'aws.api-gateway' },
        { id: 'fn', type: 'aws.lambda' },
        { id: 'queue', type: 'aws.sqs' },
        { id: 'dlq', type: 'aws.sqs' },
        { id: 'llm', type: 'llm.anthropic' },
        { id: 'embed', type: 'embedding' },
        { id: 'vectors', type: 'qdrant' },
        { id: 'db', type: 'postgresql' },
        { id: 'replica', type: 'postgresql' },
        { id: 'otel', type: 'otel-collector' },
        { id: 'claude', type: 'llm.anthropic', config: { usage: { inputTokensPerRequest: 7000, outputTokensPerRequest: 600 } } },
        { id: 'events', type: 'kafka' },
        { id: 'events-dlt', type: 'kafka' },
        { id: 'stripe', type: 'client.external' },
        { id: 'metrics', type: 'prometheus' },
        { id: 'dashboards', type: 'grafana' },
      ],
      connections: [
        { from: 'web', to: 'cdn', type: 'http' },
        { from: 'cdn', to: 'assets', type: 'read' },
        { from: 'web', to: 'login', type: 'http' },
        { from: 'web', to: 'lb', type: 'http' },
        { from: 'lb', to: 'svc', type: 'http' },
        { from: 'web', to: 'gw', type: 'http' },
        { from: 'gw', to: 'fn', type: 'http' },
        { from: 'svc', to: 'queue', type: 'publish' },
        { from: 'queue', to: 'fn', type: 'consume' },
        { from: 'queue', to: 'dlq', type: 'dead-letter' },
        { from: 'svc', to: 'llm', type: 'http' },
        { from: 'svc', to: 'embed', type: 'http' },
        { from: 'svc', to: 'vectors', type: 'read' },
        { from: 'fn', to: 'vectors', type: 'write' },
        { from: 'svc', to: 'db', type: 'write' },
        { from: 'db', to: 'replica', type: 'replication' },
        { from: 'svc', to: 'otel', type: 'telemetry' },
        { from: 'svc', to: 'claude', type: 'http' },
        { from: 'events', to: 'events-dlt', type: 'dead-letter' },
        { from: 'svc', to: 'stripe', type: 'http' },
        { from: 'stripe', to: 'gw', type: 'http' },
        { from: 'dashboards', to: 'metrics', type: 'read' },
        { from: 'assets', to: 'fn', type: 'consume' },
      ],
    };
    const result = parseDocument(doc);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('[DOC6] replication only joins components of the same kind', () => {
    const errors = errorsOf({
      backarch: 1,
      name: 'x',
      components: [{ id: 'db', type: 'postgresql' }, { id: 'search', type: 'elasticsearch' }],
      connections: [{ from: 'db', to: 'search', type: 'replication' }],
    });
    expect(errors[0]!.message).toContain('use a "stream" connection for change data capture');
  });

  it('[DOC7] refuses duplicate connections, self-loops and duplicate JSON keys', () => {
    const text = JSON.stringify(variant((d) => d.connections.push({ from: 'orders', to: 'db', type: 'write' }, { from: 'db', to: 'db', type: 'replication' })));
    const errors = errorsOf(text.replace('"name":"Orders platform"', '"name":"Orders platform","name":"Again"'));
    expect(errors).toEqual([
      { path: 'connections[4]', message: 'duplicate connection id "orders->db:write": connections[2] already uses it (same ends and type; give one an explicit "id" if both are intended)' },
      { path: 'connections[5]', message: 'connection from "db" to itself; a component cannot connect to itself' },
      { path: 'name', message: '"name" appears twice in the same object; JSON keeps only the last one, so remove one of them' },
    ]);
  });

  it('[DOC8] gives the line and column of broken JSON', () => {
    const result = parseDocument('{\n  "backarch": 1,\n  "name": "x",,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.syntaxError).toMatchObject({ line: 3, column: 15 });
    expect(result.errors[0]!.message).toMatch(/^not valid JSON at line 3, column 15: /);
  });

  it.each([
    [{ backarch: 2, name: 'x', components: [] }, 'format version 2, but this BackArch reads versions up to 1; upgrade BackArch'],
    [{ name: 'x', components: [] }, '"backarch" (the format version) is required'],
    [{ backarch: '1', name: 'x', components: [] }, '"backarch" must be the format version'],
  ])('[DOC9] explains version problems: %j', (input, message) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('backarch');
    expect(errors[0]!.message).toContain(message);
  });

  it('[DOC10] explains a wrong top-level shape', () => {
    expect(errorsOf([])).toEqual([{ path: '', message: 'a .backarch.json document must be a JSON object' }]);
    expect(errorsOf({ backarch: 1, components: 'none' })).toEqual([
      { path: 'components', message: 'components must be a list, got "none"' },
      { path: 'name', message: 'name is required (a text of 1 to 200 characters)' },
    ]);
  });

  it('[DOC11] checks constraints: budget bounds, traffic, team size', () => {
    const errors = errorsOf(
      variant((d) => {
        d.constraints.budgetUsdPerMonth = { min: 900, max: 500 };
        d.constraints.teamSize = 0;
        d.constraints.cloud = 'oracle';
      }),
    );
    expect(errors).toEqual([
      { path: 'constraints.budgetUsdPerMonth', message: 'budgetUsdPerMonth.min must not exceed max' },
      { path: 'constraints.cloud', message: 'cloud must be one of "aws", "gcp", "azure", "multi", got "oracle"' },
      { path: 'constraints.teamSize', message: 'teamSize must be an integer between 1 and 10000, got 0' },
    ]);
  });
});
