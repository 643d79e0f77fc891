import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { descriptionOf } from '../document/issues';
import { acceptedConnections, COMPONENT_TYPES, fittingConnectionTypes, getComponentDef } from './catalog';
import { COMPONENT_DEFS } from './components/registry';
import { CONNECTION_DEFS } from './connections/registry';
import { CATEGORIES, EQUIVALENCE_CLASSES, ROLES, type ComponentDef, type ConnectionDef } from './types';

const components = COMPONENT_DEFS as readonly ComponentDef[];
const connections = CONNECTION_DEFS as readonly ConnectionDef[];
const roles = Object.keys(ROLES);

/** The palette the product promises (issue #2). */
const PROMISED = `client.web client.mobile client.external kong nginx aws.api-gateway gcp.api-gateway azure.api-management
aws.alb aws.nlb gcp.load-balancer azure.load-balancer aws.cloudfront gcp.cloud-cdn azure.front-door cloudflare auth.oauth
aws.cognito keycloak auth0 service aws.ec2 aws.lambda aws.ecs aws.eks gcp.compute-engine gcp.cloud-run gcp.cloud-functions
gcp.gke azure.vm azure.functions azure.container-apps azure.aks postgresql mysql mongodb aws.dynamodb gcp.firestore
azure.cosmosdb redis memcached aws.elasticache aws.sqs aws.sns kafka gcp.pubsub rabbitmq aws.eventbridge aws.kinesis
azure.service-bus azure.event-hubs aws.s3 gcp.gcs azure.blob pinecone qdrant weaviate elasticsearch aws.opensearch
meilisearch prometheus grafana datadog aws.cloudwatch aws.xray jaeger grafana.tempo grafana.loki otel-collector
llm.anthropic llm.openai llm.google embedding service-mesh`.split(/\s+/);

describe('component registry contract', () => {
  it('[CAT1] has every promised type', () => {
    expect(PROMISED.filter((id) => !getComponentDef(id))).toEqual([]);
  });

  it('[CAT2] ids are unique, dotted kebab-case', () => {
    expect(new Set(COMPONENT_TYPES).size).toBe(COMPONENT_TYPES.length);
    for (const id of COMPONENT_TYPES) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)?$/);
  });

  it.each(components.map((d) => [d.id, d] as const))('[CAT3] %s declares valid metadata', (_, def) => {
    expect(def.name.length).toBeGreaterThan(2);
    expect(def.description.length).toBeGreaterThan(20);
    expect(CATEGORIES).toContain(def.category);
    expect(EQUIVALENCE_CLASSES).toContain(def.equivalence);
    expect(def.roles.length).toBeGreaterThan(0);
    for (const role of def.roles) expect(roles).toContain(role);
  });

  it.each(components.map((d) => [d.id, d] as const))('[CAT4] %s: config defaults validate and every field is described', (_, def) => {
    const defaults = def.config.safeParse({});
    expect(defaults.success, JSON.stringify(defaults.error?.issues)).toBe(true);
    // the defaults themselves are a valid config (round trip)
    expect(def.config.safeParse(defaults.data).success).toBe(true);
    for (const [field, schema] of Object.entries(def.config.shape as Record<string, z.ZodType>)) {
      expect(descriptionOf(schema), `${def.id}.config.${field} has no description`).toBeTruthy();
    }
    // strict: a misspelt key is an error, not silently ignored
    expect(def.config.safeParse({ definitelyNotAField: 1 }).success).toBe(false);
    // JSON Schema export works (the AI tools and docs are built from it)
    expect(() => z.toJSONSchema(def.config, { unrepresentable: 'any' })).not.toThrow();
  });

  it.each(components.map((d) => [d.id, d] as const))('[CAT5] %s can be connected to something', (_, def) => {
    const { in: accepts, out: sends } = acceptedConnections(def);
    expect(accepts.length + sends.length).toBeGreaterThan(0);
    for (const type of def.accepts?.in ?? []) expect(connections.map((c) => c.id)).toContain(type);
    for (const type of def.accepts?.out ?? []) expect(connections.map((c) => c.id)).toContain(type);
  });

  it('[CAT6] every palette category has at least one type, and every type a category', () => {
    for (const category of CATEGORIES) expect(components.some((d) => d.category === category), category).toBe(true);
  });

  it('[CAT7] highly available managed services are marked so in the catalog, not in rules', () => {
    for (const id of ['aws.s3', 'aws.sqs', 'aws.dynamodb', 'gcp.pubsub', 'aws.lambda', 'gcp.cloud-run']) {
      expect(getComponentDef(id)?.roles, id).toContain('ha-managed');
    }
    for (const id of ['postgresql', 'aws.ec2', 'redis']) expect(getComponentDef(id)?.roles, id).not.toContain('ha-managed');
  });
});

describe('connection registry contract', () => {
  it('[CAT8] has the twelve connection types', () => {
    expect(connections.map((c) => c.id).sort()).toEqual(
      ['consume', 'dead-letter', 'graphql', 'grpc', 'http', 'publish', 'read', 'replication', 'stream', 'telemetry', 'websocket', 'write'].sort(),
    );
  });

  it.each(connections.map((c) => [c.id, c] as const))('[CAT9] %s refers to real roles that some component has', (_, def) => {
    for (const role of [...def.from, ...def.to]) expect(roles).toContain(role);
    expect(components.some((c) => c.roles.some((r) => def.from.includes(r))), 'nothing can be its source').toBe(true);
    expect(components.some((c) => c.roles.some((r) => def.to.includes(r))), 'nothing can be its target').toBe(true);
    expect(def.config.safeParse({}).success).toBe(true);
  });

  it('[CAT10] http, grpc and graphql are synchronous; messaging is not', () => {
    const sync = Object.fromEntries(connections.map((c) => [c.id, c.synchronous]));
    expect(sync).toMatchObject({ http: true, grpc: true, graphql: true, publish: false, consume: false, telemetry: false, 'dead-letter': false });
  });

  it.each([
    ['client.web', 'aws.cloudfront', ['http']],
    ['aws.cloudfront', 'aws.s3', ['read']],
    ['service', 'postgresql', ['read', 'write']],
    ['aws.sqs', 'aws.lambda', ['consume']],
    ['aws.lambda', 'aws.sqs', ['publish']],
    ['postgresql', 'postgresql', ['replication', 'stream']],
    ['service', 'llm.anthropic', ['http', 'grpc', 'graphql']],
    ['aws.sqs', 'postgresql', []],
  ])('[CAT11] %s → %s fits %j', (from, to, expected) => {
    const fits = fittingConnectionTypes(getComponentDef(from)!, getComponentDef(to)!);
    for (const type of expected) expect(fits).toContain(type);
    if (expected.length === 0) expect(fits).toEqual([]);
    if (from === 'service' && to === 'postgresql') expect(fits).not.toContain('publish');
  });
});
