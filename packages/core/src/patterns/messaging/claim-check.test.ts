import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../document/apply';
import { parseDocumentOrThrow } from '../../document/parse';
import type { ArchDocument } from '../../document/schema';
import { traffic } from '../../traffic/traffic';
import pattern from './claim-check';

/** Customer support on GCP: 900 KB tickets on Pub/Sub, published on 1 % of the ticketing service's requests. */
const desk = parseDocumentOrThrow(readFileSync(new URL('../../../../../examples/support-desk-first-draft.backarch.json', import.meta.url), 'utf8'));

function applied(doc: ArchDocument): ArchDocument {
  const [target] = pattern.appliesTo(doc);
  const result = applyChangeSet(doc, pattern.apply(doc, target!));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
}

const monthly = (t: ReturnType<typeof traffic>, id: string) => t.connections.get(id)!.monthlyRequests;

describe('claim-check', () => {
  it('writes and reads payloads at the rate of the messages they replace, not at the services’ whole request rate', () => {
    const before = traffic(desk);
    const after = applied(desk);
    const t = traffic(after);
    const publish = monthly(before, 'tickets->ticket-events:publish');
    // ~234k tickets and replies a month: one object write each (without the publish share: 23.36M, every request)
    expect(publish).toBeCloseTo(233_600, -2);
    expect(monthly(t, 'tickets->ticket-events-payloads:write')).toBeCloseTo(publish, 3);
    for (const consumer of ['attachments', 'triage']) {
      expect(monthly(t, `${consumer}->ticket-events-payloads:read`)).toBeCloseTo(monthly(before, `ticket-events->${consumer}:consume`), 3);
    }
    expect(after.connections.find((c) => c.id === 'tickets->ticket-events-payloads:write')!.config).toEqual({ timeoutMs: 5000, retries: 3, share: 0.01 });
  });

  it('reads a payload only for the deliveries of a consumer that also serves requests', () => {
    const doc = parseDocumentOrThrow({
      backarch: 1,
      name: 'Reports',
      constraints: { cloud: 'aws', region: 'us-east-1', traffic: { peakRps: 100 } },
      components: [
        { id: 'web', type: 'client.web' },
        { id: 'api', type: 'aws.api-gateway', config: { auth: 'jwt' } },
        { id: 'exports', type: 'service' },
        { id: 'batches', type: 'aws.sqs', config: { deadLetter: true, usage: { requestSizeKb: 600 } } },
        { id: 'renderer', type: 'service' },
      ],
      connections: [
        { from: 'web', to: 'api', type: 'http' },
        { from: 'api', to: 'exports', type: 'http', config: { share: 0.5 } },
        { from: 'api', to: 'renderer', type: 'http', config: { share: 0.5 } },
        { from: 'exports', to: 'batches', type: 'publish', config: { share: 0.2 } },
        { from: 'batches', to: 'renderer', type: 'consume' },
      ],
    });
    const t = traffic(applied(doc));
    // exports publishes 10 messages/s; the renderer takes those plus 50 requests/s of its own
    expect(t.connections.get('exports->batches-payloads:write')!.peakRps).toBeCloseTo(10, 6);
    expect(t.connections.get('renderer->batches-payloads:read')!.peakRps).toBeCloseTo(10, 4);
    expect(t.components.get('batches-payloads')!.peakRps).toBeCloseTo(20, 4);
  });
});
