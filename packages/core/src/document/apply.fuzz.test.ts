import { describe, expect, it } from 'vitest';
import { generateArchitecture } from '../testing/generate';
import { pick, seededRandom } from '../testing/random';
import { applyChangeSet } from './apply';
import type { Op } from './change-set';
import { parseDocument } from './parse';
import type { ArchDocument } from './schema';
import { serializeDocument } from './serialize';

/** Named random ops, as the yjs fuzzers do; some are deliberately invalid (bad values, missing ids). */
const OPS: Array<(doc: ArchDocument, random: () => number, n: number) => Op> = [
  function addService(_, random, n) {
    return { op: 'addComponent', component: { id: `new-${n}`, type: pick(random, ['service', 'redis', 'aws.sqs']), position: { x: n, y: 0 } } };
  },
  function removeComponent(doc, random) {
    return { op: 'removeComponent', id: pick(random, doc.components).id };
  },
  function scale(doc, random) {
    const target = pick(random, doc.components);
    return { op: 'updateComponent', id: target.id, config: { replicas: pick(random, [1, 2, 5, null, 0]) } };
  },
  function relabel(doc, random) {
    return { op: 'updateComponent', id: pick(random, doc.components).id, label: pick(random, ['Orders', null, 'Cart']) };
  },
  function connect(doc, random) {
    return { op: 'addConnection', connection: { from: pick(random, doc.components).id, to: pick(random, doc.components).id, type: pick(random, ['http', 'write', 'publish', 'consume']) } };
  },
  function disconnect(doc, random) {
    return { op: 'removeConnection', id: doc.connections.length ? pick(random, doc.connections).id : 'none->none:http' };
  },
  function tuneConnection(doc, random) {
    const target = doc.connections.length ? pick(random, doc.connections).id : 'none->none:http';
    return { op: 'updateConnection', id: target, config: { timeoutMs: pick(random, [500, 2000, null, -1]) } };
  },
  function move(doc, random) {
    return { op: 'moveComponents', positions: { [pick(random, doc.components).id]: pick(random, [{ x: random() * 1000, y: 0 }, null]) } };
  },
  function constrain(_, random) {
    return { op: 'setConstraints', constraints: { teamSize: pick(random, [2, 8, null]), budgetUsdPerMonth: pick(random, [{ max: 900 }, null]) } };
  },
];

describe('change sets under random edits', () => {
  it('[CS5] every accepted change set yields a valid document whose inverse restores it exactly; rejected ones change nothing', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      let doc = generateArchitecture({ shape: 'random', components: 40, seed });
      let accepted = 0;
      let rejected = 0;
      for (let step = 0; step < 150; step++) {
        const ops = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => pick(random, OPS)(doc, random, step * 10 + k));
        const before = serializeDocument(doc);
        const result = applyChangeSet(doc, { origin: 'user', summary: `step ${step}`, ops });
        const context = `seed ${seed}, step ${step}: ${JSON.stringify(ops)}`;
        if (!result.ok) {
          rejected++;
          expect(serializeDocument(doc), context).toBe(before);
          expect(result.errors.length, context).toBeGreaterThan(0);
          continue;
        }
        accepted++;
        const reparsed = parseDocument(serializeDocument(result.document));
        expect(reparsed.ok ? [] : reparsed.errors, context).toEqual([]);
        const undone = applyChangeSet(result.document, result.inverse);
        expect(undone.ok && serializeDocument(undone.document), context).toBe(before);
        doc = result.document;
      }
      expect(accepted).toBeGreaterThan(20);
      expect(rejected).toBeGreaterThan(20);
    }
  });
});
