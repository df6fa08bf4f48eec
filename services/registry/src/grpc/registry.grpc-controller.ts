import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '@flywheel/access';
import { registryV1 } from '@flywheel/contracts';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { AliasesService } from '../aliases/aliases.service';
import { stageOfModelStage } from '../domain/model-stage';
import { invalidArgument } from '../domain/registry-error';
import type { Stage } from '../domain/stages';
import type { PromotionTarget } from '../domain/views';
import { ModelsService } from '../models/models.service';
import { ProfilesService } from '../profiles/profiles.service';
import { PromotionsService } from '../promotions/promotions.service';
import { VersionsService } from '../versions/versions.service';
import { grpcCall } from './grpc-errors';
import { grpcAuthorization, grpcCaller } from './grpc-caller';
import {
  modelVersionToWire,
  profileFromWire,
  profileToWire,
  promotionStateFromWire,
  promotionToWire,
  registeredModelToWire,
  signatureFromWire,
} from './grpc-wire';

/**
 * `flywheel.registry.v1.RegistryService`: decodes requests, calls the use cases with the
 * caller, encodes views. Access per method is the guard's job (registry.routes.ts).
 */
@Controller()
@registryV1.RegistryServiceControllerMethods()
export class RegistryGrpcController {
  constructor(
    private readonly models: ModelsService,
    private readonly versions: VersionsService,
    private readonly aliases: AliasesService,
    private readonly profiles: ProfilesService,
    private readonly promotions: PromotionsService,
  ) {}

  createRegisteredModel(
    @Payload() request: registryV1.CreateRegisteredModelRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.CreateRegisteredModelResponse> {
    return grpcCall(async () => ({
      registeredModel: registeredModelToWire(
        await this.models.create(grpcCaller(principal, metadata), request),
      ),
    }));
  }

  getRegisteredModel(@Payload() request: registryV1.GetRegisteredModelRequest): Promise<registryV1.GetRegisteredModelResponse> {
    return grpcCall(async () => ({ registeredModel: registeredModelToWire(await this.models.get(request.name)) }));
  }

  updateRegisteredModel(
    @Payload() request: registryV1.UpdateRegisteredModelRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.UpdateRegisteredModelResponse> {
    return grpcCall(async () => ({
      registeredModel: registeredModelToWire(
        await this.models.update(grpcCaller(principal, metadata), request.name, request.description),
      ),
    }));
  }

  renameRegisteredModel(
    @Payload() request: registryV1.RenameRegisteredModelRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.RenameRegisteredModelResponse> {
    return grpcCall(async () => ({
      registeredModel: registeredModelToWire(
        await this.models.rename(grpcCaller(principal, metadata), request.name, request.newName),
      ),
    }));
  }

  deleteRegisteredModel(
    @Payload() request: registryV1.DeleteRegisteredModelRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.DeleteRegisteredModelResponse> {
    return grpcCall(async () => {
      await this.models.delete(grpcCaller(principal, metadata), request.name);
      return {};
    });
  }

  searchRegisteredModels(
    @Payload() request: registryV1.SearchRegisteredModelsRequest,
  ): Promise<registryV1.SearchRegisteredModelsResponse> {
    return grpcCall(async () => {
      const page = await this.models.search(request);
      return { registeredModels: page.items.map(registeredModelToWire), nextPageToken: page.nextPageToken ?? '' };
    });
  }

  setRegisteredModelTag(
    @Payload() request: registryV1.SetRegisteredModelTagRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.SetRegisteredModelTagResponse> {
    return grpcCall(async () => {
      await this.models.setTag(grpcCaller(principal, metadata), request.name, request.key, request.value);
      return {};
    });
  }

  deleteRegisteredModelTag(
    @Payload() request: registryV1.DeleteRegisteredModelTagRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.DeleteRegisteredModelTagResponse> {
    return grpcCall(async () => {
      await this.models.deleteTag(grpcCaller(principal, metadata), request.name, request.key);
      return {};
    });
  }

  createModelVersion(
    @Payload() request: registryV1.CreateModelVersionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.CreateModelVersionResponse> {
    return grpcCall(async () => {
      const view = await this.versions.create(grpcCaller(principal, metadata), {
        name: request.name,
        source: request.source,
        runId: request.runId,
        runLink: request.runLink,
        description: request.description,
        tags: request.tags,
        ...(request.lineage != null && { lineage: request.lineage }),
        signature: signatureFromWire(request.signature),
        referenceProfile: profileFromWire(request.referenceProfile),
        copyToManagedStorage: request.copyToManagedStorage,
        loggedModelId: request.modelId,
        authorization: grpcAuthorization(metadata),
      });
      return { modelVersion: modelVersionToWire(view) };
    });
  }

  getModelVersion(@Payload() request: registryV1.GetModelVersionRequest): Promise<registryV1.GetModelVersionResponse> {
    return grpcCall(async () => ({ modelVersion: modelVersionToWire(await this.versions.get(request.name, request.version)) }));
  }

  updateModelVersion(
    @Payload() request: registryV1.UpdateModelVersionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.UpdateModelVersionResponse> {
    return grpcCall(async () => ({
      modelVersion: modelVersionToWire(
        await this.versions.update(grpcCaller(principal, metadata), request.name, request.version, request.description),
      ),
    }));
  }

  deleteModelVersion(
    @Payload() request: registryV1.DeleteModelVersionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.DeleteModelVersionResponse> {
    return grpcCall(async () => {
      await this.versions.delete(grpcCaller(principal, metadata), request.name, request.version);
      return {};
    });
  }

  searchModelVersions(@Payload() request: registryV1.SearchModelVersionsRequest): Promise<registryV1.SearchModelVersionsResponse> {
    return grpcCall(async () => {
      const page = await this.versions.search(request);
      return { modelVersions: page.items.map(modelVersionToWire), nextPageToken: page.nextPageToken ?? '' };
    });
  }

  getLatestVersions(@Payload() request: registryV1.GetLatestVersionsRequest): Promise<registryV1.GetLatestVersionsResponse> {
    return grpcCall(async () => {
      const stages = (request.stages ?? []).map((stage, i) => stageOf(stage, `stages[${i}]`));
      return { modelVersions: (await this.versions.latest(request.name, stages)).map(modelVersionToWire) };
    });
  }

  setModelVersionTag(
    @Payload() request: registryV1.SetModelVersionTagRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.SetModelVersionTagResponse> {
    return grpcCall(async () => {
      await this.versions.setTag(grpcCaller(principal, metadata), request.name, request.version, request.key, request.value);
      return {};
    });
  }

  deleteModelVersionTag(
    @Payload() request: registryV1.DeleteModelVersionTagRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.DeleteModelVersionTagResponse> {
    return grpcCall(async () => {
      await this.versions.deleteTag(grpcCaller(principal, metadata), request.name, request.version, request.key);
      return {};
    });
  }

  getModelVersionDownloadUri(
    @Payload() request: registryV1.GetModelVersionDownloadUriRequest,
  ): Promise<registryV1.GetModelVersionDownloadUriResponse> {
    return grpcCall(async () => ({ artifactUri: await this.versions.downloadUri(request.name, request.version) }));
  }

  transitionModelVersionStage(
    @Payload() request: registryV1.TransitionModelVersionStageRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.TransitionModelVersionStageResponse> {
    return grpcCall(async () => ({
      modelVersion: modelVersionToWire(
        await this.aliases.transitionStage(
          grpcCaller(principal, metadata),
          request.name,
          request.version,
          stageOf(request.stage, 'stage'),
          request.archiveExistingVersions,
        ),
      ),
    }));
  }

  setRegisteredModelAlias(
    @Payload() request: registryV1.SetRegisteredModelAliasRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.SetRegisteredModelAliasResponse> {
    return grpcCall(async () => {
      await this.aliases.setAlias(grpcCaller(principal, metadata), request.name, request.alias, request.version);
      return {};
    });
  }

  deleteRegisteredModelAlias(
    @Payload() request: registryV1.DeleteRegisteredModelAliasRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.DeleteRegisteredModelAliasResponse> {
    return grpcCall(async () => {
      await this.aliases.deleteAlias(grpcCaller(principal, metadata), request.name, request.alias);
      return {};
    });
  }

  getModelVersionByAlias(@Payload() request: registryV1.GetModelVersionByAliasRequest): Promise<registryV1.GetModelVersionByAliasResponse> {
    return grpcCall(async () => ({ modelVersion: modelVersionToWire(await this.aliases.versionByAlias(request.name, request.alias)) }));
  }

  setReferenceProfile(
    @Payload() request: registryV1.SetReferenceProfileRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.SetReferenceProfileResponse> {
    return grpcCall(async () => {
      const profile = profileFromWire(request.profile);
      if (!profile) throw invalidArgument('profile', 'a reference profile is required');
      await this.profiles.set(grpcCaller(principal, metadata), request.name, request.version, profile);
      return {};
    });
  }

  getReferenceProfile(@Payload() request: registryV1.GetReferenceProfileRequest): Promise<registryV1.GetReferenceProfileResponse> {
    return grpcCall(async () => ({ profile: profileToWire(await this.profiles.get(request.name, request.version)) }));
  }

  setApprovalPolicy(
    @Payload() request: registryV1.SetApprovalPolicyRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.SetApprovalPolicyResponse> {
    return grpcCall(async () => {
      const policy = await this.models.setApprovalPolicy(grpcCaller(principal, metadata), request.name, {
        aliases: request.policy?.aliases ?? [],
        stages: request.policy?.stages ?? [],
      });
      return { policy: { aliases: [...policy.aliases], stages: [...policy.stages] } };
    });
  }

  getApprovalPolicy(@Payload() request: registryV1.GetApprovalPolicyRequest): Promise<registryV1.GetApprovalPolicyResponse> {
    return grpcCall(async () => {
      const policy = await this.models.approvalPolicy(request.name);
      return { policy: { aliases: [...policy.aliases], stages: [...policy.stages] } };
    });
  }

  requestPromotion(
    @Payload() request: registryV1.RequestPromotionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.RequestPromotionResponse> {
    return grpcCall(async () => ({
      request: promotionToWire(
        await this.promotions.request(grpcCaller(principal, metadata), {
          name: request.name,
          version: request.version,
          target: targetOf(request),
          archiveExistingVersions: request.archiveExistingVersions,
          comment: request.comment,
        }),
      ),
    }));
  }

  approvePromotion(
    @Payload() request: registryV1.ApprovePromotionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.ApprovePromotionResponse> {
    return grpcCall(async () => ({
      request: promotionToWire(await this.promotions.approve(grpcCaller(principal, metadata), request.requestId, request.comment)),
    }));
  }

  rejectPromotion(
    @Payload() request: registryV1.RejectPromotionRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<registryV1.RejectPromotionResponse> {
    return grpcCall(async () => ({
      request: promotionToWire(await this.promotions.reject(grpcCaller(principal, metadata), request.requestId, request.reason)),
    }));
  }

  listPromotionRequests(@Payload() request: registryV1.ListPromotionRequestsRequest): Promise<registryV1.ListPromotionRequestsResponse> {
    return grpcCall(async () => ({
      requests: (await this.promotions.list(request.name, promotionStateFromWire(request.state))).map(promotionToWire),
    }));
  }
}

function stageOf(stage: registryV1.ModelVersion['stage'], field: string): Stage {
  const parsed = stageOfModelStage(stage);
  if (!parsed) throw invalidArgument(field, 'a stage (NONE, STAGING, PRODUCTION or ARCHIVED) is required');
  return parsed;
}

function targetOf(request: registryV1.RequestPromotionRequest): PromotionTarget {
  if (request.alias !== undefined && request.alias !== null) return { kind: 'alias', alias: request.alias };
  if (request.stage !== undefined && request.stage !== null) return { kind: 'stage', stage: stageOf(request.stage, 'stage') };
  throw invalidArgument('target', 'set alias or stage');
}
