import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrate, openStorage } from './db/database';
import { RESTORE_DAYS } from './routes/diagrams';

/**
 * Starts the server: configuration, storage, migrations, then listen. Stops gracefully on SIGTERM/SIGINT: pending
 * versions are recorded and the update log drained before the database closes.
 */
export async function startServer(env: Record<string, string | undefined> = process.env): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig(env);
  const storage = await openStorage(config);
  const applied = await migrate(storage.db);
  const { fastify, services } = await buildApp(config, storage);
  fastify.log.info({ engine: storage.engine, location: storage.location, migrationsApplied: applied }, 'storage ready');

  const purge = async () => {
    const cutoff = new Date(Date.now() - RESTORE_DAYS * 86400_000);
    const purged = await storage.db.deleteFrom('diagrams').where('deleted_at', '<', cutoff).executeTakeFirst();
    if (purged.numDeletedRows > 0n) fastify.log.info({ purged: Number(purged.numDeletedRows) }, 'purged diagrams deleted more than 30 days ago');
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().catch((err) => fastify.log.warn({ err }, 'purge failed')), 6 * 3600_000).unref();

  await fastify.listen({ port: config.port, host: config.host });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(purgeTimer);
      await services.live.close();
      await fastify.close();
      await storage.close();
    })());
  return { url, stop };
}

/** `npm start`: run until a signal, print where. */
export async function main(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  console.log(`BackArch is running at ${server.url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: saving pending work and stopping…`);
      server.stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
