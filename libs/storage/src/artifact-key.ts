import { InvalidArtifactKeyError } from './artifact-errors';

const MAX_KEY_BYTES = 1024;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Accepts a relative `/`-separated key: not empty, at most 1024 UTF-8 bytes (the S3 limit),
 * no leading `/`, no backslash, no control characters (NUL included), and no empty, `.` or
 * `..` segments. Both stores check every key with it, so none can name a path outside the root.
 */
export function assertArtifactKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new InvalidArtifactKeyError(String(key), 'must not be empty');
  checkText(key);
  checkSegments(key, key.split('/'));
}

/**
 * A list prefix follows the key rules, except that it may be empty and may end with `/`
 * (a "folder"). It is matched as a plain string prefix.
 */
export function assertListPrefix(prefix: string): void {
  if (prefix === '') return;
  checkText(prefix);
  const body = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  checkSegments(prefix, body.split('/'));
}

function checkText(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES)
    throw new InvalidArtifactKeyError(key, `longer than ${MAX_KEY_BYTES} bytes`);
  if (key.startsWith('/')) throw new InvalidArtifactKeyError(key, 'must be relative (no leading "/")');
  if (key.includes('\\')) throw new InvalidArtifactKeyError(key, 'must not contain a backslash');
  if (CONTROL_CHARACTER.test(key))
    throw new InvalidArtifactKeyError(key, 'must not contain control characters');
}

function checkSegments(key: string, segments: string[]): void {
  for (const segment of segments) {
    if (segment === '')
      throw new InvalidArtifactKeyError(key, 'must not contain empty segments ("//" or a trailing "/")');
    if (segment === '.' || segment === '..')
      throw new InvalidArtifactKeyError(key, `must not contain "${segment}" segments`);
  }
}
