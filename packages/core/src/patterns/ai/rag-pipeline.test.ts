import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import { health } from '../../health/engine';
import pattern from './rag-pipeline';

/** Customer support on GCP in europe-west1 under the GDPR: the triage service (personal data) asks Gemini without retrieval. */
const desk = parseDocumentOrThrow(readFileSync(new URL('../../../../../examples/support-desk-first-draft.backarch.json', import.meta.url), 'utf8'));

function applied(doc: ArchDocument, params?: Record<string, unknown>): ArchDocument {
  const [target] = pattern.appliesTo(doc);
  const result = applyChangeSet(doc, pattern.apply(doc, target!, params));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
}

const residency = (doc: ArchDocument) => health(doc).findings.filter((f) => f.rule === 'data-residency');
const config = (doc: ArchDocument, id: string) => doc.components.find((c) => c.id === id)!.config ?? {};

describe('rag-pipeline', () => {
  it('keeps what it adds in the document’s EU region under the GDPR, flagged where personal data flows', () => {
    const after = applied(desk);
    expect(residency(after)).toEqual(residency(desk));
    expect(config(after, 'embedding')).toMatchObject({ provider: 'google', region: 'europe-west1' });
    // self-run index and worker inherit europe-west1; they hold the indexed tickets' personal data
    expect(config(after, 'qdrant')).toMatchObject({ personalData: true });
    expect(config(after, 'qdrant').region).toBeUndefined();
    expect(config(after, 'ingest-worker')).toMatchObject({ personalData: true });
  });

  it('places the added components in the cloud’s EU region when the document region is outside the EU', () => {
    const us = parseDocumentOrThrow({ ...desk, constraints: { ...desk.constraints, region: 'us-central1' } });
    const after = applied(us);
    const added = (f: { components: string[] }) => f.components.some((id) => ['embedding', 'qdrant', 'ingest-worker'].includes(id));
    expect(residency(after).filter(added)).toEqual([]);
    for (const id of ['embedding', 'qdrant', 'ingest-worker']) expect(config(after, id)).toMatchObject({ region: 'europe-west1' });
  });

  it('sets Pinecone’s EU location, and no region outside the GDPR', () => {
    expect(config(applied(desk, { vectorStore: 'pinecone' }), 'pinecone')).toMatchObject({ region: 'eu-west-1', personalData: true });
    const plain = parseDocumentOrThrow({ ...desk, constraints: { ...desk.constraints, compliance: [] } });
    const after = applied(plain, { vectorStore: 'pinecone' });
    for (const id of ['embedding', 'pinecone', 'ingest-worker']) expect(config(after, id).region).toBeUndefined();
  });
});
