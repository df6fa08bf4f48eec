export type { ArtifactHead, ArtifactInfo, ArtifactPutOptions, ArtifactStore } from './artifact-store';
export { createArtifactStore } from './create-artifact-store';
export type { S3StoreOptions } from './s3/s3-store-options';
export { resolveArtifactUri, type ResolvedArtifactUri } from './resolve-artifact-uri';
export { assertArtifactKey } from './artifact-key';
export {
  MLFLOW_ARTIFACTS_KEY_PREFIX,
  mlflowArtifactsKey,
  mlflowArtifactsUriOfKey,
} from './mlflow-artifacts-key';
export {
  ArtifactNotFoundError,
  ArtifactUriNotAllowedError,
  InvalidArtifactKeyError,
} from './artifact-errors';
export {
  type ArtifactUriCheck,
  artifactUriWithinRoots,
  assertArtifactUriWithinRoots,
} from './artifact-uri-within-roots';
