/**
 * `node dist/main.js`: starts the gateway from the environment (see
 * `config.ts`), logs its URL, and shuts down gracefully on SIGINT / SIGTERM
 * (a second signal exits at once).
 */
import { GatewayConfigError, readGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof readGatewayConfig>;
  try {
    config = readGatewayConfig(process.env);
  } catch (error) {
    if (error instanceof GatewayConfigError) {
      console.error(`parley gateway: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const gateway = await startGateway(config);
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  const auth = config.apiKeys.length > 0 ? `${config.apiKeys.length} API key(s)` : 'no auth (loopback only)';
  console.log(`parley gateway: ${wsUrl}/v1/realtime (health ${gateway.url}/healthz, ${auth})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`parley gateway: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`parley gateway: ${signal}, finishing running responses`);
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('parley gateway: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('parley gateway: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
