import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PROTO_ROOT, protoPath } from './proto-root';

describe('PROTO_ROOT', () => {
  it('is the absolute path of the buf module holding the protos', () => {
    expect(isAbsolute(PROTO_ROOT)).toBe(true);
    expect(existsSync(join(PROTO_ROOT, 'buf.yaml'))).toBe(true);
    expect(existsSync(join(PROTO_ROOT, 'flywheel', 'inference', 'v1', 'inference_log.proto'))).toBe(true);
  });
});

describe('protoPath', () => {
  it('resolves a proto import path to an absolute file path', () => {
    expect(protoPath('grpc/health/v1/health.proto')).toBe(
      join(PROTO_ROOT, 'grpc', 'health', 'v1', 'health.proto'),
    );
  });

  it('names the missing file', () => {
    expect(() => protoPath('flywheel/nothing/v1/none.proto')).toThrow(
      `protoPath: ${join(PROTO_ROOT, 'flywheel/nothing/v1/none.proto')} does not exist`,
    );
  });

  it('refuses absolute and empty paths', () => {
    expect(() => protoPath('/etc/passwd')).toThrow('expected a path relative to');
    expect(() => protoPath('')).toThrow('expected a path relative to');
  });
});
