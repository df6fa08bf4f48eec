import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Where analytics live: the in-process chDB engine (a data folder) or a ClickHouse server. */
export type ClickHouseLocation = { kind: 'chdb'; path: string } | { kind: 'http'; url: string };

/** Where model artifacts live: a local folder or an S3 bucket and key prefix. */
export type ArtifactLocation =
  { kind: 'file'; uri: string; dir: string } | { kind: 's3'; uri: string; bucket: string; prefix: string };

const CHDB = 'chdb://';
const FILE = 'file://';
const S3 = 's3://';
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `http(s)://host:port` or `chdb://dir` (a relative dir is resolved against the cwd). */
export function clickHouseVariable() {
  return z
    .string()
    .optional()
    .transform((raw, ctx): ClickHouseLocation | undefined => {
      if (raw === undefined) return undefined;
      if (raw.startsWith(CHDB)) {
        const path = raw.slice(CHDB.length);
        if (path !== '') return { kind: 'chdb', path: resolve(path) };
      } else if (/^https?:\/\//.test(raw) && URL.canParse(raw) && new URL(raw).host !== '') {
        return { kind: 'http', url: raw };
      }
      ctx.addIssue({
        code: 'custom',
        message:
          'expected an http(s)://host:port URL of a ClickHouse server or chdb://<directory> for the embedded engine',
      });
      return z.NEVER;
    });
}

/** `s3://bucket/prefix` or `file://dir`. */
export function artifactRootVariable() {
  return z
    .string()
    .optional()
    .transform((raw, ctx): ArtifactLocation | undefined => {
      if (raw === undefined) return undefined;
      if (raw.startsWith(FILE) && raw.length > FILE.length) return fileLocation(raw.slice(FILE.length));
      if (raw.startsWith(S3)) {
        const [bucket = '', ...rest] = raw.slice(S3.length).split('/');
        const prefix = rest.join('/').replace(/^\/+|\/+$/g, '');
        if (BUCKET_NAME.test(bucket)) return { kind: 's3', uri: raw, bucket, prefix };
        ctx.addIssue({
          code: 'custom',
          message: `"${bucket}" is not a valid S3 bucket name (3-63 of a-z 0-9 . -)`,
        });
        return z.NEVER;
      }
      ctx.addIssue({ code: 'custom', message: 'expected s3://<bucket>/<prefix> or file://<directory>' });
      return z.NEVER;
    });
}

/** The configured location, or the embedded engine's folder under the data dir. */
export function clickHouseOrDefault(
  location: ClickHouseLocation | undefined,
  dataDir: string,
): ClickHouseLocation {
  return location ?? { kind: 'chdb', path: join(dataDir, 'clickhouse') };
}

/** The configured location, or a folder under the data dir. */
export function artifactsOrDefault(
  location: ArtifactLocation | undefined,
  dataDir: string,
): ArtifactLocation {
  return location ?? fileLocation(join(dataDir, 'artifacts'));
}

function fileLocation(dir: string): ArtifactLocation {
  const absolute = resolve(dir);
  return { kind: 'file', uri: `${FILE}${absolute}`, dir: absolute };
}
