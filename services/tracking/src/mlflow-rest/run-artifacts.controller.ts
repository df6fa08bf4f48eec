import { Controller, Get, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ArtifactsService } from '../artifacts/artifacts.service';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { fileInfoJson, nonEmpty } from './mlflow-json';
import { MlflowRequest } from './mlflow-request';

/** MLflow REST API 2.0 `GET /api/2.0/mlflow/artifacts/list`: a run's artifacts below a path. */
@Controller('api/2.0/mlflow/artifacts')
@UseFilters(MlflowExceptionFilter)
export class RunArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Get('list')
  async list(@Req() req: FastifyRequest) {
    const request = MlflowRequest.of(req);
    const relative = (request.optionalString('path') ?? '').replace(/\/+$/, '');
    const { artifactUri, path } = await this.artifacts.runPath(request.runId(), relative);
    const files = await this.artifacts.list(path);
    return {
      root_uri: artifactUri,
      ...nonEmpty(
        'files',
        files.map((file) =>
          fileInfoJson({ ...file, path: relative === '' ? file.path : `${relative}/${file.path}` }),
        ),
      ),
    };
  }
}
