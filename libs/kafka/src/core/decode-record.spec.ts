import { Topic, TOPIC_CODECS } from '@flywheel/contracts';
import { decodeRecordValue, RecordDecodeError } from './decode-record';
import { ConsumedRecord } from './records';

const codec = TOPIC_CODECS[Topic.OrchestrationCommands];
const message = { commandId: 'c1', modelName: 'm', issuedAtMs: 5, issuedBy: 'test' };

function record(value: Buffer | null, contentType?: string): ConsumedRecord {
  return { offset: '7', timestamp: '0', key: null, value, headers: contentType ? { 'content-type': Buffer.from(contentType) } : {} };
}

describe('decodeRecordValue', () => {
  it('decodes binary protobuf when the content-type says so or is missing', () => {
    const bytes = Buffer.from(codec.encode(message));
    expect(decodeRecordValue(codec, record(bytes, 'application/x-protobuf'))).toEqual(message);
    expect(decodeRecordValue(codec, record(bytes))).toEqual(message);
  });

  it('decodes the proto3 JSON mapping for application/json, with or without parameters', () => {
    const json = Buffer.from(JSON.stringify(codec.toJSON(message)));
    expect(decodeRecordValue(codec, record(json, 'application/json'))).toEqual(message);
    expect(decodeRecordValue(codec, record(json, 'Application/JSON; charset=utf-8'))).toEqual(message);
  });

  it('names the content type and message type when the bytes do not decode', () => {
    expect(() => decodeRecordValue(codec, record(Buffer.from([0x0f])))).toThrow(
      /cannot decode application\/x-protobuf value as flywheel\.orchestration\.v1\.OrchestrationCommand/,
    );
    expect(() => decodeRecordValue(codec, record(Buffer.from('{not json'), 'application/json'))).toThrow(RecordDecodeError);
  });

  it('rejects unknown content types and tombstones', () => {
    expect(() => decodeRecordValue(codec, record(Buffer.from('x'), 'text/plain'))).toThrow(/unsupported content-type "text\/plain"/);
    expect(() => decodeRecordValue(codec, record(null))).toThrow(/no value \(tombstone\)/);
  });
});
