import { invalidArgument } from '../domain/registry-error';

/** What a model version's `source` names, before it is resolved to a storage location. */
export type SourceUri =
  | { kind: 'storage'; uri: string }
  | { kind: 'mlflow-artifacts'; path: string }
  | { kind: 'run'; runId: string; path: string }
  | { kind: 'logged-model'; modelId: string }
  | { kind: 'registered-version'; name: string; version: number };

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LOGGED_MODEL_ID = /^m-[A-Za-z0-9_-]{1,64}$/;

/**
 * Classifies a source (pure). `mlflow-artifacts:/<path>` and `runs:/<run>/<path>` name places
 * under the tracking service's artifact root; `models:/<m-id>` an MLflow 3 logged model;
 * `models:/<name>/<version>` another registered version. Anything else must be an absolute
 * `s3://` or `file://` URI, which the caller checks against the artifact roots.
 */
export function parseSourceUri(source: string): SourceUri {
  if (source === '') throw invalidArgument('source', 'a model version source is required');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(source)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'mlflow-artifacts':
      return { kind: 'mlflow-artifacts', path: pathAfterAuthority(source.slice('mlflow-artifacts:'.length)) };
    case 'runs': {
      const [runId = '', ...rest] = pathAfterAuthority(source.slice('runs:'.length), true).split('/');
      if (!RUN_ID.test(runId)) throw invalidArgument('source', `invalid run id in ${JSON.stringify(source)}`);
      return { kind: 'run', runId, path: rest.join('/') };
    }
    case 'models':
      return modelsUri(source);
    case 's3':
    case 'file':
      return { kind: 'storage', uri: source };
    case undefined:
    default:
      throw invalidArgument(
        'source',
        `${JSON.stringify(source)} is not under the artifact root: use an s3:// or file:// URI under it, or runs:/, mlflow-artifacts:/ or models:/`,
      );
  }
}

function modelsUri(source: string): SourceUri {
  const rest = pathAfterAuthority(source.slice('models:'.length), true);
  if (LOGGED_MODEL_ID.test(rest)) return { kind: 'logged-model', modelId: rest };
  const slash = rest.lastIndexOf('/');
  const version = Number(rest.slice(slash + 1));
  if (slash > 0 && Number.isInteger(version) && version > 0) {
    return { kind: 'registered-version', name: rest.slice(0, slash), version };
  }
  throw invalidArgument('source', `expected models:/<logged model id> or models:/<name>/<version>, got ${JSON.stringify(source)}`);
}

/** `/a/b`, `//host:port/a/b` and `a/b` → `a/b`; rejects empty paths and `..` tricks via the key rules later. */
function pathAfterAuthority(rest: string, allowEmptyPath = false): string {
  const path = rest.startsWith('//') ? rest.slice(rest.indexOf('/', 2) === -1 ? rest.length : rest.indexOf('/', 2)) : rest;
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '' && !allowEmptyPath) throw invalidArgument('source', 'the URI names no path');
  return trimmed;
}
