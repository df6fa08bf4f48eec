import { trackingV1 } from '@flywheel/contracts';
import type { Run } from '../domain/run';
import { runMessage, statusOf, viewTypeOf } from './grpc-mapping';

describe('gRPC mapping', () => {
  const run: Run = {
    info: {
      runId: 'a'.repeat(32),
      experimentId: '4',
      runName: 'xgb',
      userId: 'alice',
      status: 'FINISHED',
      startTime: 1_700_000_000_000,
      endTime: null,
      artifactUri: `mlflow-artifacts:/4/${'a'.repeat(32)}/artifacts`,
      lifecycleStage: 'active',
    },
    metrics: [{ key: 'rmse', value: Number.NaN, timestamp: 5, step: 2 }],
    params: [{ key: 'model', value: 'xgb' }],
    tags: [{ key: 'team', value: 'risk' }],
    inputs: [],
    outputs: [],
  };

  it('maps a run with maps for params and tags, leaving an unset end time out', () => {
    const message = runMessage(run);
    expect(message.info).toMatchObject({
      status: trackingV1.RunStatus.FINISHED,
      lifecycleStage: trackingV1.LifecycleStage.ACTIVE,
    });
    expect(message.info).not.toHaveProperty('endTimeMs');
    expect(message.params).toEqual({ model: 'xgb' });
    expect(message.tags).toEqual({ team: 'risk' });
    expect(message.metrics[0]!.value).toBeNaN();
  });

  it('reads enums, with UNSPECIFIED meaning "not given" or the default view', () => {
    expect(statusOf(trackingV1.RunStatus.KILLED)).toBe('KILLED');
    expect(statusOf(trackingV1.RunStatus.UNSPECIFIED)).toBeUndefined();
    expect(viewTypeOf(trackingV1.ViewType.UNSPECIFIED)).toBe('ACTIVE_ONLY');
    expect(viewTypeOf(trackingV1.ViewType.ALL)).toBe('ALL');
  });
});
