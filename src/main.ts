import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  // A reconnect storm arrives faster than accept(): the default backlog (511) drops handshakes.
  const address = await app.http.listen({ port: config.PORT, host: config.HOST, backlog: 4096 });
  app.http.log.info(`Parley listening on ${address} (database: ${app.databaseKind}, data: ${config.dataDir})`);

  const stop = (signal: string) => {
    app.http.log.info(`${signal}: draining`);
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.http.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
