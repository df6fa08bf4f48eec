import { posix } from 'node:path';
import fc from 'fast-check';
import { ArtifactUriNotAllowedError } from './artifact-errors';
import { artifactUriWithinRoots, assertArtifactUriWithinRoots } from './artifact-uri-within-roots';

const ROOTS = ['s3://models/prod', 's3://scratch', 'file:///var/lib/flywheel/artifacts'];
const FILE_ROOT = '/var/lib/flywheel/artifacts';

describe('artifactUriWithinRoots', () => {
  it.each([
    ['s3://models/prod/runs/1/model.onnx', 's3://models/prod', 'runs/1/model.onnx'],
    ['s3://models/prod/100%/x', 's3://models/prod', '100%/x'],
    ['s3://models/prod/a..b/..c/d..', 's3://models/prod', 'a..b/..c/d..'],
    ['s3://scratch/a/b', 's3://scratch', 'a/b'],
    ['file:///var/lib/flywheel/artifacts/runs/1/m.onnx', 'file:///var/lib/flywheel/artifacts', 'runs/1/m.onnx'],
    ['file:///var/lib/flywheel/artifacts/100%25', 'file:///var/lib/flywheel/artifacts', '100%'],
  ])('accepts %s under %s with key %s', (uri, root, key) => {
    expect(artifactUriWithinRoots(uri, ROOTS)).toEqual({ ok: true, root, key });
  });

  describe('rejects, naming the field and the reason', () => {
    it.each([
      // Other schemes: the platform never fetches an address the caller chose.
      ['http://127.0.0.1:9000/models/prod/x', 'only s3:// and file:// URIs'],
      ['https://models.s3.amazonaws.com/prod/x', 'only s3:// and file:// URIs'],
      ['s3a://models/prod/x', 'only s3:// and file:// URIs'],
      ['S3://models/prod/x', 'only s3:// and file:// URIs'],
      [' s3://models/prod/x', 'only s3:// and file:// URIs'],
      ['gs://models/prod/x', 'only s3:// and file:// URIs'],
      ['ftp://models/prod/x', 'only s3:// and file:// URIs'],
      ['data:text/plain,hello', 'only s3:// and file:// URIs'],
      ['javascript:alert(1)', 'only s3:// and file:// URIs'],
      ['//models/prod/x', 'only s3:// and file:// URIs'],
      ['models/prod/x', 'only s3:// and file:// URIs'],
      ['/var/lib/flywheel/artifacts/x', 'only s3:// and file:// URIs'],
      ['', 'only s3:// and file:// URIs'],
      // Other buckets and prefix tricks.
      ['s3://other/prod/x', 'not under any configured artifact root'],
      ['s3://models/x', 'not under any configured artifact root'],
      ['s3://models/prod-evil/x', 'not under any configured artifact root'],
      ['s3://models/production/x', 'not under any configured artifact root'],
      ['s3://models/Prod/x', 'not under any configured artifact root'],
      ['s3://models@evil.example/prod/x', 'not under any configured artifact root'],
      ['s3://models.evil/prod/x', 'not under any configured artifact root'],
      ['s3://models/prod', 'not under any configured artifact root'],
      ['s3://models//prod/x', 'not under any configured artifact root'],
      // Dot segments, literal or percent-encoded, in any case and through layers of encoding.
      ['s3://models/prod/../staging/x', 'must not contain ".." segments'],
      ['s3://models/prod/./x', 'must not contain "." segments'],
      ['s3://models/prod/%2e%2e/staging/x', 'percent-encoded "." or ".." segments'],
      ['s3://models/prod/a/%2E%2e', 'percent-encoded "." or ".." segments'],
      ['s3://models/prod/.%2E/x', 'percent-encoded "." or ".." segments'],
      ['s3://models/prod/%252e%252e/x', 'percent-encoded "." or ".." segments'],
      ['s3://models/prod/%2e/x', 'percent-encoded "." or ".." segments'],
      ['file:///var/lib/flywheel/artifacts/../../../etc/passwd', 'without ".." segments'],
      ['file:///var/lib/flywheel/artifacts/%2e%2e/secrets', 'without ".." segments'],
      ['file:///var/lib/flywheel/artifacts/%252E%252E/secrets', 'without ".." segments'],
      ['file:///var/lib/flywheel/./artifacts/x', 'without ".." segments'],
      ['file:///var/lib/flywheel/artifacts/a%2F..%2F..%2Fetc', 'without ".." segments'],
      // File paths outside the root, and URIs the parser would rewrite.
      ['file:///var/lib/flywheel/artifacts-old/x', 'not under any configured artifact root'],
      ['file:///var/lib/flywheel/x', 'not under any configured artifact root'],
      ['file:////var/lib/flywheel/artifacts/x', 'not under any configured artifact root'],
      ['file:///etc/passwd', 'not under any configured artifact root'],
      ['file://localhost/var/lib/flywheel/artifacts/x', 'must be absolute'],
      ['file://evil.example/var/lib/flywheel/artifacts/x', 'must be absolute'],
      ['file:var/lib/flywheel/artifacts/x', 'must be absolute'],
      ['file:///var/lib/flywheel/artifacts/x#y', 'query or fragment'],
      ['file:///var/lib/flywheel/artifacts/%zz', 'must be absolute'],
      // Keys storage could not hold or that could escape elsewhere.
      ['s3://models/prod/a//b', 'empty segments'],
      ['s3://models/prod/', 'must not be empty'],
      ['s3://models/prod/..\\..\\x', 'backslash'],
      ['file:///var/lib/flywheel/artifacts/..%5C..%5Cetc', 'backslash'],
      ['s3://models/prod/a\u0000b', 'control characters'],
      ['file:///var/lib/flywheel/artifacts/a%00b', 'control characters'],
    ])('%j (%s)', (uri, reason) => {
      const check = artifactUriWithinRoots(uri, ROOTS, 'source');
      expect(check).toMatchObject({ ok: false, field: 'source', reason: expect.stringContaining(reason) });
      expect(check.ok || check.message).toBe(`source: artifact URI ${JSON.stringify(uri)} is not allowed: ${check.ok || check.reason}`);
    });
  });

  it('accepts nothing when no root is configured', () => {
    expect(artifactUriWithinRoots('s3://models/prod/x', [])).toMatchObject({ ok: false });
  });

  it('throws for an invalid configured root: a configuration bug, not a caller mistake', () => {
    expect(() => artifactUriWithinRoots('s3://models/prod/x', ['http://models'])).toThrow(
      /must be s3:\/\/bucket\/prefix or file:\/\/\/absolute\/dir/,
    );
  });
});

describe('assertArtifactUriWithinRoots', () => {
  it('returns the root and key of an accepted URI', () => {
    expect(assertArtifactUriWithinRoots('s3://scratch/k', ROOTS, 'source')).toEqual({ root: 's3://scratch', key: 'k' });
  });

  it('throws ArtifactUriNotAllowedError naming the field', () => {
    const attempt = () => assertArtifactUriWithinRoots('http://169.254.169.254/latest', ROOTS, 'source');
    expect(attempt).toThrow(ArtifactUriNotAllowedError);
    expect(attempt).toThrow(/^source: artifact URI "http:\/\/169\.254\.169\.254\/latest" is not allowed: only s3:\/\/ and file:\/\//);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ field: 'source', uri: 'http://169.254.169.254/latest' });
    }
  });
});

describe('artifactUriWithinRoots properties', () => {
  // Hostile building blocks: dot segments in every disguise, separators, prefix look-alikes.
  const piece = fc.oneof(
    fc.constantFrom('..', '.', '%2e', '%2E%2e', '.%2e', '%252e%252e', '%25252e', '%2f', '%5c', '\\', '/', '//', '?', '#', '%'),
    fc.constantFrom('prod', 'prod-evil', 'production', 'artifacts', 'artifacts-old', 'models', 'a', 'x.onnx', '..a', 'a..'),
    fc.string({ maxLength: 6, unit: 'grapheme' }),
  );
  const start = fc.constantFrom(
    's3://models/prod/',
    's3://models/',
    's3://models/prod',
    's3://scratch/',
    's3://other/',
    'file:///var/lib/flywheel/artifacts/',
    'file:///var/lib/flywheel/',
    'file:///',
    'file://',
    'http://',
    'https://models/prod/',
    '',
  );
  const hostileUri = fc.tuple(start, fc.array(piece, { maxLength: 8 })).map(([s, pieces]) => s + pieces.join(''));

  it('never throws for any input, and an accepted URI always resolves strictly inside its root', () => {
    fc.assert(
      fc.property(fc.oneof(hostileUri, fc.string({ unit: 'binary' })), (uri) => {
        const check = artifactUriWithinRoots(uri, ROOTS);
        if (!check.ok) return;
        const segments = check.key.split('/');
        expect(segments.every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
        if (check.root.startsWith('s3://')) {
          expect(uri).toBe(`${check.root}/${check.key}`);
          expect(posix.normalize(`/${check.key}`)).toBe(`/${check.key}`);
          expect(segments.some(hidesDotSegment)).toBe(false);
        } else {
          const path = posix.resolve(FILE_ROOT, check.key);
          expect(path.startsWith(`${FILE_ROOT}/`)).toBe(true);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('rejects every scheme other than s3:// and file://', () => {
    const scheme = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,8}$/).filter((s) => s !== 's3' && s !== 'file');
    fc.assert(
      fc.property(scheme, fc.string({ maxLength: 30 }), (s, rest) => {
        expect(artifactUriWithinRoots(`${s}://${rest}`, ROOTS)).toMatchObject({ ok: false });
        expect(artifactUriWithinRoots(`${s}:${rest}`, ROOTS)).toMatchObject({ ok: false });
      }),
    );
  });

  it('rejects a URI once an encoded dot segment is inserted anywhere in its key', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
    const dots = fc.constantFrom('%2e%2e', '%2E%2E', '.%2e', '%2e.', '%2e', '%252e%252e');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), dots, fc.array(segment, { maxLength: 3 }), (before, dot, after) => {
        const key = [...before, dot, ...after].join('/');
        for (const root of ['s3://models/prod', 'file:///var/lib/flywheel/artifacts']) {
          expect(artifactUriWithinRoots(`${root}/${key}`, ROOTS)).toMatchObject({ ok: false });
        }
      }),
    );
  });

  it('never accepts a sibling that merely shares the root as a string prefix', () => {
    const suffix = fc.stringMatching(/^[a-z0-9_.-]{1,8}$/);
    fc.assert(
      fc.property(suffix, fc.stringMatching(/^[a-z0-9]{1,8}$/), (extra, key) => {
        for (const root of ['s3://models/prod', 'file:///var/lib/flywheel/artifacts']) {
          expect(artifactUriWithinRoots(`${root}${extra}/${key}`, ROOTS)).toMatchObject({ ok: false });
        }
      }),
    );
  });
});

// Independent of the implementation: undo any layering of %25 and %2e by plain substitution.
function hidesDotSegment(segment: string): boolean {
  let text = segment.toLowerCase();
  for (let round = 0; round < 6; round += 1) text = text.replaceAll('%25', '%').replaceAll('%2e', '.');
  return text === '.' || text === '..';
}
