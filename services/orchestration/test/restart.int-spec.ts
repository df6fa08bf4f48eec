import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orchestrationV1 } from '@flywheel/contracts';
import { waitFor } from '@flywheel/testing';
import { type OrchestrationWorld, createWorld, startOrchestrator } from './orchestration-harness';
import { nodeStepPipeline } from './pipeline-yaml';

// First attempt: leave a mark, then hang until stopped. Later attempts: finish.
const HANG_ONCE =
  "const fs = require('fs'); if (fs.existsSync('attempted')) { fs.writeFileSync('done', process.env.FLYWHEEL_ATTEMPT); } else { fs.writeFileSync('attempted', ''); setInterval(() => {}, 1000); }";

describe('a run across an orchestrator restart', () => {
  let world: OrchestrationWorld;

  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.close());

  it('is resumed by the next instance: the interrupted attempt fails and its retry runs to success', async () => {
    const first = await startOrchestrator(world);
    await first.grpc.call(
      'registerPipeline',
      { yaml: nodeStepPipeline('resumable', HANG_ONCE, { retry: '{ limit: 1, backoff: 250ms }' }) },
      world.tokens.admin,
    );
    const { runId } = await first.grpc.call('triggerPipeline', { name: 'resumable' }, world.tokens.scientist);
    const runDir = join(world.options.runsDir, runId);
    await waitFor(() => existsSync(join(runDir, 'attempted')));
    await first.stop();
    const { rows } = await world.pool.query<{ status: string }>(
      `SELECT status FROM "${world.options.schema}".runs WHERE id = $1`,
      [runId],
    );
    expect(rows[0]!.status).toBe('running');

    const second = await startOrchestrator(world);
    try {
      const run = await waitFor(async () => {
        const { run: current } = await second.grpc.call('getRun', { runId }, world.tokens.viewer);
        return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
      });
      expect(run.status).toBe(orchestrationV1.RunStatus.SUCCEEDED);
      expect(run.steps[0]).toMatchObject({ status: 'succeeded', attempts: 2, exitCode: 0 });
      expect(readFileSync(join(runDir, 'done'), 'utf8')).toBe('2');
    } finally {
      await second.stop();
    }
  });
});

describe('a run whose orchestrator died without handing it over', () => {
  let world: OrchestrationWorld;

  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.close());

  it('is taken over once its lease lapses, the attempt that was running failed as interrupted and retried', async () => {
    const orchestrator = await startOrchestrator(world);
    try {
      const yaml = nodeStepPipeline(
        'orphaned',
        "require('fs').writeFileSync('done', process.env.FLYWHEEL_ATTEMPT)",
        { retry: '{ limit: 1, backoff: 250ms }' },
      );
      await orchestrator.grpc.call('registerPipeline', { yaml }, world.tokens.admin);
      // What a crashed instance leaves behind: attempt 1 running, its lease not yet expired.
      const runId = randomUUID();
      const state = {
        params: {},
        steps: { work: { status: 'running', attempts: 1, startedAt: Date.now() } },
      };
      await world.pool.query(
        `INSERT INTO "${world.options.schema}".runs (id, pipeline_name, pipeline_version, status, state, triggered_by, lease_owner, lease_until)
         VALUES ($1, 'orphaned', 1, 'running', $2::jsonb, 'test', 'crashed-instance', now() + interval '500 milliseconds')`,
        [runId, JSON.stringify(state)],
      );
      const run = await waitFor(async () => {
        const { run: current } = await orchestrator.grpc.call('getRun', { runId }, world.tokens.viewer);
        return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
      });
      expect(run).toMatchObject({
        status: orchestrationV1.RunStatus.SUCCEEDED,
        steps: [expect.objectContaining({ status: 'succeeded', attempts: 2 })],
      });
      expect(readFileSync(join(world.options.runsDir, runId, 'done'), 'utf8')).toBe('2');
    } finally {
      await orchestrator.stop();
    }
  });
});
