import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, share3 } from './wiring';

const params = z.object({
  store: z
    .enum(['cloud', 'vault'])
    .default('cloud')
    .describe("The cloud's secrets service (Secrets Manager, Secret Manager, Key Vault), or HashiCorp Vault run by you (the default on multi-cloud designs)."),
  rotationDays: z.number().int().min(0).max(1000).default(30).describe('Days between automatic rotations of each secret; 0 turns rotation off.'),
  cacheTtlSeconds: z.number().int().min(10).max(86400).default(300).describe('How long a service caches a fetched secret before reading it again (client-side caching library).'),
});

const SECONDS_PER_MONTH = 730 * 3600;

/** Open technologies reached with a password, token or key rather than the platform identity. */
const PASSWORD_STORES = new Set(['postgresql', 'mysql', 'mongodb', 'redis', 'kafka', 'rabbitmq', 'elasticsearch', 'qdrant', 'weaviate', 'meilisearch']);
const CALLS = new Set(['http', 'grpc', 'graphql', 'websocket', 'read', 'write', 'publish', 'stream']);

/** What credential a service needs to reach `to`, or undefined when its workload identity (IAM) is enough. */
function credentialFor(ctx: PatternContext, to: string): string | undefined {
  const type = ctx.component(to)?.type ?? '';
  const auth = ctx.config(to).auth;
  if (auth === 'iam' || auth === 'mtls') return undefined;
  if (ctx.hasRole(to, 'llm') || ctx.hasRole(to, 'embedding')) return ctx.config(to).platform === 'vertex-ai' ? undefined : 'API key';
  if (type === 'pinecone') return 'API key';
  if (ctx.hasRole(to, 'external-api')) return 'API credentials';
  if (ctx.hasRole(to, 'auth-provider')) return 'client secret';
  if (PASSWORD_STORES.has(type)) return type === 'kafka' ? 'SASL credentials' : type === 'redis' ? 'AUTH token' : type === 'qdrant' || type === 'weaviate' || type === 'meilisearch' ? 'API key' : 'password';
  return undefined;
}

interface Holder {
  id: string;
  needs: Array<{ to: string; what: string }>;
}

function holders(ctx: PatternContext): Holder[] {
  const out: Holder[] = [];
  for (const id of ctx.withRole('service')) {
    if (ctx.outgoing(id, ['read']).some((c) => ctx.hasRole(c.to, 'secrets'))) continue;
    const needs = new Map<string, string>();
    for (const c of ctx.outgoing(id)) {
      if (!CALLS.has(c.type) || needs.has(c.to)) continue;
      const what = credentialFor(ctx, c.to);
      if (what) needs.set(c.to, what);
    }
    if (needs.size > 0) out.push({ id, needs: [...needs].map(([to, what]) => ({ to, what })) });
  }
  return out.sort((a, b) => b.needs.length - a.needs.length || ctx.peakRps(b.id) - ctx.peakRps(a.id));
}

const storeType = (doc: ArchDocument, store: 'cloud' | 'vault') => {
  const cloud = doc.constraints.cloud;
  if (store === 'vault' || !cloud || cloud === 'multi') return 'vault';
  return { aws: 'aws.secrets-manager', gcp: 'gcp.secret-manager', azure: 'azure.key-vault' }[cloud];
};

/** Instances of a service that each fetch and cache their secrets. */
function instances(ctx: PatternContext, id: string): number {
  const c = ctx.config(id);
  const autoscaling = c.autoscaling as { min: number; max: number } | undefined;
  if (autoscaling) return autoscaling.max;
  for (const key of ['replicas', 'maxInstances', 'nodeCount']) if (typeof c[key] === 'number') return c[key] as number;
  return 10; // functions: warm execution environments at a time, a rough planning figure
}

export default definePattern({
  id: 'secrets-manager',
  name: 'Secrets in a secrets manager',
  category: 'security',
  difficulty: 'beginner',
  problem:
    'Services need database passwords, LLM and partner API keys and OAuth client secrets. Kept in environment files, container images, CI variables or the repository, they leak with a laptop, a log line or a public fork, nobody knows who can read them, and rotating one means redeploying every service that holds a copy, so they never get rotated.',
  solution:
    'Credentials live in one secrets store, encrypted with a KMS key, with access granted per workload identity (IAM role, service account or managed identity) and every read audited. Services fetch their secrets at start-up and cache them for a few minutes, re-reading on expiry or on an authentication failure. Rotation runs on a schedule: the store writes a new version, the dependency is updated (new database password, new API key), and services pick it up on their next refresh, with the previous version kept valid until then.',
  tradeoffs: {
    latency: 'A fetch takes ~5–30 ms, paid at start-up and once per cache period, never per request; a cold function pays it in its first invocation.',
    consistency: 'After a rotation, instances keep the old value until their cache expires (5 minutes by default here): the dependency must accept both versions for that window, or rotation must use two alternating users.',
    cost: 'AWS Secrets Manager lists $0.40 per secret per month plus $0.05 per 10,000 calls; Google Secret Manager $0.06 per active version and $0.03 per 10,000 accesses; Key Vault $0.03 per 10,000 operations. The price book has no records for them yet, so BackArch shows the store as unpriced. Vault costs a 3-node cluster and its on-call.',
    operations: 'IAM policies per secret must be kept tight (one service, its own secrets); rotation functions need tests, because a failed rotation that updated the database but not the store locks every service out.',
  },
  avoidWhen:
    'Every dependency already authenticates the workload identity itself (DynamoDB, S3, SQS, Cloud SQL IAM login, managed identities on Azure): there is no secret to store, and adding one only adds a call.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const found = holders(ctx);
    if (found.length === 0) return [];
    const existing = ctx.withRole('secrets')[0];
    const shown = found.slice(0, 3).map((h) => `${ctx.name(h.id)} (${names(h.needs.map((n) => `${ctx.name(n.to)} ${n.what}`), 3)})`);
    const credentials = found.reduce((sum, h) => sum + h.needs.length, 0);
    const target: PatternTarget = {
      components: found.map((h) => h.id),
      connections: [],
      reason: `${found.length} service${found.length === 1 ? ' holds' : 's hold'} ${credentials} credential${credentials === 1 ? '' : 's'} with no secrets store behind them: ${names(shown, 3)}${found.length > 3 ? ` and ${found.length - 3} more` : ''}. ${existing ? `${ctx.name(existing)} is in the design but they do not read from it.` : 'Nothing rotates them or audits who read them.'}`,
    };
    return inSelection([target], selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const found = holders(ctx).filter((h) => target.components.includes(h.id));
    if (found.length === 0) throw new Error('no service at this target holds credentials without a secrets store');
    const ops: Op[] = [];
    let store = ctx.withRole('secrets')[0];
    const count = found.reduce((sum, h) => sum + h.needs.length, 0);
    const monthlyReads = found.reduce((sum, h) => sum + (instances(ctx, h.id) * h.needs.length * SECONDS_PER_MONTH) / p.cacheTtlSeconds, 0);
    let storeName: string;
    if (!store) {
      const type = storeType(doc, p.store)!;
      store = idMaker(doc)(type === 'vault' ? 'vault' : 'secrets');
      storeName = { 'aws.secrets-manager': 'Secrets Manager', 'gcp.secret-manager': 'Secret Manager', 'azure.key-vault': 'Key Vault', vault: 'Vault' }[type]!;
      const config: Record<string, unknown> =
        type === 'aws.secrets-manager'
          ? { secretCount: count, rotationDays: p.rotationDays }
          : type === 'gcp.secret-manager'
            ? { activeVersions: count, rotationDays: p.rotationDays }
            : type === 'azure.key-vault'
              ? { rotationDays: p.rotationDays }
              : { replicas: 3 };
      config.usage = { monthlyRequests: Math.round(monthlyReads) };
      ops.push(
        addComponent({
          id: store,
          type,
          label: storeName,
          config,
          position: near(ctx, found[0]!.id, 0, -140),
          notes: `${count} credentials (${found.map((h) => `${ctx.name(h.id)}: ${h.needs.map((n) => ctx.name(n.to)).join(', ')}`).join('; ')}). Services cache each secret ${p.cacheTtlSeconds} s${p.rotationDays > 0 ? `; rotated every ${p.rotationDays} days` : ''}.`,
        }),
      );
    } else storeName = ctx.name(store);
    for (const h of found) {
      // secrets are fetched per instance per cache period, not per request: the share keeps the traffic model honest
      const fetchRps = (instances(ctx, h.id) * h.needs.length) / p.cacheTtlSeconds;
      const peak = ctx.peakRps(h.id);
      ops.push(addConnection({ from: h.id, to: store, type: 'read', ...(peak > 0 && { config: { share: Math.max(0.001, share3(fetchRps / peak)) } }) }));
    }
    return patternChangeSet(
      'secrets-manager',
      `${storeName} holds ${count} credential${count === 1 ? '' : 's'} for ${names(found.map((h) => ctx.name(h.id)), 3)}${p.rotationDays > 0 ? `, rotated every ${p.rotationDays} days` : ''} (~${fmt(monthlyReads)} reads/month with ${p.cacheTtlSeconds} s caching)`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Secrets manager',
    description: 'The orders service keeps its PostgreSQL password and the payment provider API key in environment variables.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 150 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Web app', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'orders', type: 'service', label: 'Orders', config: { replicas: 3 }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'postgresql', label: 'Orders DB', config: { multiAz: true }, position: { x: 720, y: 0 } },
      { id: 'psp', type: 'client.external', label: 'Payment provider', position: { x: 720, y: 140 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'orders', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'orders', to: 'db', type: 'write', config: { timeoutMs: 2000 } },
      { from: 'orders', to: 'psp', type: 'http', config: { circuitBreaker: true, timeoutMs: 5000, share: 0.3 } },
    ],
  },
});
