import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertArtifactKey } from './artifact-key';
import { isDotSegment } from './dot-segment';

export type ArtifactRoot =
  | {
      scheme: 's3';
      bucket: string;
      /** Without leading or trailing `/`; may be empty. */ prefix: string;
      uri: string;
    }
  | { scheme: 'file'; /** Absolute, normalized. */ dir: string; uri: string };

// S3 bucket naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `s3://bucket[/prefix]` or `file:///absolute/dir`; anything else throws, naming the problem. */
export function parseArtifactRoot(uri: string): ArtifactRoot {
  if (uri.startsWith('s3://')) return parseS3Root(uri);
  if (uri.startsWith('file:')) return parseFileRoot(uri);
  throw new Error(`artifact root ${JSON.stringify(uri)} must be s3://bucket/prefix or file:///absolute/dir`);
}

/** The URI of `key` under `root`: raw for S3 (as the AWS CLI prints them), percent-encoded for files. */
export function artifactUri(root: ArtifactRoot, key: string): string {
  assertArtifactKey(key);
  if (root.scheme === 's3') return `${root.uri}/${key}`;
  return pathToFileURL(join(root.dir, key)).href;
}

function parseS3Root(uri: string): ArtifactRoot {
  const rest = uri.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = slash === -1 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
  if (!BUCKET.test(bucket))
    throw new Error(
      `artifact root ${JSON.stringify(uri)} has an invalid S3 bucket name ${JSON.stringify(bucket)}`,
    );
  if (prefix !== '') assertRootPrefix(uri, prefix);
  return { scheme: 's3', bucket, prefix, uri: prefix ? `s3://${bucket}/${prefix}` : `s3://${bucket}` };
}

function parseFileRoot(uri: string): ArtifactRoot {
  const dir = filePathOf(uri);
  if (dir === undefined) {
    throw new Error(
      `artifact root ${JSON.stringify(uri)} must be an absolute file URI such as file:///var/lib/flywheel/artifacts`,
    );
  }
  const normalized = resolve(dir);
  return { scheme: 'file', dir: normalized, uri: pathToFileURL(normalized).href };
}

function assertRootPrefix(uri: string, prefix: string): void {
  try {
    assertArtifactKey(prefix);
  } catch (error) {
    throw new Error(
      `artifact root ${JSON.stringify(uri)} has an invalid prefix: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * The absolute path of a `file:` URI, or undefined when it is not one we accept: it must
 * have an empty host, no query or fragment, and no `.`/`..` segments, checked on the raw
 * text because the URL parser silently resolves them (also when percent-encoded).
 */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:///') || uri.includes('?') || uri.includes('#')) return undefined;
  const segments = uri.slice('file://'.length).split('/');
  if (segments.some((segment) => isDotSegment(segment))) return undefined;
  try {
    const path = fileURLToPath(uri);
    return isAbsolute(path) ? path : undefined;
  } catch {
    // Encoded "/" (%2F) and malformed escapes land here.
    return undefined;
  }
}
