import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, orchestrationV1, protoPath } from '@flywheel/contracts';

/** Field names that would let a caller choose what runs, or how. */
const EXECUTION_FIELD = /command|argv|^args?$|image|env|shell|cwd|working_?dir|script|exec/i;

interface MessageType {
  field: { name: string; typeName: string }[];
  nestedType?: MessageType[];
}

describe('OrchestrationService requests, as loaded from the proto', () => {
  const definition = loadSync(protoPath(orchestrationV1.protobufFileName), PROTO_LOADER_OPTIONS);
  const service = definition['flywheel.orchestration.v1.OrchestrationService'] as Record<
    string,
    { requestType: { type: MessageType } }
  >;

  function fieldNames(type: MessageType): string[] {
    return [...type.field.map((field) => field.name), ...(type.nestedType ?? []).flatMap(fieldNames)];
  }

  it('has the eight methods, none of whose requests has a field naming a command, argv, image, env, shell or working dir', () => {
    expect(Object.keys(service).sort()).toEqual([
      'CancelRun',
      'GetPipeline',
      'GetRun',
      'ListPipelines',
      'ListRuns',
      'RegisterPipeline',
      'StartRun',
      'TriggerPipeline',
    ]);
    const fields = Object.values(service).flatMap((method) => fieldNames(method.requestType.type));
    expect(fields.sort()).toEqual([
      'key',
      'key',
      'limit',
      'name',
      'name',
      'name',
      'params',
      'params',
      'pipelineName',
      'runId',
      'runId',
      'value',
      'value',
      'version',
      'version',
      'version',
      'yaml',
    ]);
    expect(fields.filter((name) => EXECUTION_FIELD.test(name))).toEqual([]);
  });
});
