import type { ModelVersionView, RegisteredModelView } from '../domain/views';
import { mlflowDownloadUri } from './mlflow-download-uri';
import { modelVersionJson, registeredModelJson, tagsFromJson } from './mlflow-json';

const at = new Date(1_700_000_000_000);
const version: ModelVersionView = {
  name: 'fraud',
  version: 3,
  createdAt: at,
  updatedAt: new Date(1_700_000_000_500),
  createdBy: 'alice',
  description: 'd',
  source: 'mlflow-artifacts:/1/r/artifacts/model',
  storageUri: 's3://bucket/root/mlflow-artifacts/1/r/artifacts/model',
  runId: 'r',
  runLink: '',
  loggedModelId: '',
  status: 'READY',
  statusMessage: '',
  stage: 'Production',
  tags: { gate: 'passed' },
  aliases: ['champion'],
  lineage: { datasetDigest: 'sha', codeVersion: 'git' },
  signature: undefined,
  hasReferenceProfile: false,
};

describe('MLflow JSON mapping', () => {
  it('spells a model version as MLflow does: string version, ms timestamps, current_stage, tag list', () => {
    expect(modelVersionJson(version)).toEqual({
      name: 'fraud',
      version: '3',
      creation_timestamp: 1_700_000_000_000,
      last_updated_timestamp: 1_700_000_000_500,
      user_id: 'alice',
      current_stage: 'Production',
      description: 'd',
      source: 'mlflow-artifacts:/1/r/artifacts/model',
      run_id: 'r',
      status: 'READY',
      status_message: '',
      tags: [{ key: 'gate', value: 'passed' }],
      run_link: '',
      aliases: ['champion'],
    });
  });

  it('spells a registered model with aliases as [{alias, version}] and latest_versions', () => {
    const model: RegisteredModelView = {
      name: 'fraud',
      description: '',
      createdAt: at,
      updatedAt: at,
      createdBy: 'alice',
      tags: {},
      aliases: [{ alias: 'champion', version: 3 }],
      latestVersions: [version],
      approvalPolicy: { aliases: [], stages: [] },
    };
    expect(registeredModelJson(model)).toMatchObject({
      name: 'fraud',
      creation_timestamp: 1_700_000_000_000,
      aliases: [{ alias: 'champion', version: '3' }],
      latest_versions: [expect.objectContaining({ version: '3' })],
      tags: [],
    });
  });

  it('reads MLflow tag lists, refusing malformed ones', () => {
    expect(tagsFromJson([{ key: 'a', value: '1' }, { key: 'b' }])).toEqual({ a: '1', b: '' });
    expect(tagsFromJson(undefined)).toEqual({});
    expect(() => tagsFromJson({ a: 1 })).toThrow(/^tags: expected a list/);
    expect(() => tagsFromJson([{ value: 'x' }])).toThrow(/^tags\[0\]\.key: expected a string/);
  });

  it('hands tracking-registered versions back as mlflow-artifacts URIs and others as their storage URI', () => {
    expect(mlflowDownloadUri(version, 's3://bucket/root')).toBe('mlflow-artifacts:/1/r/artifacts/model');
    expect(mlflowDownloadUri({ ...version, source: 's3://bucket/root/x' }, 's3://bucket/root')).toBe(version.storageUri);
  });

  it('hands a managed copy of a tracking-registered version back as its storage URI, which the proxy does not serve', () => {
    const copied = { ...version, storageUri: 's3://bucket/root/registry/models/7/versions/3' };
    expect(mlflowDownloadUri(copied, 's3://bucket/root')).toBe(copied.storageUri);
  });
});
