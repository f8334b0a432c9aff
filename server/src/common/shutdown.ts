/**
 * SIGTERM / SIGINT: stop taking work, finish what is in hand (requests in flight, the job being
 * processed: a flush batch is committed and acknowledged), close connections, exit 0. A stop
 * that hangs past `graceMs` exits 1 so that an orchestrator is not kept waiting.
 */
export function stopOnSignals(app: { close(): Promise<void> }, graceMs = 25_000) {
  let stopping = false;
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      const timer = setTimeout(() => {
        console.error(`still stopping after ${graceMs} ms: exiting`);
        process.exit(1);
      }, graceMs);
      timer.unref();
      app.close().then(
        () => process.exit(0),
        (e) => {
          console.error(e);
          process.exit(1);
        },
      );
    });
  }
}
