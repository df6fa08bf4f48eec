import { type RunEvent, Topic, trackingV1 } from '@flywheel/contracts';
import {
  type EventConsumer,
  KafkaEventBus,
  flywheelTopic,
  forEachMessage,
  silentLogger,
} from '@flywheel/kafka';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { MlflowRestClient } from './mlflow-client';
import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('run-finished events on Kafka', () => {
  let tracking: TrackingUnderTest;
  let mlflow: MlflowRestClient;
  let bus: KafkaEventBus;
  let consumer: EventConsumer;
  const received: { key: string | null; event: RunEvent }[] = [];

  beforeAll(async () => {
    tracking = await startTracking();
    mlflow = new MlflowRestClient(tracking.httpUrl);
    bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
    consumer = bus.createConsumer({ groupId: uniqueName('tracking_events'), startFrom: 'latest' });
    consumer.subscribe(
      flywheelTopic(Topic.TrackingRuns),
      forEachMessage((message) => {
        received.push({ key: message.key, event: message.value });
        return Promise.resolve();
      }),
    );
    await consumer.start();
  });
  afterAll(async () => {
    await bus.close();
    await tracking.stop();
  });

  const eventsOf = (runId: string) => received.filter(({ event }) => event.runId === runId);

  it('publishes one RunFinished, keyed by run id, when a run reaches a terminal status', async () => {
    const experimentId = (await mlflow.post('experiments/create', { name: 'events' })).body
      .experiment_id as string;
    const run = (
      await mlflow.post('runs/create', {
        experiment_id: experimentId,
        run_name: 'evt',
        user_id: 'carol',
        start_time: 5,
      })
    ).body.run;
    const runId = run.info.run_id as string;
    await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'rmse', value: 0.25, timestamp: 1 }],
      params: [{ key: 'model', value: 'xgb' }],
    });
    await mlflow.post('runs/update', { run_id: runId, status: 'RUNNING' });
    await mlflow.post('runs/update', { run_id: runId, status: 'FINISHED', end_time: 99 });

    const [delivered] = await waitFor(() => eventsOf(runId).length > 0 && eventsOf(runId), {
      timeoutMs: 20_000,
      description: `the RunFinished event of ${runId}`,
    });
    expect(delivered!.key).toBe(runId);
    expect(delivered!.event).toMatchObject({
      runId,
      experimentId,
      actor: expect.any(String),
      runFinished: {
        status: trackingV1.RunStatus.FINISHED,
        runName: 'evt',
        userId: 'carol',
        startTimeMs: 5,
        endTimeMs: 99,
        artifactUri: run.info.artifact_uri,
        metrics: { rmse: 0.25 },
        params: { model: 'xgb' },
      },
    });
    expect(delivered!.event.eventId).toMatch(/^[0-9a-f-]{36}$/);

    // Updating a finished run with the same status is no new transition.
    await mlflow.post('runs/update', { run_id: runId, status: 'FINISHED' });
    const other = (await mlflow.post('runs/create', { experiment_id: experimentId })).body.run.info
      .run_id as string;
    await mlflow.post('runs/update', { run_id: other, status: 'KILLED' });
    await waitFor(() => eventsOf(other).length > 0, {
      timeoutMs: 20_000,
      description: 'the second run event',
    });
    expect(eventsOf(runId)).toHaveLength(1);
  });

  it('publishes nothing for a refused update', async () => {
    const runId = (await mlflow.post('runs/create', {})).body.run.info.run_id as string;
    await mlflow.post('runs/delete', { run_id: runId });
    expect((await mlflow.post('runs/update', { run_id: runId, status: 'FAILED' })).status).toBe(400);
    const marker = (await mlflow.post('runs/create', {})).body.run.info.run_id as string;
    await mlflow.post('runs/update', { run_id: marker, status: 'FAILED' });
    await waitFor(() => eventsOf(marker).length > 0, {
      timeoutMs: 20_000,
      description: 'the marker run event',
    });
    expect(eventsOf(runId)).toEqual([]);
  });
});
