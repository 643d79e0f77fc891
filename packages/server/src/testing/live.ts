import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A collaborator in Node: a Hocuspocus provider over `ws`, sending the session cookie and CSRF token like the web app. `acked`
 * counts the edits the server has confirmed saved; `disconnects` the times its socket closed (it reconnects once, a
 * second after, and authenticates again).
 */
export class LiveClient {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  sent = 0;
  failed: string | undefined;
  readOnly: boolean | undefined;
  disconnects = 0;

  /** `who` is a signed-in browser: its session cookie, and the CSRF token it proves the session with (its own page read it). */
  constructor(baseUrl: string, diagramId: string, who: { cookie: string; csrf: string }) {
    const { cookie } = who;
    const Polyfill = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
      }
    };
    this.socket = new HocuspocusProviderWebsocket({ url: `${baseUrl.replace(/^http/, 'ws')}/collab`, WebSocketPolyfill: Polyfill as never, maxAttempts: 1 });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: diagramId,
      document: this.doc,
      token: who.csrf,
      onAuthenticationFailed: ({ reason }) => (this.failed = reason),
      onAuthenticated: ({ scope }) => (this.readOnly = scope === 'readonly'),
    });
    this.socket.on('disconnect', () => this.disconnects++);
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.sent++;
    });
    this.provider.attach();
  }

  /** Edits the server has acknowledged (it acknowledges in order). */
  get acked(): number {
    return this.sent - this.provider.unsyncedChanges;
  }

  async until(check: () => boolean, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  synced(): Promise<void> {
    return this.until(() => this.provider.isSynced || this.failed !== undefined);
  }

  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}
