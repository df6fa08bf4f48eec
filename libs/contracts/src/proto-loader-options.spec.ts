import { loadSync, MethodDefinition } from '@grpc/proto-loader';
import type { GrpcOptions } from '@nestjs/microservices';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_MESSAGES } from '../test/sample-messages';
import {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthCheckResponse_ServingStatus,
} from './gen/grpc/health/v1/health';
import { PROTO_LOADER_OPTIONS } from './proto-loader-options';
import { protoPath } from './proto-root';
import { ALL_TOPICS, Topic } from './topic';
import { TOPIC_CODECS } from './topic-messages';

// Compile-time proof that the options plug into Nest's gRPC transport as they are.
const nestLoader: NonNullable<GrpcOptions['options']['loader']> = PROTO_LOADER_OPTIONS;

type AnyMethod = MethodDefinition<object, object>;

/** A throwaway service whose methods echo each topic payload, loaded the way Nest loads protos. */
function loadEchoMethods(): Map<Topic, AnyMethod> {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-echo-'));
  try {
    const imports = [
      'flywheel/inference/v1/inference_log.proto',
      'flywheel/inference/v1/inference_feedback.proto',
      'flywheel/registry/v1/registry_event.proto',
      'flywheel/monitoring/v1/drift_report.proto',
      'flywheel/orchestration/v1/orchestration_command.proto',
      'flywheel/deployment/v1/deployment_event.proto',
      'flywheel/tracking/v1/run_event.proto',
    ];
    const rpcs = ALL_TOPICS.map((topic, i) => {
      const type = TOPIC_CODECS[topic].typeName;
      return `  rpc Echo${i}(${type}) returns (${type});`;
    });
    const file = join(dir, 'echo.proto');
    const proto = ['syntax = "proto3";', 'package echo;', ...imports.map((p) => `import "${p}";`)];
    writeFileSync(file, [...proto, 'service EchoService {', ...rpcs, '}'].join('\n'));
    const service = loadSync(file, nestLoader)['echo.EchoService'] as Record<string, AnyMethod>;
    return new Map(ALL_TOPICS.map((topic, i) => [topic, service[`Echo${i}`]!]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PROTO_LOADER_OPTIONS', () => {
  const methods = loadEchoMethods();

  it.each(ALL_TOPICS)('makes gRPC-decoded %s objects match the ts-proto type', (topic) => {
    const codec = TOPIC_CODECS[topic] as (typeof TOPIC_CODECS)[Topic.InferenceLogs];
    const sample = SAMPLE_MESSAGES[topic] as (typeof SAMPLE_MESSAGES)[Topic.InferenceLogs];
    const method = methods.get(topic)!;
    // toMatchObject: proto-loader adds the virtual oneof property (e.g. change: 'aliasSet').
    expect(method.requestDeserialize(Buffer.from(codec.encode(sample)))).toMatchObject(sample);
    expect(codec.decode(method.responseSerialize(sample))).toEqual(sample);
  });

  it('names the set oneof member in a virtual property and delivers absent sub-messages as null', () => {
    const registry = methods.get(Topic.RegistryEvents)!;
    const event = SAMPLE_MESSAGES[Topic.RegistryEvents];
    const decoded = registry.requestDeserialize(
      Buffer.from(TOPIC_CODECS[Topic.RegistryEvents].encode(event)),
    );
    expect(decoded).toMatchObject({ change: 'aliasSet' });

    const logs = methods.get(Topic.InferenceLogs)!;
    const log = { ...SAMPLE_MESSAGES[Topic.InferenceLogs], prediction: undefined };
    const decodedLog = logs.requestDeserialize(Buffer.from(TOPIC_CODECS[Topic.InferenceLogs].encode(log)));
    expect(decodedLog).toMatchObject({ prediction: null });
  });

  it('serves the standard health protocol with numeric ServingStatus values', () => {
    const health = loadSync(protoPath('grpc/health/v1/health.proto'), nestLoader)['grpc.health.v1.Health'];
    const check = (health as Record<string, AnyMethod>)['Check']!;
    expect(check.path).toBe('/grpc.health.v1.Health/Check');
    expect(
      check.requestDeserialize(Buffer.from(HealthCheckRequest.encode({ service: '' }).finish())),
    ).toEqual({
      service: '',
    });
    const response = { status: HealthCheckResponse_ServingStatus.SERVING };
    expect(check.responseDeserialize(Buffer.from(HealthCheckResponse.encode(response).finish()))).toEqual(
      response,
    );
  });
});
