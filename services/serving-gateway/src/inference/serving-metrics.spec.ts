import { metrics } from '@opentelemetry/api';
import { type DataPoint, type Histogram, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { MAX_SERVING_SERIES, ServingMetrics } from './serving-metrics';

class TestReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const reader = new TestReader();
const provider = new MeterProvider({ readers: [reader] });
beforeAll(() => metrics.setGlobalMeterProvider(provider));
afterAll(async () => {
  metrics.disable();
  await provider.shutdown();
});

/** The data points of `name` as `attributes JSON -> value`. */
async function points(name: string): Promise<Map<string, unknown>> {
  const { resourceMetrics } = await reader.collect();
  const metric = resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((m) => m.descriptor.name === name);
  const found = new Map<string, unknown>();
  for (const point of (metric?.dataPoints ?? []) as DataPoint<unknown>[])
    found.set(JSON.stringify(point.attributes), point.value);
  return found;
}

const churnV2Canary = JSON.stringify({ model: 'churn', version: '2', variant: 'canary' });

describe('ServingMetrics', () => {
  it('counts requests, errors, in-flight and latency per model, version and variant', async () => {
    const logs = { dropped: 0, sent: 0, pending: 0 };
    const serving = new ServingMetrics(logs);
    const first = serving.started('churn', 2, 'canary');
    const second = serving.started('churn', 2, 'canary');
    const champion = serving.started('churn', 1, 'champion');
    expect((await points('flywheel.serving.in_flight')).get(churnV2Canary)).toBe(2);

    serving.finished(first, 3, false);
    serving.finished(second, 30, true);
    serving.finished(champion, 1, false);
    serving.failedBeforeRouting('nope');
    serving.rejectedByCap();
    Object.assign(logs, { dropped: 7, sent: 40, pending: 3 });

    const requests = await points('flywheel.serving.requests');
    expect(requests.get(churnV2Canary)).toBe(2);
    expect(requests.get(JSON.stringify({ model: 'churn', version: '1', variant: 'champion' }))).toBe(1);
    expect(requests.get(JSON.stringify({ model: 'nope', version: '0', variant: 'unspecified' }))).toBe(1);
    const errors = await points('flywheel.serving.errors');
    expect(errors.get(churnV2Canary)).toBe(1);
    expect(errors.get(JSON.stringify({ model: 'churn', version: '1', variant: 'champion' }))).toBe(0);
    expect((await points('flywheel.serving.in_flight')).get(churnV2Canary)).toBe(0);
    const latency = (await points('flywheel.serving.latency')).get(churnV2Canary) as Histogram;
    expect(latency.count).toBe(2);
    expect(latency.sum).toBe(33);
    expect((await points('flywheel.serving.rejected')).get('{}')).toBe(1);
    expect((await points('flywheel.serving.log_dropped')).get('{}')).toBe(7);
    expect((await points('flywheel.serving.log_sent')).get('{}')).toBe(40);
    expect((await points('flywheel.serving.log_pending')).get('{}')).toBe(3);
  });

  it('reports run and batched-request counts per loaded model version', async () => {
    const counts = [{ model: 'churn', version: 3, runs: 10, batchedRequests: 25 }];
    const serving = new ServingMetrics(undefined, () => counts);
    const key = JSON.stringify({ model: 'churn', version: '3' });
    expect((await points('flywheel.serving.model_runs')).get(key)).toBe(10);
    expect((await points('flywheel.serving.batched_requests')).get(key)).toBe(25);
    counts[0] = { ...counts[0]!, runs: 12, batchedRequests: 31 };
    expect((await points('flywheel.serving.model_runs')).get(key)).toBe(12);
    expect((await points('flywheel.serving.batched_requests')).get(key)).toBe(31);
    serving.close();
  });

  it('stops reporting its counts once closed', async () => {
    const serving = new ServingMetrics();
    serving.finished(serving.started('closing', 1, 'champion'), 1, false);
    const key = JSON.stringify({ model: 'closing', version: '1', variant: 'champion' });
    expect((await points('flywheel.serving.requests')).get(key)).toBe(1);
    serving.close();
    serving.finished(serving.started('closing', 1, 'champion'), 1, false);
    // The SDK keeps the last cumulative value of a series; a closed instance no longer moves it.
    expect((await points('flywheel.serving.requests')).get(key)).toBe(1);
  });

  it('folds series past the limit into one overflow series instead of growing without bound', async () => {
    const serving = new ServingMetrics();
    for (let i = 0; i < MAX_SERVING_SERIES + 50; i++) serving.failedBeforeRouting(`unknown-${i}`);
    const requests = await points('flywheel.serving.requests');
    const ours = [...requests.keys()].filter((key) => key.includes('unknown-'));
    expect(ours).toHaveLength(MAX_SERVING_SERIES);
    expect(requests.get(JSON.stringify({ 'otel.metric.overflow': true }))).toBe(50);
  });
});
