import { status } from '@grpc/grpc-js';
import { routesMissingFromTable } from '@flywheel/access';
import { trackingV1 } from '@flywheel/contracts';
import { checkGrpcHealth, listGrpcServices } from '@flywheel/service-kit';
import { TRACKING_ROUTES } from '../src/tracking.routes';
import { type TrackingStub, trackingStub, unary } from './grpc-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('gRPC: flywheel.tracking.v1.TrackingService', () => {
  let tracking: TrackingUnderTest;
  let stub: TrackingStub;

  beforeAll(async () => {
    tracking = await startTracking();
    stub = trackingStub(tracking.grpcAddress);
  });
  afterAll(async () => {
    stub.close();
    await tracking.stop();
  });

  it('serves health and reflection for the tracking API next to it', async () => {
    expect(await checkGrpcHealth(tracking.grpcAddress, 'flywheel.tracking.v1.TrackingService')).toBe(
      'SERVING',
    );
    expect(await listGrpcServices(tracking.grpcAddress)).toContain('flywheel.tracking.v1.TrackingService');
  });

  it('declares exactly the routes it serves in its access policy table', () => {
    const { table, served } = tracking.routes();
    expect(routesMissingFromTable(table, served)).toEqual([]);
    expect(Object.keys(TRACKING_ROUTES).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('creates, gets and searches experiments, refusing a taken name with ALREADY_EXISTS', async () => {
    const created = await unary(stub, 'createExperiment', { name: 'grpc-exp', tags: { team: 'risk' } });
    expect(created.experiment).toMatchObject({
      name: 'grpc-exp',
      lifecycleStage: trackingV1.LifecycleStage.ACTIVE,
      tags: { team: 'risk' },
    });
    const byName = await unary(stub, 'getExperiment', { name: 'grpc-exp' });
    const byId = await unary(stub, 'getExperiment', { experimentId: created.experiment.experimentId });
    expect(byName.experiment).toEqual(created.experiment);
    expect(byId.experiment).toEqual(created.experiment);
    const found = await unary(stub, 'searchExperiments', { filter: "tags.team = 'risk'" });
    expect(found.experiments.map((e: { name: string }) => e.name)).toEqual(['grpc-exp']);

    await expect(unary(stub, 'createExperiment', { name: 'grpc-exp' })).rejects.toMatchObject({
      code: status.ALREADY_EXISTS,
      details: 'Experiment(name=grpc-exp) already exists.',
    });
    await expect(unary(stub, 'getExperiment', { experimentId: '99999' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: 'No Experiment with id=99999 exists',
    });
  });

  it('runs the run lifecycle: create, log a batch, read, search, finish, history', async () => {
    const { experiment } = await unary(stub, 'createExperiment', { name: 'grpc-runs' });
    const { run } = await unary(stub, 'createRun', {
      experimentId: experiment.experimentId,
      runName: 'grpc-run',
      userId: 'bob',
      startTimeMs: 1_700_000_000_000,
    });
    const runId = run.info.runId as string;
    expect(run.info).toMatchObject({
      runName: 'grpc-run',
      status: trackingV1.RunStatus.RUNNING,
      userId: 'bob',
    });

    await unary(stub, 'logBatch', {
      runId,
      metrics: [
        { key: 'rmse', value: 0.4, timestampMs: 10, step: 0 },
        { key: 'rmse', value: 0.3, timestampMs: 20, step: 1 },
      ],
      params: [{ key: 'model', value: 'xgb' }],
      tags: [{ key: 'team', value: 'risk' }],
    });
    const got = await unary(stub, 'getRun', { runId });
    expect(got.run.metrics).toEqual([{ key: 'rmse', value: 0.3, timestampMs: 20, step: 1 }]);
    expect(got.run.params).toEqual({ model: 'xgb' });
    expect(got.run.tags).toMatchObject({ team: 'risk', 'mlflow.runName': 'grpc-run' });

    const searched = await unary(stub, 'searchRuns', {
      experimentIds: [experiment.experimentId],
      filter: "metrics.rmse < 0.35 and params.model = 'xgb'",
    });
    expect(searched.runs.map((r: { info: { runId: string } }) => r.info.runId)).toEqual([runId]);

    const updated = await unary(stub, 'updateRun', {
      runId,
      status: trackingV1.RunStatus.FINISHED,
      endTimeMs: 1_700_000_001_000,
    });
    expect(updated.runInfo).toMatchObject({
      status: trackingV1.RunStatus.FINISHED,
      endTimeMs: 1_700_000_001_000,
    });

    const history = await unary(stub, 'getMetricHistory', { runId, metricKey: 'rmse' });
    expect(history.metrics.map((m: { value: number }) => m.value)).toEqual([0.4, 0.3]);
  });

  it('maps refusals to INVALID_ARGUMENT, NOT_FOUND and FAILED_PRECONDITION with messages naming the problem', async () => {
    const { run } = await unary(stub, 'createRun', {});
    const runId = run.info.runId as string;
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: 'v' }));
    await expect(unary(stub, 'logBatch', { runId, params: tooMany })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('at most 100 params'),
    });
    await expect(
      unary(stub, 'searchRuns', { experimentIds: ['0'], filter: 'metrics.x ~ 1' }),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining("Invalid comparator '~'"),
    });
    await expect(unary(stub, 'getRun', { runId: 'nope' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: 'Run with id=nope not found',
    });
    await unary(stub, 'deleteRun', { runId });
    await expect(
      unary(stub, 'logBatch', { runId, metrics: [{ key: 'm', value: 1, timestampMs: 1, step: 0 }] }),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining("'active' state"),
    });
    await unary(stub, 'restoreRun', { runId });
    await expect(unary(stub, 'getExperiment', {})).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'selector: one of experiment_id or name is required',
    });
  });
});
