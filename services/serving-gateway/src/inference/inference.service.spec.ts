import type { LogBuffer } from '../logging/log-buffer';
import type { InferenceRecord } from '../logging/inference-log-entry';
import type { ModelStore } from '../runtime/model-store';
import type { ResolvedVersion } from '../runtime/model-source';
import { TrafficTable } from '../traffic/traffic-table';
import { InferenceService } from './inference.service';
import type { ServingMetrics } from './serving-metrics';

/** A registry whose alias lookups answer only when told to, counting them. */
function slowRegistry() {
  const waiting: Array<(version: ResolvedVersion) => void> = [];
  const resolve = jest.fn(() => new Promise<ResolvedVersion>((answer) => waiting.push(answer)));
  const answerAll = (version: number) =>
    waiting.splice(0).forEach((answer) => answer({ version, artifactUri: 'file:///m' }));
  return { models: { resolve } as unknown as ModelStore, resolve, answerAll };
}

function serviceWith(models: ModelStore, traffic: TrafficTable): InferenceService {
  return new InferenceService(models, traffic, {} as LogBuffer<InferenceRecord>, {} as ServingMetrics, {
    maxConcurrency: 8,
  });
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('InferenceService.policyFor', () => {
  it('looks a model never seen up once, however many requests wait for it', async () => {
    const registry = slowRegistry();
    const service = serviceWith(registry.models, new TrafficTable(30_000));
    const policies = Array.from({ length: 50 }, () => service.policyFor('churn'));
    await flush();
    expect(registry.resolve).toHaveBeenCalledTimes(1);
    registry.answerAll(3);
    for (const policy of await Promise.all(policies)) expect(policy.championVersion).toBe(3);
  });

  it('refreshes a stale alias with one lookup in the background, serving the old policy meanwhile', async () => {
    const registry = slowRegistry();
    const traffic = new TrafficTable(0); // every alias entry is stale at once
    traffic.applyAlias('churn', 1, Date.now());
    const service = serviceWith(registry.models, traffic);
    for (let i = 0; i < 1_000; i++) expect((await service.policyFor('churn')).championVersion).toBe(1);
    expect(registry.resolve).toHaveBeenCalledTimes(1);
    registry.answerAll(2);
    await flush();
    expect((await service.policyFor('churn')).championVersion).toBe(2);
    expect(registry.resolve).toHaveBeenCalledTimes(2); // still stale (TTL 0): the next lookup began
  });

  it('keeps serving the old policy when the refresh fails, and tries again on a later request', async () => {
    const resolve = jest
      .fn()
      .mockRejectedValueOnce(new Error('registry unavailable'))
      .mockResolvedValue({ version: 5, artifactUri: 'file:///m' });
    const traffic = new TrafficTable(0);
    traffic.applyAlias('churn', 4, Date.now());
    const service = serviceWith({ resolve } as unknown as ModelStore, traffic);
    expect((await service.policyFor('churn')).championVersion).toBe(4);
    await flush();
    expect((await service.policyFor('churn')).championVersion).toBe(4);
    await flush();
    expect((await service.policyFor('churn')).championVersion).toBe(5);
  });
});
