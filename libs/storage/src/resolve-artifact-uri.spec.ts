import fc from 'fast-check';
import { ArtifactUriNotAllowedError } from './artifact-errors';
import { artifactUri, parseArtifactRoot } from './artifact-root';
import { resolveArtifactUri } from './resolve-artifact-uri';

const ROOTS = ['s3://models/prod', 's3://scratch', 'file:///var/lib/flywheel/artifacts'];

describe('resolveArtifactUri', () => {
  it.each([
    ['s3://models/prod/runs/1/model.onnx', 's3://models/prod', 'runs/1/model.onnx'],
    ['s3://scratch/anything/here', 's3://scratch', 'anything/here'],
    [
      'file:///var/lib/flywheel/artifacts/runs/1/m.onnx',
      'file:///var/lib/flywheel/artifacts',
      'runs/1/m.onnx',
    ],
    ['file:///var/lib/flywheel/artifacts/a%20b.txt', 'file:///var/lib/flywheel/artifacts', 'a b.txt'],
  ])('accepts %s under %s as key %s', (uri, root, key) => {
    expect(resolveArtifactUri(uri, ROOTS)).toEqual({ root, key });
  });

  it('normalizes configured roots (trailing slash) before matching', () => {
    expect(resolveArtifactUri('s3://models/prod/k', ['s3://models/prod/'])).toEqual({
      root: 's3://models/prod',
      key: 'k',
    });
  });

  it.each([
    ['http://models/prod/x', /only s3:\/\/ and file:\/\/ URIs/],
    ['https://s3.amazonaws.com/models/prod/x', /only s3:\/\/ and file:\/\/ URIs/],
    ['gs://models/prod/x', /only s3:\/\/ and file:\/\/ URIs/],
    ['runs/1/model.onnx', /only s3:\/\/ and file:\/\/ URIs/],
    ['/var/lib/flywheel/artifacts/x', /only s3:\/\/ and file:\/\/ URIs/],
    ['S3://models/prod/x', /only s3:\/\/ and file:\/\/ URIs/],
    ['s3://other-bucket/prod/x', /not under any configured artifact root/],
    ['s3://models/production/x', /not under any configured artifact root/],
    ['s3://models/prod', /not under any configured artifact root/],
    ['s3://models/prod/', /must not be empty/],
    ['s3://models/prod/../staging/x', /"\.\." segments/],
    ['s3://models/prod/a//b', /empty segments/],
    ['s3://models/prod/a\\..\\b', /backslash/],
    ['s3://models/prod/a\u0000b', /control characters/],
    ['file:///var/lib/flywheel/artifacts/../secrets', /without "\.\." segments/],
    ['file:///var/lib/flywheel/artifacts/%2e%2e/secrets', /without "\.\." segments/],
    ['file:///var/lib/flywheel/artifacts/.%2E/secrets', /without "\.\." segments/],
    ['file:///var/lib/flywheel/artifacts/a%2F..%2F..%2Fetc', /without "\.\." segments/],
    ['file:///var/lib/flywheel/artifacts-old/x', /not under any configured artifact root/],
    ['file:///var/lib/flywheel/artifacts', /not under any configured artifact root/],
    ['file://evil.example.com/var/lib/flywheel/artifacts/x', /must be absolute/],
    ['file:var/lib/flywheel/artifacts/x', /must be absolute/],
    ['file:///var/lib/flywheel/artifacts/x?download=1', /query or fragment/],
  ])('rejects %j', (uri, message) => {
    expect(() => resolveArtifactUri(uri, ROOTS)).toThrow(ArtifactUriNotAllowedError);
    expect(() => resolveArtifactUri(uri, ROOTS)).toThrow(message);
  });

  it('rejects everything when no roots are configured', () => {
    expect(() => resolveArtifactUri('s3://models/prod/x', [])).toThrow(
      /not under any configured artifact root/,
    );
  });

  it('does not match an S3 URI against a file root or the reverse', () => {
    expect(() => resolveArtifactUri('s3://models/prod/x', ['file:///models/prod'])).toThrow(
      ArtifactUriNotAllowedError,
    );
    expect(() => resolveArtifactUri('file:///models/prod/x', ['s3://models/prod'])).toThrow(
      ArtifactUriNotAllowedError,
    );
  });

  describe('round trip with artifactUri', () => {
    const segment = fc
      .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
      .filter(
        (s) => s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\\') && !hasControlCharacter(s),
      );
    const key = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/'));

    it.each(ROOTS)('resolves the URI of any valid key under %s back to that key', (rootUri) => {
      const root = parseArtifactRoot(rootUri);
      fc.assert(
        fc.property(key, (k) => {
          expect(resolveArtifactUri(artifactUri(root, k), ROOTS)).toEqual({ root: root.uri, key: k });
        }),
      );
    });

    it('never resolves a URI with a ".." segment, wherever it sits', () => {
      fc.assert(
        fc.property(
          fc.array(segment, { maxLength: 3 }),
          fc.array(segment, { maxLength: 3 }),
          (before, after) => {
            const path = [...before, '..', ...after].join('/');
            for (const uri of [`s3://models/prod/${path}`, `file:///var/lib/flywheel/artifacts/${path}`]) {
              expect(() => resolveArtifactUri(uri, ROOTS)).toThrow(ArtifactUriNotAllowedError);
            }
          },
        ),
      );
    });
  });
});

function hasControlCharacter(text: string): boolean {
  return [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}
