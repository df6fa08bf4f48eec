import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertRows, queryRows, type ClickHouseClient } from '@flywheel/clickhouse';
import { InferenceFeedback, InferenceLog, Topic, codecForTopic, dlqTopic } from '@flywheel/contracts';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { DlqHeader, KafkaEventBus, defineTopic, silentLogger, withDeadLetterTopics } from '@flywheel/kafka';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { startIngestion, type IngestionUnderTest } from './ingestion-harness';
import { INFERENCE_LOG_COLUMNS, inferenceLogRow } from '../src/rows/inference-log-row';
import { kcatProduce } from './kcat';
import { sampleLog } from './sample-logs';

jest.setTimeout(90_000);

describe('ingestion from Kafka into ClickHouse', () => {
  const brokers = testStack().kafkaBrokers;
  const logsTopic = uniqueName('ingest_logs');
  const feedbackTopic = uniqueName('ingest_feedback');
  const database = uniqueName('ingest');
  const runId = uniqueName('run');
  const bus = new KafkaEventBus({ brokers, logger: silentLogger });
  const producer = bus.createProducer();
  let dir: string;
  let ingestion: IngestionUnderTest;
  let clickhouse: ClickHouseClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flywheel-ingestion-'));
    await bus.ensureTopics(withDeadLetterTopics([logsTopic, feedbackTopic]), 3);
    ingestion = await startIngestion({
      FLYWHEEL_KAFKA_BROKERS: brokers.join(','),
      FLYWHEEL_CLICKHOUSE_URL: `chdb://${dir}`,
      FLYWHEEL_CLICKHOUSE_DATABASE: database,
      FLYWHEEL_INGESTION_LOGS_TOPIC: logsTopic,
      FLYWHEEL_INGESTION_FEEDBACK_TOPIC: feedbackTopic,
      FLYWHEEL_INGESTION_GROUP_ID: uniqueName('ingestion'),
      FLYWHEEL_INGESTION_FLUSH_MS: '100',
      FLYWHEEL_INGESTION_REGISTRY_ADDRESS: 'off',
    });
    clickhouse = ingestion.resources.clickhouse();
  });

  afterAll(async () => {
    await ingestion?.stop();
    await bus.close();
    await rm(dir, { recursive: true, force: true });
  });

  const logsOf = async (prefix: string): Promise<{ request_id: string; variant: string; status: string; num_0: number; cat_0: string; score: number }[]> =>
    queryRows(
      clickhouse,
      `SELECT request_id, variant, status, numeric_features['num_0'] AS num_0, categorical_features['cat_0'] AS cat_0, prediction_score AS score
         FROM {database:Identifier}.inference_logs WHERE startsWith(request_id, {prefix:String}) ORDER BY request_id`,
      { database, prefix },
    );

  it('reports ready once the schema is applied and the consumer has joined', async () => {
    const ready = await waitFor(async () => (await fetch(`${ingestion.adminUrl}/readyz`)).ok, { timeoutMs: 30_000, description: '/readyz 200' });
    expect(ready).toBe(true);
  });

  it('stores JSON inference logs produced by kcat, an external producer', async () => {
    const logs = [0, 1, 2].map((i) => sampleLog(i, `${runId}-kcat`));
    const json = logs.map((log) => ({ key: log.modelName, value: JSON.stringify(InferenceLog.toJSON(log)) }));
    await kcatProduce(brokers, logsTopic, json, { 'content-type': 'application/json' });

    const rows = await waitFor(async () => ((await logsOf(`${runId}-kcat`)).length === 3 ? logsOf(`${runId}-kcat`) : undefined), { timeoutMs: 30_000 });
    expect(rows.map((row) => row.request_id)).toEqual(logs.map((log) => log.requestId));
    expect(rows[0]).toMatchObject({ variant: 'canary', status: 'ok', num_0: logs[0]?.numericFeatures.num_0, cat_0: logs[0]?.categoricalFeatures.cat_0 });
  });

  it('stores protobuf inference logs', async () => {
    const logs = Array.from({ length: 50 }, (_, i) => sampleLog(i, `${runId}-proto`));
    await producer.sendMany(defineTopic(logsTopic, codecForTopic(Topic.InferenceLogs)), logs.map((value) => ({ value, key: value.modelName })));

    const rows = await waitFor(async () => ((await logsOf(`${runId}-proto`)).length === 50 ? logsOf(`${runId}-proto`) : undefined), { timeoutMs: 30_000 });
    expect(rows.filter((row) => row.variant === 'canary')).toHaveLength(5);
  });

  it('sends malformed and invalid records to the DLQ with the reason while their batch-mates land', async () => {
    const good = [sampleLog(1, `${runId}-mixed`), sampleLog(2, `${runId}-mixed`)];
    const noRequestId = sampleLog(3, `${runId}-mixed`, { requestId: '' });
    const lines = [
      { key: 'good-1', value: JSON.stringify(InferenceLog.toJSON(good[0]!)) },
      { key: 'not-json', value: '{"requestId": "broken' },
      { key: 'no-request-id', value: JSON.stringify(InferenceLog.toJSON(noRequestId)) },
      { key: 'good-2', value: JSON.stringify(InferenceLog.toJSON(good[1]!)) },
    ];
    // One key, so one partition: the four share a batch.
    await kcatProduce(brokers, logsTopic, lines.map((line) => ({ ...line, key: 'churn' })), { 'content-type': 'application/json' });

    const rows = await waitFor(async () => ((await logsOf(`${runId}-mixed`)).length === 2 ? logsOf(`${runId}-mixed`) : undefined), { timeoutMs: 30_000 });
    expect(rows.map((row) => row.request_id)).toEqual(good.map((log) => log.requestId));
    // Raw kafkajs: the DLQ holds the records as consumed, undecodable JSON included.
    const dlq = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('dlq_reader') });
    await dlq.connect();
    await dlq.subscribe({ topic: dlqTopic(logsTopic), fromBeginning: true });
    const deadLetters: Record<string, string>[] = [];
    await dlq.run({ eachMessage: ({ message }) => Promise.resolve(void deadLetters.push(textHeaders(message.headers))) });
    const reasons = await waitFor(() => (deadLetters.length >= 2 ? deadLetters.map((headers) => headers[DlqHeader.Reason]) : undefined), { timeoutMs: 30_000 });
    await dlq.disconnect();
    expect(reasons).toEqual([expect.stringContaining('cannot decode application/json value as flywheel.inference.v1.InferenceLog'), 'request_id is required']);
    expect(deadLetters.map((headers) => headers[DlqHeader.SourceTopic])).toEqual([logsTopic, logsTopic]);
  });

  it('keeps the latest label of a request when feedback is repeated', async () => {
    const feedback = defineTopic(feedbackTopic, codecForTopic(Topic.InferenceFeedback));
    const requestId = `${runId}-feedback`;
    const first = InferenceFeedback.fromPartial({ requestId, modelName: 'churn', label: 'stay', timestampMs: Date.now() });
    await producer.send(feedback, first);
    await waitFor(async () => (await labels(requestId)).length === 1, { timeoutMs: 30_000 });
    await producer.send(feedback, { ...first, label: 'churn', value: 1 });

    const latest = await waitFor(async () => {
      const rows = await labels(requestId);
      return rows.length === 1 && rows[0]?.label === 'churn' ? rows : undefined;
    }, { timeoutMs: 30_000 });
    expect(latest).toEqual([{ label: 'churn', value: 1 }]);
  });

  it('fills the per-minute aggregates on insert', async () => {
    const rows: { requests: string }[] = await queryRows(
      clickhouse,
      `SELECT toString(countMerge(requests)) AS requests FROM {database:Identifier}.inference_minutes WHERE model_name = 'churn'`,
      { database },
    );
    expect(Number(rows[0]?.requests)).toBeGreaterThanOrEqual(55);

    const features: { values: string; median: number; min: number; max: number; categories: string }[] = await queryRows(
      clickhouse,
      `SELECT toString(countMerge(values)) AS values, quantilesTDigestMerge(0.5)(sketch)[1] AS median,
              minMerge(min) AS min, maxMerge(max) AS max,
              (SELECT toString(sum(count)) FROM {database:Identifier}.categorical_feature_minutes
                WHERE model_name = 'churn' AND feature = 'cat_0') AS categories
       FROM {database:Identifier}.numeric_feature_minutes WHERE model_name = 'churn' AND feature = 'num_0'`,
      { database },
    );
    const num0 = features[0];
    expect(Number(num0?.values)).toBe(Number(rows[0]?.requests));
    expect(Number(num0?.categories)).toBe(Number(rows[0]?.requests));
    expect(num0?.min).toBeLessThan(num0?.max ?? Number.NaN);
    expect(num0?.median).toBeGreaterThanOrEqual(num0?.min ?? Number.NaN);
    expect(num0?.median).toBeLessThanOrEqual(num0?.max ?? Number.NaN);
  });

  it('drops a replayed insert with the same deduplication token', async () => {
    const row = inferenceLogRow(sampleLog(0, `${runId}-token`), 'champion', 'ok');
    for (let attempt = 0; attempt < 2; attempt++) {
      await insertRows(clickhouse, `${database}.inference_logs`, [row], { columns: INFERENCE_LOG_COLUMNS, dedupToken: `${logsTopic}:9:0-0` });
    }
    await insertRows(clickhouse, `${database}.inference_logs`, [row], { columns: INFERENCE_LOG_COLUMNS, dedupToken: `${logsTopic}:9:0-1` });
    expect(await logsOf(`${runId}-token`)).toHaveLength(2);
  });

  it('pauses while ClickHouse refuses inserts and stores everything once it accepts them again', async () => {
    const rangesBefore = await recordedRanges();
    await clickhouse.command({ query: 'DETACH TABLE {database:Identifier}.inference_logs', query_params: { database } });
    const logs = Array.from({ length: 20 }, (_, i) => sampleLog(i, `${runId}-outage`));
    await producer.sendMany(defineTopic(logsTopic, codecForTopic(Topic.InferenceLogs)), logs.map((value) => ({ value })));
    // The journal is written just before the insert: the batch has reached the refused insert.
    await waitFor(async () => (await recordedRanges()) > rangesBefore, { timeoutMs: 30_000, description: 'the batch reaching the insert' });
    await clickhouse.command({ query: 'ATTACH TABLE {database:Identifier}.inference_logs', query_params: { database } });

    const rows = await waitFor(async () => ((await logsOf(`${runId}-outage`)).length === 20 ? logsOf(`${runId}-outage`) : undefined), { timeoutMs: 60_000 });
    expect(rows.map((row) => row.request_id).sort()).toEqual(logs.map((log) => log.requestId).sort());
  });

  const recordedRanges = async (): Promise<number> => {
    const rows: { ranges: string }[] = await queryRows(clickhouse, 'SELECT toString(count()) AS ranges FROM {database:Identifier}.ingest_ranges', { database });
    return Number(rows[0]?.ranges);
  };

  const labels = (requestId: string): Promise<{ label: string; value: number }[]> =>
    queryRows(clickhouse, 'SELECT label, value FROM {database:Identifier}.feedback FINAL WHERE request_id = {requestId:String}', { database, requestId });
});

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

