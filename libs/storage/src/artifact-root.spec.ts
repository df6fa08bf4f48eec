import { artifactUri, parseArtifactRoot } from './artifact-root';

describe('parseArtifactRoot', () => {
  it('parses an S3 root with and without a prefix, dropping trailing slashes', () => {
    expect(parseArtifactRoot('s3://flywheel-artifacts/prod/models/')).toEqual({
      scheme: 's3',
      bucket: 'flywheel-artifacts',
      prefix: 'prod/models',
      uri: 's3://flywheel-artifacts/prod/models',
    });
    expect(parseArtifactRoot('s3://bucket')).toEqual({
      scheme: 's3',
      bucket: 'bucket',
      prefix: '',
      uri: 's3://bucket',
    });
  });

  it('parses an absolute file root', () => {
    expect(parseArtifactRoot('file:///var/lib/flywheel/artifacts/')).toEqual({
      scheme: 'file',
      dir: '/var/lib/flywheel/artifacts',
      uri: 'file:///var/lib/flywheel/artifacts',
    });
  });

  it.each([
    ['http://host/bucket', /must be s3:\/\/bucket\/prefix or file:\/\/\/absolute\/dir/],
    ['/var/lib/artifacts', /must be s3:\/\/bucket\/prefix or file:\/\/\/absolute\/dir/],
    ['s3://Bad_Bucket/x', /invalid S3 bucket name "Bad_Bucket"/],
    ['s3://ab/x', /invalid S3 bucket name "ab"/],
    ['s3://bucket/a/../b', /invalid prefix: .*"\.\." segments/],
    ['s3://bucket/a//b', /invalid prefix: .*empty segments/],
    ['file://relative/dir', /must be an absolute file URI/],
    ['file:///var/../etc', /must be an absolute file URI/],
    ['file:///var/%2e%2e/etc', /must be an absolute file URI/],
    ['file:///var/a?x=1', /must be an absolute file URI/],
  ])('rejects %s', (uri, message) => {
    expect(() => parseArtifactRoot(uri)).toThrow(message);
  });
});

describe('artifactUri', () => {
  it('appends the key raw under an S3 root', () => {
    expect(artifactUri(parseArtifactRoot('s3://b-1/p'), 'runs/1/model file.onnx')).toBe(
      's3://b-1/p/runs/1/model file.onnx',
    );
    expect(artifactUri(parseArtifactRoot('s3://b-1'), 'k')).toBe('s3://b-1/k');
  });

  it('percent-encodes the path under a file root', () => {
    expect(artifactUri(parseArtifactRoot('file:///data'), 'runs/a b#1?.txt')).toBe(
      'file:///data/runs/a%20b%231%3F.txt',
    );
  });

  it('validates the key', () => {
    expect(() => artifactUri(parseArtifactRoot('s3://bucket'), '../x')).toThrow(
      'invalid artifact key "../x"',
    );
  });
});
