import { createApp } from './create-app';
import { env } from './config/env';
import { stopOnSignals } from './common/shutdown';

async function main() {
  let cfg;
  try {
    cfg = env();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const app = await createApp();
  await app.listen({ port: cfg.PORT, host: cfg.HOST });
  stopOnSignals(app);
  app.getHttpAdapter().getInstance().log.info({ port: cfg.PORT }, 'api listening');
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
