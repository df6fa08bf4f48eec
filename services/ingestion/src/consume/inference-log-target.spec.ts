import { context } from '@opentelemetry/api';
import { type InferenceLog, encodeInferenceLog } from '@flywheel/contracts';
import type { DecodedMessage } from '@flywheel/kafka';
import { pino } from 'pino';
import type { IngestionMetrics } from '../metrics/ingestion-metrics';
import { WireLog } from '../wire-log/wire-log';
import { type IngestedLog, ingestedLogCodec } from '../wire-log/wire-log-codec';
import { InferenceLogTarget } from './inference-log-target';

const log: InferenceLog = {
  requestId: 'r-1',
  modelName: 'churn',
  modelVersion: 2,
  variant: 1,
  timestampMs: 1_795_000_000_000,
  numericFeatures: { amount: 12.5 },
  categoricalFeatures: { country: 'DE' },
  latencyMs: 1.5,
  status: 1,
  error: '',
};

function message(value: IngestedLog, offset: number): DecodedMessage<IngestedLog> {
  return {
    key: null,
    value,
    headers: {},
    offset: String(offset),
    timestamp: 0,
    traceContext: context.active(),
  };
}

describe('InferenceLogTarget', () => {
  it('maps a batch of both paths and counts the accepted logs of each', async () => {
    const accepted: Record<string, number> = {};
    const metrics = {
      logsAccepted: (path: string, count: number) => (accepted[path] = (accepted[path] ?? 0) + count),
    } as unknown as IngestionMetrics;
    const target = new InferenceLogTarget(undefined, metrics, pino({ level: 'silent' }));
    const fromBytes = ingestedLogCodec.decode(encodeInferenceLog(log));
    const fromJson = ingestedLogCodec.fromJSON({
      requestId: 'r-2',
      modelName: 'churn',
      modelVersion: 2,
      timestampMs: '1795000000000',
    });
    const invalid = ingestedLogCodec.decode(encodeInferenceLog({ ...log, requestId: '' }));
    expect(fromBytes).toBeInstanceOf(WireLog);

    const mapped = await target.map(
      [message(fromBytes, 0), message(fromJson, 1), message(invalid, 2)],
      'logs',
    );

    expect(mapped[0]).toEqual({ row: fromBytes });
    expect(mapped[1]).toHaveProperty('row');
    expect(mapped[2]).toEqual({ reason: 'request_id is required' });
    expect(accepted).toEqual({ bytes: 1, decoded: 1 });
  });
});
