import { z } from 'zod';
import type { Op } from '../../document/change-set';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext, type PatternContext } from '../context';
import type { PatternTarget } from '../types';
import { copyTelemetry, fmt, names, underStrictCompliance } from '../security/wiring';
import { configKeys } from '../scalability/wiring';
import { EU_REGION } from '../../health/rules/data-residency';
import { documentCloud } from '../../pricing/engine';
import { isEuRegion } from '../../pricing/regions';

const params = z.object({
  vectorStore: z
    .enum(['auto', 'opensearch', 'qdrant', 'pinecone'])
    .default('auto')
    .describe('Vector index: "auto" is OpenSearch (k-NN) on AWS and Qdrant elsewhere; Pinecone is fully managed SaaS.'),
  topK: z.number().int().min(1).max(50).default(5).describe('Chunks retrieved and added to each prompt.'),
  chunkTokens: z.number().int().min(50).max(4000).default(400).describe('Tokens per retrieved chunk.'),
  queryTokens: z.number().int().min(1).max(8000).default(60).describe('Tokens embedded per question.'),
});

const CALLS = ['http', 'grpc', 'graphql'];
const DEFAULT_INPUT_TOKENS = 1500; // what the pricing engine assumes without usage.inputTokensPerRequest

/** Pinecone's EU location (AWS Ireland), the one the data-residency rule's fix sets. */
const PINECONE_EU_REGION = 'eu-west-1';

/**
 * Under the GDPR, the EU region the added components run in: the document's own region when it is in the EU/EEA, else
 * the EU region of the document's cloud. Undefined when the GDPR does not apply.
 */
function gdprRegion(ctx: PatternContext): string | undefined {
  const { doc } = ctx;
  if (!(doc.constraints.compliance ?? []).includes('gdpr')) return undefined;
  const region = doc.constraints.region;
  return region !== undefined && isEuRegion(region) ? region : EU_REGION[documentCloud(doc)];
}

/** `{ personalData: true }` when the type takes the flag and the data flowing into it is personal. */
const personalFlag = (type: string, personal: boolean): Record<string, unknown> => (personal && configKeys(type).has('personalData') ? { personalData: true } : {});

const retrieves = (ctx: PatternContext, id: string) => ctx.outgoing(id, ['read']).some((c) => ctx.hasRole(c.to, 'vector-index') || ctx.hasRole(c.to, 'search'));

function llmsOf(ctx: PatternContext, id: string): string[] {
  return [...new Set(ctx.outgoing(id, CALLS).filter((c) => ctx.hasRole(c.to, 'llm')).map((c) => c.to))];
}

export default definePattern({
  id: 'rag-pipeline',
  name: 'Retrieval-augmented generation',
  category: 'ai',
  difficulty: 'advanced',
  problem:
    "A service sends users' questions to an LLM with nothing but the question and a system prompt. The model answers from its training data: it does not know the company's documents, prices or policies, invents plausible details when asked about them, cannot cite a source, and goes stale the day after its cut-off.",
  solution:
    'Documents are split into chunks, embedded once by an ingestion worker and stored with their metadata in a vector index. At question time the service embeds the question, retrieves the top-k most similar chunks (filtered by tenant and permissions), and puts them in the prompt with an instruction to answer only from them and cite them. Updating knowledge means re-indexing a document, not retraining a model.',
  tradeoffs: {
    latency: 'Adds an embedding call (~20–100 ms) and a vector search (~5–50 ms) before generation, plus the time the model spends reading the longer prompt (a few hundred ms for 2,000 extra tokens).',
    consistency: 'Answers reflect the index, not the source of truth: a document edited a minute ago is served stale until the ingestion worker re-embeds it, so deletions and permission changes need their own fast path.',
    cost: 'Each request carries topK × chunkTokens more input tokens (5 × 400 = 2,000 by default), which on a $3-per-million-input-token model is $0.006 per request; the vector index runs all month (Qdrant or OpenSearch nodes) or bills per read unit (Pinecone). Embedding the question costs cents per million tokens.',
    operations: 'Chunking, the embedding model and the index are versioned together: changing the model means re-embedding everything. Retrieval quality needs an evaluation set, or regressions go unnoticed.',
  },
  avoidWhen:
    'The knowledge fits in the prompt (a few pages, cached with prompt caching), the task needs no private knowledge (rewriting, classification), or answers must come from structured data better fetched by a query or a tool call.',
  addresses: [],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    for (const id of ctx.withRole('service')) {
      const llms = llmsOf(ctx, id);
      if (llms.length === 0 || retrieves(ctx, id)) continue;
      const connections = ctx.outgoing(id, CALLS).filter((c) => llms.includes(c.to));
      const rate = connections.reduce((sum, c) => sum + ctx.peakRps(c.id), 0);
      targets.push({
        components: [id, ...llms],
        connections: connections.map((c) => c.id),
        reason: `${ctx.name(id)} asks ${names(llms.map((l) => ctx.name(l)))}${rate > 0 ? ` ~${fmt(rate)} times/s at peak` : ''} with no retrieval step: answers about your own documents come from the model's memory, without sources.`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const service = target.components[0]!;
    const llms = llmsOf(ctx, service);
    if (!ctx.component(service) || llms.length === 0) throw new Error(`${service} calls no LLM`);
    const make = idMaker(doc);
    const cloud = doc.constraints.cloud;
    const strict = underStrictCompliance(doc);
    const ops: Op[] = [];
    // under the GDPR every added component stays in the EU, and those the service's personal data reaches say so: the
    // questions go to the embedding model, and the documents indexed for a service handling personal data (past
    // tickets, cases, conversations) hold it too
    const eu = gdprRegion(ctx);
    const personal = ctx.config(service).personalData === true;
    const ownRegion = eu !== undefined && eu !== doc.constraints.region ? { region: eu } : {};

    const embedding = make('embedding');
    const google = cloud === 'gcp';
    ops.push(
      addComponent({
        id: embedding,
        type: 'embedding',
        label: 'Embeddings',
        config: {
          provider: google ? 'google' : 'openai',
          model: google ? 'gemini-embedding-001' : 'text-embedding-3-small',
          usage: { inputTokensPerRequest: p.queryTokens },
          // a model API runs wherever the provider serves it unless an EU location is set, whatever the document region
          ...(eu !== undefined && { region: eu }),
          ...personalFlag('embedding', personal),
        },
        position: near(ctx, service, 240, -140),
      }),
    );
    const store = p.vectorStore !== 'auto' ? p.vectorStore : cloud === 'aws' ? 'opensearch' : 'qdrant';
    const index = make(store === 'opensearch' ? 'vector-index' : store);
    const indexType = store === 'opensearch' ? 'aws.opensearch' : store;
    const indexConfig: Record<string, unknown> = {
      ...(store === 'opensearch'
        ? { replicas: 2, multiAz: true, ...(strict && { encryptedAtRest: true }) }
        : store === 'qdrant'
          ? { replicas: 3, replicationFactor: 2, quantization: 'scalar', ...(strict && cloud === 'aws' && { encryptedAtRest: true }) }
          : { plan: 'standard', indexType: 'serverless' }),
      // Pinecone is SaaS: without a region it is not in ours
      ...(store === 'pinecone' ? eu !== undefined && { region: PINECONE_EU_REGION } : ownRegion),
      ...personalFlag(indexType, personal),
    };
    const indexLabel = store === 'opensearch' ? 'Vector index (OpenSearch)' : store === 'qdrant' ? 'Qdrant' : 'Pinecone';
    ops.push(addComponent({ id: index, type: indexType, label: indexLabel, config: indexConfig, position: near(ctx, service, 240, 140) }));
    // a self-run index is reached over mutual TLS when compliance asks for it (the mtls rule)
    const mtls = strict && store === 'qdrant' ? { mtls: true } : {};

    ops.push(addConnection({ from: service, to: embedding, type: 'http', config: { circuitBreaker: true, timeoutMs: 2000, retries: 2 } }));
    ops.push(addConnection({ from: service, to: index, type: 'read', config: { timeoutMs: 1000, retries: 1, ...mtls } }));

    const worker = make('ingest-worker');
    ops.push(
      addComponent({
        id: worker,
        type: 'service',
        label: 'Ingestion worker',
        config: { replicas: 2, vcpus: 1, memoryMb: 2048, ...ownRegion, ...personalFlag('service', personal) },
        position: near(ctx, service, 480, 140),
        notes: `Splits documents into ~${p.chunkTokens}-token chunks, embeds them in batches and upserts them with their metadata; re-embeds on change and deletes on removal.`,
      }),
    );
    ops.push(addConnection({ from: worker, to: embedding, type: 'http', config: { circuitBreaker: true, timeoutMs: 30000, retries: 5 } }));
    ops.push(addConnection({ from: worker, to: index, type: 'write', config: { timeoutMs: 10000, retries: 3, ...mtls } }));
    ops.push(...copyTelemetry(doc, service, worker));

    // retrieved context makes every prompt longer: the traffic model's token counts follow
    const added = p.topK * p.chunkTokens;
    for (const llm of llms) {
      const usage = (ctx.component(llm)!.config?.usage ?? {}) as Record<string, unknown>;
      const before = typeof usage.inputTokensPerRequest === 'number' ? usage.inputTokensPerRequest : DEFAULT_INPUT_TOKENS;
      ops.push({ op: 'updateComponent', id: llm, config: { usage: { ...usage, inputTokensPerRequest: before + added } } });
    }
    return patternChangeSet(
      'rag-pipeline',
      `RAG for ${ctx.name(service)}: embeddings, ${indexLabel} and an ingestion worker; top ${p.topK} chunks add ~${fmt(added)} input tokens per ${names(llms.map((l) => ctx.name(l)), 2)} request`,
      ops,
    );
  },
  preview: {
    backarch: 1,
    name: 'Retrieval-augmented generation',
    description: 'A support assistant sends questions straight to Claude, which knows nothing about the product documentation.',
    constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 5 } },
    components: [
      { id: 'web', type: 'client.web', label: 'Help center', position: { x: 0, y: 0 } },
      { id: 'gateway', type: 'aws.api-gateway', label: 'API', config: { auth: 'jwt' }, position: { x: 240, y: 0 } },
      { id: 'assistant', type: 'service', label: 'Assistant', position: { x: 480, y: 0 } },
      { id: 'claude', type: 'llm.anthropic', label: 'Claude', config: { usage: { inputTokensPerRequest: 800, outputTokensPerRequest: 400 } }, position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'web', to: 'gateway', type: 'http' },
      { from: 'gateway', to: 'assistant', type: 'http', config: { timeoutMs: 60000 } },
      { from: 'assistant', to: 'claude', type: 'http', config: { circuitBreaker: true, timeoutMs: 60000 } },
    ],
  },
});
