// A child process running the ingestion service (FLYWHEEL_* from its environment), for tests
// that kill it: chDB binds one data directory per process, so the test reads the directory only
// after this process is gone. SIGTERM stops it gracefully.
import { startIngestion } from './ingestion-harness';

async function main(): Promise<void> {
  const ingestion = await startIngestion(process.env);
  process.once('SIGTERM', () => {
    ingestion.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`ingestion child: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`ingestion child: ${String(error)}\n`);
  process.exit(1);
});
