import { T0 } from '../test/sample-messages';
import { InferenceStatus, Variant } from './gen/flywheel/inference/v1/inference_log';
import { Topic } from './topic';
import { TOPIC_CODECS } from './topic-messages';

// What the JSON codecs accept from external producers (ts-proto's fromJSON) and emit (toJSON).
const logs = TOPIC_CODECS[Topic.InferenceLogs];
const registry = TOPIC_CODECS[Topic.RegistryEvents];

describe('proto3 JSON decoding of external payloads', () => {
  it('accepts lowerCamelCase field names (the proto3 JSON names)', () => {
    const log = logs.fromJSON({
      requestId: 'r-1',
      modelName: 'fraud',
      timestampMs: T0,
      numericFeatures: { amount: 1.5 },
      prediction: { score: 0.5, rawOutputs: { fraud: 0.5 } },
    });
    expect(log).toMatchObject({ requestId: 'r-1', modelName: 'fraud', timestampMs: T0 });
    expect(log.numericFeatures).toEqual({ amount: 1.5 });
    expect(log.prediction?.rawOutputs).toEqual({ fraud: 0.5 });
  });

  it('accepts the original snake_case proto field names', () => {
    const log = logs.fromJSON({
      request_id: 'r-1',
      model_name: 'fraud',
      timestamp_ms: T0,
      categorical_features: { country: 'DE' },
      latency_ms: 2,
      prediction: { score: 0.5, raw_outputs: { fraud: 0.5 } },
    });
    expect(log).toMatchObject({ requestId: 'r-1', modelName: 'fraud', timestampMs: T0, latencyMs: 2 });
    expect(log.categoricalFeatures).toEqual({ country: 'DE' });
    expect(log.prediction?.rawOutputs).toEqual({ fraud: 0.5 });
  });

  it('accepts int64 as a decimal string (proto3 JSON) or as a number', () => {
    expect(logs.fromJSON({ timestampMs: String(T0) }).timestampMs).toBe(T0);
    expect(logs.fromJSON({ timestampMs: T0 }).timestampMs).toBe(T0);
  });

  it('accepts enums by full value name or by number; unknown names become UNRECOGNIZED', () => {
    expect(logs.fromJSON({ variant: 'VARIANT_SHADOW', status: 'INFERENCE_STATUS_ERROR' })).toMatchObject({
      variant: Variant.SHADOW,
      status: InferenceStatus.ERROR,
    });
    expect(logs.fromJSON({ variant: 2 }).variant).toBe(Variant.CANARY);
    expect(logs.fromJSON({ variant: 'CANARY' }).variant).toBe(Variant.UNRECOGNIZED);
  });

  it('fills absent fields with proto3 defaults', () => {
    expect(logs.fromJSON({})).toEqual({
      requestId: '',
      modelName: '',
      modelVersion: 0,
      variant: Variant.UNSPECIFIED,
      timestampMs: 0,
      numericFeatures: {},
      categoricalFeatures: {},
      prediction: undefined,
      latencyMs: 0,
      status: InferenceStatus.UNSPECIFIED,
      error: '',
    });
  });

  it('reads a oneof member under either name', () => {
    const camel = registry.fromJSON({
      modelName: 'fraud',
      aliasDeleted: { alias: 'champion', previousVersion: 2 },
    });
    const snake = registry.fromJSON({
      model_name: 'fraud',
      alias_deleted: { alias: 'champion', previous_version: 2 },
    });
    expect(camel.aliasDeleted).toEqual({ alias: 'champion', previousVersion: 2 });
    expect(snake).toEqual(camel);
  });
});

describe('proto3 JSON encoding', () => {
  it('emits lowerCamelCase names and enum value names, omitting default values', () => {
    const json = logs.toJSON(logs.fromJSON({ requestId: 'r-1', variant: 'VARIANT_CHAMPION', error: '' }));
    expect(json).toEqual({ requestId: 'r-1', variant: 'VARIANT_CHAMPION' });
  });

  it('emits int64 as a JSON number (exact for epoch ms), which proto3 JSON parsers also accept', () => {
    expect(logs.toJSON(logs.fromJSON({ timestampMs: T0 }))).toEqual({ timestampMs: T0 });
  });
});
