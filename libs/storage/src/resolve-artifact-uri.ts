import { ArtifactUriNotAllowedError, InvalidArtifactKeyError } from './artifact-errors';
import { assertArtifactKey } from './artifact-key';
import { filePathOf, parseArtifactRoot, type ArtifactRoot } from './artifact-root';
import { isDotSegment } from './dot-segment';

export interface ResolvedArtifactUri {
  /** The configured root (normalized) that contains the URI. */
  root: string;
  /** The key relative to that root, valid for the store created from it. */
  key: string;
}

/**
 * Maps a URI received from outside (an MLflow artifact location, a model version's source)
 * to a root and key, accepting it only when it lies strictly under one of `allowedRoots`:
 * same scheme, same bucket, under the prefix at a `/` boundary, with a key that passes
 * `assertArtifactKey`. Any other scheme (http, https, gs, relative paths) is rejected.
 * Pure: it touches no storage.
 */
export function resolveArtifactUri(uri: string, allowedRoots: readonly string[]): ResolvedArtifactUri {
  const roots = allowedRoots.map((root) => parseArtifactRoot(root));
  if (uri.startsWith('s3://')) return resolveS3(uri, roots);
  if (uri.startsWith('file:')) return resolveFile(uri, roots);
  throw new ArtifactUriNotAllowedError(
    uri,
    'only s3:// and file:// URIs under a configured artifact root are accepted',
  );
}

function resolveS3(uri: string, roots: ArtifactRoot[]): ResolvedArtifactUri {
  const rest = uri.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash + 1);
  // S3 keys are literal, but tools that turn them into URLs would resolve an encoded `..`.
  if (path.split('/').some((segment) => segment !== '.' && segment !== '..' && isDotSegment(segment))) {
    throw new ArtifactUriNotAllowedError(uri, 'it must not contain percent-encoded "." or ".." segments');
  }
  for (const root of roots) {
    if (root.scheme !== 's3' || root.bucket !== bucket) continue;
    const key = root.prefix === '' ? path : stripPrefix(path, `${root.prefix}/`);
    if (key !== undefined) return { root: root.uri, key: checkedKey(uri, key) };
  }
  throw new ArtifactUriNotAllowedError(uri, 'it is not under any configured artifact root');
}

function resolveFile(uri: string, roots: ArtifactRoot[]): ResolvedArtifactUri {
  const path = filePathOf(uri);
  if (path === undefined) {
    throw new ArtifactUriNotAllowedError(
      uri,
      'file URIs must be absolute (file:///...) without ".." segments, query or fragment',
    );
  }
  for (const root of roots) {
    if (root.scheme !== 'file') continue;
    const key = stripPrefix(path, root.dir === '/' ? '/' : `${root.dir}/`);
    if (key !== undefined) return { root: root.uri, key: checkedKey(uri, key) };
  }
  throw new ArtifactUriNotAllowedError(uri, 'it is not under any configured artifact root');
}

function stripPrefix(value: string, prefix: string): string | undefined {
  return value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
}

function checkedKey(uri: string, key: string): string {
  try {
    assertArtifactKey(key);
    return key;
  } catch (error) {
    if (error instanceof InvalidArtifactKeyError) throw new ArtifactUriNotAllowedError(uri, error.message);
    throw error;
  }
}
