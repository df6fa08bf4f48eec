import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { orchestrationV1 } from '@flywheel/contracts';
import { uniqueName, waitFor } from '@flywheel/testing';
import {
  type Orchestrator,
  type OrchestrationWorld,
  createWorld,
  startOrchestrator,
} from './orchestration-harness';
import { nodeStepPipeline } from './pipeline-yaml';

const WRITE_ARG_TO_FILE = "require('fs').writeFileSync(process.argv[1], process.argv[2])";

describe('OrchestrationService over gRPC, authentication on', () => {
  let world: OrchestrationWorld;
  let orchestrator: Orchestrator;
  const call: Orchestrator['grpc']['call'] = (method, request, token) =>
    orchestrator.grpc.call(method, request, token);

  beforeAll(async () => {
    world = await createWorld();
    orchestrator = await startOrchestrator(world);
  });
  afterAll(async () => {
    await orchestrator.stop();
    await world.close();
  });

  const runDir = (runId: string): string => join(world.options.runsDir, runId);

  async function finishedRun(runId: string): Promise<orchestrationV1.PipelineRun> {
    return waitFor(async () => {
      const { run } = await call('getRun', { runId }, world.tokens.viewer);
      return run!.status !== orchestrationV1.RunStatus.RUNNING && run!;
    });
  }

  async function auditActions(): Promise<{ action: string; target_id: string }[]> {
    const { rows } = await world.pool.query<{ action: string; target_id: string }>(
      `SELECT action, target_id FROM "${world.identitySchema}".audit_log WHERE service = 'orchestration' ORDER BY id`,
    );
    return rows;
  }

  it('runs an admin-registered process step when a scientist triggers it, and audits both', async () => {
    const yaml = nodeStepPipeline('marker', WRITE_ARG_TO_FILE, {
      args: ['marker.txt', '${{ params.label }}'],
      params: 'params:\n  label: { type: string }',
    });
    const { pipeline } = await call('registerPipeline', { yaml }, world.tokens.admin);
    expect(pipeline).toMatchObject({
      name: 'marker',
      version: 1,
      yaml,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await call('registerPipeline', { yaml }, world.tokens.admin)).pipeline!.version).toBe(2);

    const { runId } = await call(
      'triggerPipeline',
      { name: 'marker', params: { label: 'hello' } },
      world.tokens.scientist,
    );
    const run = await finishedRun(runId);
    expect(run).toMatchObject({
      status: orchestrationV1.RunStatus.SUCCEEDED,
      pipelineName: 'marker',
      pipelineVersion: 2,
      paramsJson: '{"label":"hello"}',
    });
    expect(run.steps).toEqual([
      expect.objectContaining({ name: 'work', status: 'succeeded', attempts: 1, exitCode: 0 }),
    ]);
    expect(readFileSync(join(runDir(runId), 'marker.txt'), 'utf8')).toBe('hello');
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        { action: 'pipelines.define', target_id: 'marker@1' },
        { action: 'pipelines.define', target_id: 'marker@2' },
        { action: 'pipelines.trigger', target_id: runId },
      ]),
    );
  });

  it("refuses a scientist's RegisterPipeline and stores nothing", async () => {
    const yaml = nodeStepPipeline('sneaky', WRITE_ARG_TO_FILE, { args: ['x', 'y'] });
    await expect(call('registerPipeline', { yaml }, world.tokens.scientist)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
    await expect(call('getPipeline', { name: 'sneaky' }, world.tokens.viewer)).rejects.toMatchObject({
      code: GrpcStatus.NOT_FOUND,
    });
    expect((await call('listPipelines', {}, world.tokens.viewer)).pipelines.map((p) => p.name)).not.toContain(
      'sneaky',
    );
    await expect(call('triggerPipeline', { name: 'sneaky' }, world.tokens.scientist)).rejects.toMatchObject({
      code: GrpcStatus.NOT_FOUND,
    });
  });

  it('refuses a trigger by a viewer', async () => {
    await expect(
      call('triggerPipeline', { name: 'marker', params: { label: 'v' } }, world.tokens.viewer),
    ).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
  });

  it('answers an invalid definition with INVALID_ARGUMENT listing every problem with path, line and column', async () => {
    const yaml =
      'apiVersion: flywheel/v1\nkind: Pipeline\nname: Bad_Name\nsteps:\n  - name: a\n    process: { command: "${{ params.x }}" }\n';
    const error = await call('registerPipeline', { yaml }, world.tokens.admin).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringMatching(/^pipeline definition is invalid \(\d+ problems\):\n/),
    });
    const details = (error as { details: string }).details;
    expect(details).toMatch(/^name:3:7 /m);
    expect(details).toMatch(/^steps\[0\]\.process\.command:6:\d+ /m);
  });

  it('passes shell metacharacters in a parameter to the process as one literal argv element', async () => {
    const pwned = `/tmp/pwned-${uniqueName('orch')}`;
    await call(
      'registerPipeline',
      {
        yaml: nodeStepPipeline('argv-echo', WRITE_ARG_TO_FILE, {
          args: ['argv.txt', '${{ params.value }}'],
          params: 'params:\n  value: { type: string }',
        }),
      },
      world.tokens.admin,
    );
    for (const value of [
      `x; touch ${pwned}`,
      `$(touch ${pwned})`,
      `\`touch ${pwned}\``,
      `x && touch ${pwned} | cat > ${pwned}`,
    ]) {
      const { runId } = await call(
        'triggerPipeline',
        { name: 'argv-echo', params: { value } },
        world.tokens.scientist,
      );
      expect((await finishedRun(runId)).status).toBe(orchestrationV1.RunStatus.SUCCEEDED);
      expect(readFileSync(join(runDir(runId), 'argv.txt'), 'utf8')).toBe(value);
    }
    expect(existsSync(pwned)).toBe(false);
  });

  it('refuses unknown and mistyped parameters and unregistered pipelines', async () => {
    await call(
      'registerPipeline',
      {
        yaml: nodeStepPipeline('typed', 'process.exit(0)', {
          params: 'params:\n  min_auc: { type: number, default: 0.8 }',
        }),
      },
      world.tokens.admin,
    );
    await expect(
      call(
        'triggerPipeline',
        { name: 'typed', params: { min_auc: 'high', command: '/bin/sh' } },
        world.tokens.scientist,
      ),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: "params: unknown parameter 'command'; parameter 'min_auc' must be a number, got \"high\"",
    });
    await expect(
      call('triggerPipeline', { name: 'never-registered' }, world.tokens.scientist),
    ).rejects.toMatchObject({
      code: GrpcStatus.NOT_FOUND,
      details: "pipeline 'never-registered' is not registered",
    });
    await expect(
      call('triggerPipeline', { name: 'typed', version: 9 }, world.tokens.scientist),
    ).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
  });

  it('stops a step at its timeout and fails the step and the run', async () => {
    await call(
      'registerPipeline',
      { yaml: nodeStepPipeline('hangs', 'setInterval(() => {}, 1000)', { timeout: '300ms' }) },
      world.tokens.admin,
    );
    const { runId } = await call('triggerPipeline', { name: 'hangs' }, world.tokens.scientist);
    const run = await finishedRun(runId);
    expect(run.status).toBe(orchestrationV1.RunStatus.FAILED);
    expect(run.steps[0]).toMatchObject({
      status: 'failed',
      message: 'timed out after 300ms; stopped by SIGTERM',
    });
  });

  it('fails a built-in step this orchestrator has no handler for, with the reason, instead of pretending it ran', async () => {
    const yaml =
      'apiVersion: flywheel/v1\nkind: Pipeline\nname: builtin\nsteps:\n  - name: train\n    uses: train\n    with: { dataset: s3://d }\n';
    await call('registerPipeline', { yaml }, world.tokens.admin);
    const run = await finishedRun(
      (await call('triggerPipeline', { name: 'builtin' }, world.tokens.scientist)).runId,
    );
    expect(run.status).toBe(orchestrationV1.RunStatus.FAILED);
    expect(run.steps[0]).toMatchObject({
      status: 'failed',
      message: 'built-in step train is not configured on this orchestrator',
    });
  });

  it('applies the concurrency policy: forbid refuses a second run, replace cancels the active one and stops its process', async () => {
    const hang = "require('fs').writeFileSync('started', ''); setInterval(() => {}, 1000)";
    await call(
      'registerPipeline',
      { yaml: nodeStepPipeline('single', hang, { concurrency: 'forbid' }) },
      world.tokens.admin,
    );
    const { runId: active } = await call('triggerPipeline', { name: 'single' }, world.tokens.scientist);
    await expect(call('triggerPipeline', { name: 'single' }, world.tokens.scientist)).rejects.toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
      details: `pipeline 'single': concurrency is forbid and run ${active} is still active`,
    });

    await call(
      'registerPipeline',
      { yaml: nodeStepPipeline('single', hang, { concurrency: 'replace' }) },
      world.tokens.admin,
    );
    await waitFor(() => existsSync(join(runDir(active), 'started')));
    const { runId: replacement } = await call('triggerPipeline', { name: 'single' }, world.tokens.scientist);
    const cancelled = await finishedRun(active);
    expect(cancelled).toMatchObject({
      status: orchestrationV1.RunStatus.CANCELLED,
      steps: [expect.objectContaining({ status: 'cancelled' })],
    });
    // The cancelled attempt's process was stopped: its exit was recorded.
    await waitFor(async () => {
      const { rows } = await world.pool.query(
        `SELECT 1 FROM "${world.options.schema}".step_attempts WHERE run_id = $1 AND finished_at IS NOT NULL`,
        [active],
      );
      return rows.length === 1;
    });
    await waitFor(() => existsSync(join(runDir(replacement), 'started')));
    expect((await call('getRun', { runId: replacement }, world.tokens.viewer)).run!.status).toBe(
      orchestrationV1.RunStatus.RUNNING,
    );
  });

  it('starts, lists and cancels runs over StartRun / ListRuns / CancelRun; a viewer cannot cancel, a finished run cannot be cancelled', async () => {
    const hang = "require('fs').writeFileSync('started', ''); setInterval(() => {}, 1000)";
    await call('registerPipeline', { yaml: nodeStepPipeline('cancellable', hang) }, world.tokens.admin);
    const { runId } = await call('startRun', { name: 'cancellable' }, world.tokens.scientist);
    await waitFor(() => existsSync(join(runDir(runId), 'started')));
    const { runs } = await call('listRuns', { pipelineName: 'cancellable' }, world.tokens.viewer);
    expect(runs.map((run) => [run.runId, run.status])).toEqual([[runId, orchestrationV1.RunStatus.RUNNING]]);

    await expect(call('cancelRun', { runId }, world.tokens.viewer)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
    await call('cancelRun', { runId }, world.tokens.scientist);
    expect(await finishedRun(runId)).toMatchObject({
      status: orchestrationV1.RunStatus.CANCELLED,
      steps: [expect.objectContaining({ status: 'cancelled' })],
    });
    await expect(call('cancelRun', { runId }, world.tokens.scientist)).rejects.toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
      details: expect.stringContaining('already ended (cancelled)'),
    });
    await expect(call('listRuns', { limit: 5000 }, world.tokens.viewer)).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
    });
  });

  it("reports a step's outputs: what a process wrote to FLYWHEEL_OUTPUTS", async () => {
    const yaml = nodeStepPipeline(
      'outputs',
      "require('fs').writeFileSync(process.env.FLYWHEEL_OUTPUTS, JSON.stringify({ rows: 42 }))",
    );
    await call('registerPipeline', { yaml }, world.tokens.admin);
    const run = await finishedRun(
      (await call('startRun', { name: 'outputs' }, world.tokens.scientist)).runId,
    );
    expect(run.steps[0]).toMatchObject({ status: 'succeeded', outputsJson: '{"rows":42}' });
  });

  it("reuses a cache: true step's outputs in a later run with the same inputs instead of running it again", async () => {
    const counter = join(world.dataDir, `cache-${uniqueName('count')}`);
    const script = `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x'); require('fs').writeFileSync(process.env.FLYWHEEL_OUTPUTS, JSON.stringify({ built: process.argv[1] }))`;
    const yaml = `${nodeStepPipeline('cached', script, { args: ['${{ params.input }}'], params: 'params:\n  input: { type: string }' })}    cache: true\n`;
    await call('registerPipeline', { yaml }, world.tokens.admin);
    const start = async (input: string) =>
      finishedRun(
        (await call('startRun', { name: 'cached', params: { input } }, world.tokens.scientist)).runId,
      );
    // message and outputTail are part of the expectation so that a failure shows why.
    const outcome = (step: orchestrationV1.StepRun | undefined) => ({
      status: step?.status,
      message: step?.message,
      outputTail: step?.outputTail,
      outputsJson: step?.outputsJson,
    });
    const clean = { message: '', outputTail: '' };
    expect(outcome((await start('a')).steps[0])).toEqual({
      status: 'succeeded',
      ...clean,
      outputsJson: '{"built":"a"}',
    });
    expect(outcome((await start('a')).steps[0])).toMatchObject({
      status: 'cached',
      outputsJson: '{"built":"a"}',
    });
    expect(outcome((await start('b')).steps[0])).toEqual({
      status: 'succeeded',
      ...clean,
      outputsJson: '{"built":"b"}',
    });
    expect(readFileSync(counter, 'utf8')).toBe('xx');
  });

  it("fires a due schedule trigger once, with the trigger's params, however many polls follow", async () => {
    // Daily at the minute three minutes ago: due once now, next due tomorrow.
    const due = new Date(Date.now() - 180_000);
    const yaml = `${nodeStepPipeline('scheduled', WRITE_ARG_TO_FILE, {
      args: ['scheduled.txt', '${{ params.label }}'],
      params: 'params:\n  label: { type: string, default: manual }',
    })}triggers:\n  - schedule: '${due.getUTCMinutes()} ${due.getUTCHours()} * * *'\n    params: { label: from-cron }\n`;
    await call('registerPipeline', { yaml }, world.tokens.admin);
    // As if registered five minutes ago, before the firing time.
    await world.pool.query(
      `UPDATE "${world.options.schema}".pipeline_definitions SET registered_at = now() - interval '5 minutes' WHERE name = 'scheduled'`,
    );
    const runs = `SELECT id, triggered_by FROM "${world.options.schema}".runs WHERE pipeline_name = 'scheduled'`;
    const [run] = await waitFor(async () => {
      const { rows } = await world.pool.query<{ id: string; triggered_by: string }>(runs);
      return rows.length > 0 && rows;
    });
    expect(run!.triggered_by).toBe('orchestration-scheduler');
    const finished = await finishedRun(run!.id);
    expect(finished.status).toBe(orchestrationV1.RunStatus.SUCCEEDED);
    expect(readFileSync(join(runDir(run!.id), 'scheduled.txt'), 'utf8')).toBe('from-cron');
    const { rows: firings } = await world.pool.query<{ key: string }>(
      `SELECT key FROM "${world.options.schema}".processed_triggers WHERE key LIKE 'schedule:scheduled:0:%'`,
    );
    expect(firings).toHaveLength(1);
    expect((await world.pool.query(runs)).rows).toHaveLength(1);
  });
});
