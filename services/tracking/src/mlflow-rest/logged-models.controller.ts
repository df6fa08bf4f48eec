import { Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { MlflowExceptionFilter } from './mlflow-exception.filter';

/**
 * `POST /api/2.0/mlflow/logged-models/search`. This server keeps no MLflow 3 logged models, so
 * every search is empty; the 3.x client searches them whenever it lists or downloads a run's
 * artifacts below a path, and would fail on a missing route.
 */
@Controller('api/2.0/mlflow/logged-models')
@UseFilters(MlflowExceptionFilter)
export class LoggedModelsController {
  @Post('search')
  @HttpCode(200)
  search(): Record<string, never> {
    return {};
  }
}
