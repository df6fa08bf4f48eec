import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Absolute path of the repository's `proto/` folder (the buf module root; proto imports are
 * relative to it). Found by walking up from this file to the first ancestor holding
 * `proto/buf.yaml`, which works from `src/` (tests, ts paths), `dist/` (built) and any
 * deployment that keeps `proto/` above the installed library.
 */
export const PROTO_ROOT: string = findProtoRoot(__dirname);

function findProtoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, 'buf.yaml'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  // libs/contracts/{src,dist} -> repository root. protoPath() reports the miss with this path.
  return resolve(start, '..', '..', '..', 'proto');
}

/**
 * Absolute path of a proto file given relative to PROTO_ROOT (as in `import` statements),
 * e.g. `protoPath('grpc/health/v1/health.proto')`, for Nest's gRPC `protoPath` option.
 * @throws Error naming the resolved path when the file does not exist.
 */
export function protoPath(relativePath: string): string {
  if (relativePath === '' || isAbsolute(relativePath)) {
    throw new Error(`protoPath: expected a path relative to ${PROTO_ROOT}, got '${relativePath}'`);
  }
  const absolute = join(PROTO_ROOT, relativePath);
  if (!existsSync(absolute)) {
    throw new Error(`protoPath: ${absolute} does not exist (PROTO_ROOT is ${PROTO_ROOT})`);
  }
  return absolute;
}
