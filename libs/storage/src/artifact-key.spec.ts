import { InvalidArtifactKeyError } from './artifact-errors';
import { assertArtifactKey, assertListPrefix } from './artifact-key';

describe('assertArtifactKey', () => {
  it.each([
    'model.onnx',
    'runs/42/artifacts/model.onnx',
    '.hidden',
    'a..b/c',
    'with space/ünïcødé/✓',
    'x'.repeat(1024),
  ])('accepts %j', (key) => {
    expect(() => assertArtifactKey(key)).not.toThrow();
  });

  it.each([
    ['', 'must not be empty'],
    ['/etc/passwd', 'must be relative'],
    ['..', 'must not contain ".." segments'],
    ['runs/../../etc/passwd', 'must not contain ".." segments'],
    ['runs/./model', 'must not contain "." segments'],
    ['runs//model', 'must not contain empty segments'],
    ['runs/', 'must not contain empty segments'],
    ['runs\\..\\model', 'must not contain a backslash'],
    ['model\u0000.onnx', 'must not contain control characters'],
    ['line\nbreak', 'must not contain control characters'],
    ['x'.repeat(1025), 'longer than 1024 bytes'],
    ['é'.repeat(513), 'longer than 1024 bytes'],
  ])('rejects %j: %s', (key, reason) => {
    expect(() => assertArtifactKey(key)).toThrow(InvalidArtifactKeyError);
    expect(() => assertArtifactKey(key)).toThrow(reason);
  });
});

describe('assertListPrefix', () => {
  it.each(['', 'runs/', 'runs/4', 'runs/42/artifacts/'])('accepts %j', (prefix) => {
    expect(() => assertListPrefix(prefix)).not.toThrow();
  });

  it.each(['/runs', '../', 'runs/../', 'runs//', 'a\\b', 'a\u0000'])('rejects %j', (prefix) => {
    expect(() => assertListPrefix(prefix)).toThrow(InvalidArtifactKeyError);
  });
});
