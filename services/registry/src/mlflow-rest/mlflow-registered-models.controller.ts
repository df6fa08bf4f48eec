import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { AliasesService } from '../aliases/aliases.service';
import { parseStage } from '../domain/stages';
import { ModelsService } from '../models/models.service';
import { VersionsService } from '../versions/versions.service';
import { type HttpRequestLike, httpCaller } from './http-caller';
import { mlflowCall } from './mlflow-errors';
import { mlflowInput, optionalInteger, optionalString, requiredString, stringList } from './mlflow-input';
import { modelVersionJson, registeredModelJson, tagsFromJson } from './mlflow-json';
import { MLFLOW_PREFIXES } from './mlflow-routes';

type Json = Record<string, unknown>;

/** MLflow's `registered-models/*` REST endpoints, aliases included. */
@Controller([...MLFLOW_PREFIXES])
export class MlflowRegisteredModelsController {
  constructor(
    private readonly models: ModelsService,
    private readonly versions: VersionsService,
    private readonly aliases: AliasesService,
  ) {}

  @Post('registered-models/create')
  @HttpCode(200)
  create(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.models.create(httpCaller(principal, request), {
        name: requiredString(input, 'name'),
        description: optionalString(input, 'description') ?? '',
        tags: tagsFromJson(input.tags),
      });
      return { registered_model: registeredModelJson(view) };
    });
  }

  @Get('registered-models/get')
  get(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const view = await this.models.get(requiredString(mlflowInput(request), 'name'));
      return { registered_model: registeredModelJson(view) };
    });
  }

  @Post('registered-models/rename')
  @HttpCode(200)
  rename(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.models.rename(httpCaller(principal, request), requiredString(input, 'name'), requiredString(input, 'new_name'));
      return { registered_model: registeredModelJson(view) };
    });
  }

  @Patch('registered-models/update')
  update(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.models.update(httpCaller(principal, request), requiredString(input, 'name'), optionalString(input, 'description'));
      return { registered_model: registeredModelJson(view) };
    });
  }

  @Delete('registered-models/delete')
  delete(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      await this.models.delete(httpCaller(principal, request), requiredString(mlflowInput(request), 'name'));
      return {};
    });
  }

  @Get('registered-models/search')
  search(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const page = await this.models.search({
        filter: optionalString(input, 'filter') ?? '',
        maxResults: optionalInteger(input, 'max_results') ?? 0,
        orderBy: stringList(input, 'order_by'),
        pageToken: optionalString(input, 'page_token') ?? '',
      });
      return {
        registered_models: page.items.map(registeredModelJson),
        ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      };
    });
  }

  @Post('registered-models/get-latest-versions')
  @HttpCode(200)
  latestVersionsPost(@Req() request: HttpRequestLike): Promise<Json> {
    return this.latestVersions(request);
  }

  @Get('registered-models/get-latest-versions')
  latestVersions(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const stages = stringList(input, 'stages').map((stage, i) => parseStage(stage, `stages[${i}]`));
      const versions = await this.versions.latest(requiredString(input, 'name'), stages);
      return { model_versions: versions.map(modelVersionJson) };
    });
  }

  @Post('registered-models/set-tag')
  @HttpCode(200)
  setTag(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.models.setTag(httpCaller(principal, request), requiredString(input, 'name'), requiredString(input, 'key'), optionalString(input, 'value') ?? '');
      return {};
    });
  }

  @Delete('registered-models/delete-tag')
  deleteTag(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.models.deleteTag(httpCaller(principal, request), requiredString(input, 'name'), requiredString(input, 'key'));
      return {};
    });
  }

  @Post('registered-models/alias')
  @HttpCode(200)
  setAlias(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.aliases.setAlias(
        httpCaller(principal, request),
        requiredString(input, 'name'),
        requiredString(input, 'alias'),
        requiredString(input, 'version'),
      );
      return {};
    });
  }

  @Delete('registered-models/alias')
  deleteAlias(@Req() request: HttpRequestLike, @CurrentPrincipal() principal: Principal): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      await this.aliases.deleteAlias(httpCaller(principal, request), requiredString(input, 'name'), requiredString(input, 'alias'));
      return {};
    });
  }

  @Get('registered-models/alias')
  versionByAlias(@Req() request: HttpRequestLike): Promise<Json> {
    return mlflowCall(async () => {
      const input = mlflowInput(request);
      const view = await this.aliases.versionByAlias(requiredString(input, 'name'), requiredString(input, 'alias'));
      return { model_version: modelVersionJson(view) };
    });
  }
}
