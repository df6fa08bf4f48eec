import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Req } from '@nestjs/common';
import type { Principal } from '@flywheel/access';
import { ARTIFACT_STORE } from '@flywheel/platform';
import { CurrentPrincipal } from '@flywheel/service-kit';
import type { ArtifactStore } from '@flywheel/storage';
import { AliasesService } from '../aliases/aliases.service';
import { parseStage } from '../domain/stages';
import { VersionsService } from '../versions/versions.service';
import { type HttpRequestLike, httpAuthorization, httpCaller } from './http-caller';
import { mlflowDownloadUri } from './mlflow-download-uri';
import { mlflowCall } from './mlflow-errors';
import { mlflowInput, optionalBoolean, optionalInteger, optionalString, requiredString, stringList } from './mlflow-input';
import { modelVersionJson, tagsFromJson } from './mlflow-json';
import { MLFLOW_PREFIXES } from './mlflow-routes';

type Json = Record<string, unknown>;

/** MLflow's `model-versions/*` REST endpoints. */
@Controller([...MLFLOW_PREFIXES])
export class MlflowModelVersionsController {
  constructor(
    private readonly versions: VersionsService,
    private readonly aliases: AliasesService,
    @Inject(ARTIFACT_STORE) private readonly store: ArtifactStore,
  ) {}

  @Post('model-versions/create')
  @HttpCode(200)
  create(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.versions.create(httpCaller(principal, request), {
        name: requiredString(input, 'name'),
        source: requiredString(input, 'source'),
        runId: optionalString(input, 'run_id') ?? '',
        runLink: optionalString(input, 'run_link') ?? '',
        description: optionalString(input, 'description') ?? '',
        tags: tagsFromJson(input.tags),
        loggedModelId: optionalString(input, 'model_id') ?? '',
        authorization: httpAuthorization(request),
      });
      return { model_version: modelVersionJson(view) };
    });
  }

  @Get('model-versions/get')
  get(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.versions.get(requiredString(input, 'name'), requiredString(input, 'version'));
      return { model_version: modelVersionJson(view) };
    });
  }

  @Patch('model-versions/update')
  update(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.versions.update(
        httpCaller(principal, request),
        requiredString(input, 'name'),
        requiredString(input, 'version'),
        optionalString(input, 'description'),
      );
      return { model_version: modelVersionJson(view) };
    });
  }

  @Delete('model-versions/delete')
  delete(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.versions.delete(httpCaller(principal, request), requiredString(input, 'name'), requiredString(input, 'version'));
      return {};
    });
  }

  @Get('model-versions/search')
  search(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const page = await this.versions.search({
        filter: optionalString(input, 'filter') ?? '',
        maxResults: optionalInteger(input, 'max_results') ?? 0,
        orderBy: stringList(input, 'order_by'),
        pageToken: optionalString(input, 'page_token') ?? '',
      });
      return {
        model_versions: page.items.map(modelVersionJson),
        ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      };
    });
  }

  @Post('model-versions/transition-stage')
  @HttpCode(200)
  transitionStage(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.aliases.transitionStage(
        httpCaller(principal, request),
        requiredString(input, 'name'),
        requiredString(input, 'version'),
        parseStage(requiredString(input, 'stage')),
        optionalBoolean(input, 'archive_existing_versions'),
      );
      return { model_version: modelVersionJson(view) };
    });
  }

  @Get('model-versions/get-download-uri')
  downloadUri(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.versions.get(requiredString(input, 'name'), requiredString(input, 'version'));
      return { artifact_uri: mlflowDownloadUri(view, this.store.root) };
    });
  }

  @Post('model-versions/set-tag')
  @HttpCode(200)
  setTag(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.versions.setTag(
        httpCaller(principal, request),
        requiredString(input, 'name'),
        requiredString(input, 'version'),
        requiredString(input, 'key'),
        optionalString(input, 'value') ?? '',
      );
      return {};
    });
  }

  @Delete('model-versions/delete-tag')
  deleteTag(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.versions.deleteTag(
        httpCaller(principal, request),
        requiredString(input, 'name'),
        requiredString(input, 'version'),
        requiredString(input, 'key'),
      );
      return {};
    });
  }
}
