import { randomUUID } from 'node:crypto';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import type { LiveMatch } from './live';

/**
 * Relays updates, awareness and stateless messages between server instances through Redis pub/sub, with Hocuspocus's
 * Redis extension. Updates it applies carry the `{ source: 'redis' }` transaction origin and never pass `beforeSync`
 * (there is no connection), so they are not logged again: the instance whose client sent them logged them before
 * acknowledging.
 *
 * Only the relaying hooks are forwarded. The extension's store hooks are left out: they take a Redis lock around
 * Hocuspocus's `onStoreDocument`, which BackArch does not use (the update log is the store), and would hold every
 * server-side change set for `disconnectDelay`. Unloading still waits `disconnectDelay` (beforeUnloadDocument) so a
 * last relay round trip can finish.
 *
 * Besides, it carries disconnects (`LiveDocuments.disconnect`: connections whose access changed) to every instance, on
 * a channel of its own with a subscriber of its own (the extension's subscriber reads whatever it receives as a
 * Hocuspocus message).
 */
export class RedisRelay implements Extension {
  readonly extensionName = 'backarch-redis-relay';
  readonly priority: number;
  private readonly redis: RedisExtension;
  private destroyed = false;
  /** Subscribed to `controlChannel` only. */
  private readonly control: Redis;
  private readonly controlChannel: string;
  /** Tells this instance's own messages apart: Redis delivers them back to it. */
  private readonly identifier = randomUUID();
  private disconnectHandler: ((match: LiveMatch) => void) | undefined;
  private readonly onError: (error: unknown) => void;

  constructor(options: { createClient: () => Redis; prefix: string; onError?: (error: unknown) => void }) {
    // The extension answers another instance's SyncStep1 by publishing from its message handler without awaiting or
    // catching it: when Redis drops (or while shutting down) that rejection would be unhandled, which ends a Node
    // process. Every publish gets a handler here; callers that await one still see its error.
    const createClient = () => {
      const client = options.createClient();
      const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
      client.publish = ((...args: unknown[]) => {
        const sent = publish(...args);
        sent.catch((error: unknown) => {
          if (!this.destroyed) options.onError?.(error);
        });
        return sent;
      }) as never;
      return client;
    };
    this.redis = new RedisExtension({ createClient, prefix: options.prefix });
    this.priority = this.redis.priority;
    this.onError = (error) => {
      if (!this.destroyed) options.onError?.(error);
    };
    this.controlChannel = `${options.prefix}#disconnect`;
    this.control = options.createClient();
    this.control.on('message', (channel: string, message: string) => this.received(channel, message));
    this.control.subscribe(this.controlChannel).catch(this.onError);
  }

  /** Sets what to do when another instance asks to close connections. */
  setDisconnectHandler(handler: (match: LiveMatch) => void): void {
    this.disconnectHandler = handler;
  }

  /** Asks the other instances to close their connections matching `match`. Never rejects: a failure goes to `onError`. */
  async publishDisconnect(match: LiveMatch): Promise<void> {
    if (this.destroyed) return;
    await this.redis.pub.publish(this.controlChannel, JSON.stringify({ from: this.identifier, match })).catch(() => undefined);
  }

  private received(channel: string, message: string): void {
    if (channel !== this.controlChannel) return;
    try {
      const { from, match } = JSON.parse(message) as { from: string; match: LiveMatch };
      if (from !== this.identifier) this.disconnectHandler?.(match);
    } catch (error) {
      this.onError(error);
    }
  }

  onConfigure: NonNullable<Extension['onConfigure']> = (payload) => this.redis.onConfigure(payload);
  afterLoadDocument: NonNullable<Extension['afterLoadDocument']> = (payload) => this.redis.afterLoadDocument(payload);
  onChange: NonNullable<Extension['onChange']> = (payload) => (this.destroyed ? Promise.resolve() : this.redis.onChange(payload));
  onAwarenessUpdate: NonNullable<Extension['onAwarenessUpdate']> = (payload) => (this.destroyed ? Promise.resolve() : this.redis.onAwarenessUpdate(payload));
  beforeBroadcastStateless: NonNullable<Extension['beforeBroadcastStateless']> = (payload) => (this.destroyed ? Promise.resolve() : this.redis.beforeBroadcastStateless(payload));
  beforeUnloadDocument: NonNullable<Extension['beforeUnloadDocument']> = (payload) => (this.destroyed ? Promise.resolve() : this.redis.beforeUnloadDocument(payload));
  afterUnloadDocument: NonNullable<Extension['afterUnloadDocument']> = (payload) => (this.destroyed ? Promise.resolve() : this.redis.afterUnloadDocument(payload));

  /** Closes the publisher and subscriber connections (idempotent, and quick when Redis is unreachable). */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.control.disconnect(false);
    // Stop receiving first: the extension answers a relayed SyncStep1 by publishing from the subscriber's message
    // handler without awaiting it, and its own shutdown closes the publisher before the subscriber, so a message
    // arriving in between would publish on a closed connection (an unhandled rejection).
    this.redis.sub.disconnect(false);
    // the extension's shutdown QUITs through its lock client, which waits forever for an unreachable Redis
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.redis.onDestroy().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
    this.redis.pub.disconnect(false);
    this.redis.sub.disconnect(false);
  }
}
