import { ModelVersionStatus, registryV1 } from '@flywheel/contracts';
import { modelStageOf } from '../domain/model-stage';
import type { FeatureProfile, ReferenceProfile } from '../domain/reference-profile';
import type { ModelVersionView, PromotionState, PromotionView, RegisteredModelView, Signature, VersionStatus } from '../domain/views';

// Domain views <-> the gRPC messages of flywheel.registry.v1. Proto-loader hands absent
// sub-messages over as null, hence the `!= null` tests on inputs.

export function registeredModelToWire(view: RegisteredModelView): registryV1.RegisteredModel {
  return {
    name: view.name,
    description: view.description,
    creationTimestampMs: view.createdAt.getTime(),
    lastUpdatedTimestampMs: view.updatedAt.getTime(),
    tags: { ...view.tags },
    aliases: view.aliases.map((alias) => ({ ...alias })),
    latestVersions: view.latestVersions.map(modelVersionToWire),
    approvalPolicy: { aliases: [...view.approvalPolicy.aliases], stages: [...view.approvalPolicy.stages] },
    createdBy: view.createdBy,
  };
}

export function modelVersionToWire(view: ModelVersionView): registryV1.ModelVersion {
  return {
    name: view.name,
    version: view.version,
    creationTimestampMs: view.createdAt.getTime(),
    lastUpdatedTimestampMs: view.updatedAt.getTime(),
    createdBy: view.createdBy,
    description: view.description,
    source: view.source,
    storageUri: view.storageUri,
    runId: view.runId,
    runLink: view.runLink,
    modelId: view.loggedModelId,
    status: versionStatusToWire(view.status),
    statusMessage: view.statusMessage,
    stage: modelStageOf(view.stage),
    tags: { ...view.tags },
    aliases: [...view.aliases],
    lineage: { ...view.lineage },
    ...(view.signature ? { signature: view.signature } : {}),
    hasReferenceProfile: view.hasReferenceProfile,
  };
}

function versionStatusToWire(status: VersionStatus): ModelVersionStatus {
  switch (status) {
    case 'PENDING_REGISTRATION':
      return ModelVersionStatus.PENDING_REGISTRATION;
    case 'READY':
      return ModelVersionStatus.READY;
    case 'FAILED_REGISTRATION':
      return ModelVersionStatus.FAILED_REGISTRATION;
  }
}

export function signatureFromWire(signature: registryV1.ModelSignature | null | undefined): Signature | undefined {
  if (signature == null) return undefined;
  return {
    inputs: (signature.inputs ?? []).map((c) => ({ name: c.name, type: c.type })),
    outputs: (signature.outputs ?? []).map((c) => ({ name: c.name, type: c.type })),
  };
}

export function profileFromWire(profile: registryV1.ReferenceProfile | null | undefined): ReferenceProfile | undefined {
  if (profile == null) return undefined;
  return { rowCount: profile.rowCount, features: (profile.features ?? []).map(featureFromWire) };
}

function featureFromWire(feature: registryV1.FeatureProfile): FeatureProfile {
  if (feature.numeric != null) {
    return {
      kind: 'numeric',
      name: feature.name,
      missingCount: feature.missingCount,
      binEdges: [...feature.numeric.binEdges],
      binCounts: [...feature.numeric.binCounts],
      quantiles: feature.numeric.quantiles.map((q) => ({ probability: q.probability, value: q.value })),
      distinctCount: feature.numeric.distinctCount,
    };
  }
  return { kind: 'categorical', name: feature.name, missingCount: feature.missingCount, frequencies: { ...(feature.categorical?.frequencies ?? {}) } };
}

export function profileToWire(profile: ReferenceProfile): registryV1.ReferenceProfile {
  return {
    rowCount: profile.rowCount,
    features: profile.features.map((feature) =>
      feature.kind === 'numeric'
        ? {
            name: feature.name,
            missingCount: feature.missingCount,
            numeric: {
              binEdges: feature.binEdges,
              binCounts: feature.binCounts,
              quantiles: feature.quantiles,
              distinctCount: feature.distinctCount,
            },
          }
        : { name: feature.name, missingCount: feature.missingCount, categorical: { frequencies: feature.frequencies } },
    ),
  };
}

export function promotionToWire(view: PromotionView): registryV1.PromotionRequest {
  return {
    id: view.id,
    modelName: view.modelName,
    version: view.version,
    ...(view.target.kind === 'alias' ? { alias: view.target.alias } : { stage: modelStageOf(view.target.stage) }),
    archiveExistingVersions: view.archiveExistingVersions,
    state: promotionStateToWire(view.state),
    requestedBy: view.requestedBy,
    decidedBy: view.decidedBy,
    requestedAtMs: view.requestedAt.getTime(),
    decidedAtMs: view.decidedAt?.getTime() ?? 0,
    comment: view.comment,
    decisionComment: view.decisionComment,
  };
}

function promotionStateToWire(state: PromotionState): registryV1.PromotionState {
  switch (state) {
    case 'PENDING':
      return registryV1.PromotionState.PENDING;
    case 'APPLIED':
      return registryV1.PromotionState.APPLIED;
    case 'REJECTED':
      return registryV1.PromotionState.REJECTED;
  }
}

export function promotionStateFromWire(state: registryV1.PromotionState): PromotionState | undefined {
  switch (state) {
    case registryV1.PromotionState.PENDING:
      return 'PENDING';
    case registryV1.PromotionState.APPLIED:
      return 'APPLIED';
    case registryV1.PromotionState.REJECTED:
      return 'REJECTED';
    case registryV1.PromotionState.UNSPECIFIED:
    case registryV1.PromotionState.UNRECOGNIZED:
      return undefined;
  }
}
