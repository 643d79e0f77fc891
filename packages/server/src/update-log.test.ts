import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateLog } from './collab/update-log';
import { team, testServer, type TestServer } from './testing/app';
import { ENGINES } from './testing/storage';

/** A Yjs update that sets `key` in a map: something the log can store and give back. */
function update(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('test').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

describe.each(ENGINES)('the update log on %s', (engine) => {
  let server: TestServer;
  let diagramId: string;
  beforeAll(async () => {
    server = await testServer(engine);
    diagramId = (await team(server)).diagram.id;
  });
  afterAll(() => server.close());

  it("saves the edits that share a commit with those of a diagram that is gone, and refuses only the latter's", async () => {
    // a long batch window: both appends go into one INSERT
    const log = new UpdateLog(server.storage.db, { batchMs: 50 });
    const [kept, lost] = await Promise.allSettled([log.append(diagramId, update('kept')), log.append('deleted-diagram', update('lost'))]);
    expect(kept.status).toBe('fulfilled');
    expect(lost.status).toBe('rejected');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await log.load(diagramId))!);
    expect(doc.getMap('test').get('kept')).toBe(true);
  });
});
