import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { orchestrationV1 } from '@flywheel/contracts';
import { freePort, testStack, waitFor } from '@flywheel/testing';
import {
  type OrchestrationWorld,
  PEPPER,
  createWorld,
  orchestrationStub,
} from './orchestration-harness';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '..', '..', '..');

// Each step appends a line to <step>.count in the run directory. `work` hangs on its first
// attempt (after recording its pid), so the orchestrator is killed while it runs.
const COUNT =
  "const fs = require('fs'); const step = process.env.FLYWHEEL_STEP; fs.appendFileSync(step + '.count', process.env.FLYWHEEL_ATTEMPT + '\\n');";
const HANG_FIRST = `${COUNT} if (process.env.FLYWHEEL_ATTEMPT === '1') { fs.writeFileSync('work.pid', String(process.pid)); setInterval(() => {}, 1000); }`;

const step = (name: string, script: string, extra: string[] = []): string[] => [
  `  - name: ${name}`,
  `    process: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify('-e')}, ${JSON.stringify(script)}] }`,
  ...extra,
];

const PIPELINE = [
  'apiVersion: flywheel/v1',
  'kind: Pipeline',
  'name: crash-safe',
  'steps:',
  ...step('prepare', COUNT),
  ...step('work', HANG_FIRST, ['    depends_on: prepare', '    retry: { limit: 2, backoff: 100ms }']),
  ...step('finish', COUNT, ['    depends_on: work']),
  '',
].join('\n');

/** An orchestrator in its own process (SWC on the fly), resolved once it serves gRPC. */
async function spawnOrchestrator(world: OrchestrationWorld, grpcPort: number): Promise<ChildProcess> {
  const settings = {
    databaseUrl: testStack().databaseUrl,
    dataDir: world.dataDir,
    grpcPort,
    identitySchema: world.identitySchema,
    pepper: PEPPER,
    options: world.options,
  };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'orchestrator-process.ts'), JSON.stringify(settings)],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => fail(new Error(`orchestrator exited with ${code}: ${stderr}`)));
  });
  return child;
}

const counts = (runDir: string, name: string): string[] =>
  existsSync(join(runDir, `${name}.count`))
    ? readFileSync(join(runDir, `${name}.count`), 'utf8')
        .trim()
        .split('\n')
    : [];

describe('an orchestrator process killed with SIGKILL during a step', () => {
  let world: OrchestrationWorld;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    world = await createWorld({ leaseMs: 1_500, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await world.close();
  });

  it('resumes the run on restart: steps done before the kill run once, the interrupted step runs again, the rest once', async () => {
    const port = await freePort();
    const first = await spawnOrchestrator(world, port);
    children.push(first);
    const grpc = orchestrationStub(`127.0.0.1:${port}`);
    await grpc.call('registerPipeline', { yaml: PIPELINE }, world.tokens.admin);
    const { runId } = await grpc.call('triggerPipeline', { name: 'crash-safe' }, world.tokens.scientist);
    grpc.close();
    const runDir = join(world.options.runsDir, runId);
    // Wait for the pid, not the file: it exists empty before the pid is written, and process.kill(0) kills our own group.
    const pidFile = join(runDir, 'work.pid');
    const stepPid = await waitFor(() => Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8') : '') || undefined, { timeoutMs: 30_000 });

    first.kill('SIGKILL');
    await new Promise((exited) => first.once('exit', exited));
    // The step's process outlives its parent, as on a real crash; stop it so it cannot finish.
    process.kill(stepPid, 'SIGKILL');

    const secondPort = await freePort();
    children.push(await spawnOrchestrator(world, secondPort));
    const next = orchestrationStub(`127.0.0.1:${secondPort}`);
    try {
      const run = await waitFor(
        async () => {
          const { run: current } = await next.call('getRun', { runId }, world.tokens.viewer);
          return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
        },
        { timeoutMs: 60_000 },
      );
      expect(run.status).toBe(orchestrationV1.RunStatus.SUCCEEDED);
      expect(run.steps.map((s) => [s.name, s.status, s.attempts])).toEqual([
        ['prepare', 'succeeded', 1],
        ['work', 'succeeded', 2],
        ['finish', 'succeeded', 1],
      ]);
      expect(counts(runDir, 'prepare')).toEqual(['1']);
      expect(counts(runDir, 'work')).toEqual(['1', '2']);
      expect(counts(runDir, 'finish')).toEqual(['1']);
      // Every state change is an event, the interruption included.
      const { rows } = await world.pool.query<{ step: string; status: string; attempt: number }>(
        `SELECT step, status, attempt FROM "${world.options.schema}".run_events WHERE run_id = $1 ORDER BY id`,
        [runId],
      );
      expect(rows.filter((row) => row.step === 'work').map((row) => [row.status, row.attempt])).toEqual([
        ['running', 1],
        ['failed', 1],
        ['running', 2],
        ['succeeded', 2],
      ]);
      expect(rows.filter((row) => row.step === '').map((row) => row.status)).toEqual([
        'running',
        'succeeded',
      ]);
    } finally {
      next.close();
    }
  });
});
