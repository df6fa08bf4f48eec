import { SAMPLE_MESSAGES } from '../test/sample-messages';
import { protobufPackage as deploymentPackage } from './gen/flywheel/deployment/v1/deployment_event';
import { protobufPackage as inferencePackage } from './gen/flywheel/inference/v1/inference_log';
import { protobufPackage as monitoringPackage } from './gen/flywheel/monitoring/v1/drift_report';
import { protobufPackage as orchestrationPackage } from './gen/flywheel/orchestration/v1/orchestration_command';
import { protobufPackage as registryPackage } from './gen/flywheel/registry/v1/registry_event';
import { ALL_TOPICS, Topic } from './topic';
import { codecForTopic, TOPIC_CODECS } from './topic-messages';

describe('TOPIC_CODECS', () => {
  it('has a codec for every topic, named by the payload protobuf type', () => {
    expect(Object.keys(TOPIC_CODECS).sort()).toEqual([...ALL_TOPICS].sort());
    expect(TOPIC_CODECS[Topic.InferenceLogs].typeName).toBe(`${inferencePackage}.InferenceLog`);
    expect(TOPIC_CODECS[Topic.InferenceFeedback].typeName).toBe(`${inferencePackage}.InferenceFeedback`);
    expect(TOPIC_CODECS[Topic.RegistryEvents].typeName).toBe(`${registryPackage}.RegistryEvent`);
    expect(TOPIC_CODECS[Topic.MonitoringDrift].typeName).toBe(`${monitoringPackage}.DriftReport`);
    expect(TOPIC_CODECS[Topic.OrchestrationCommands].typeName).toBe(
      `${orchestrationPackage}.OrchestrationCommand`,
    );
    expect(TOPIC_CODECS[Topic.DeploymentEvents].typeName).toBe(`${deploymentPackage}.DeploymentEvent`);
  });

  it('looks codecs up by topic', () => {
    expect(codecForTopic(Topic.DeploymentEvents)).toBe(TOPIC_CODECS[Topic.DeploymentEvents]);
  });

  describe.each(ALL_TOPICS)('%s', (topic) => {
    const codec = TOPIC_CODECS[topic] as (typeof TOPIC_CODECS)[Topic.InferenceLogs];
    const sample = SAMPLE_MESSAGES[topic] as (typeof SAMPLE_MESSAGES)[Topic.InferenceLogs];

    it('round-trips binary protobuf, int64 ms timestamps, maps and oneofs included', () => {
      const bytes = codec.encode(sample);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(codec.decode(bytes)).toEqual(sample);
    });

    it('decodes from a Node Buffer, as kafkajs delivers values', () => {
      expect(codec.decode(Buffer.from(codec.encode(sample)))).toEqual(sample);
    });

    it('round-trips proto3 JSON through its text form', () => {
      const text = JSON.stringify(codec.toJSON(sample));
      expect(codec.fromJSON(JSON.parse(text))).toEqual(sample);
    });
  });
});
