import { ModelStage } from '@flywheel/contracts';
import type { Stage } from './stages';

/** The event and gRPC enum of a stage. */
export function modelStageOf(stage: Stage): ModelStage {
  switch (stage) {
    case 'None':
      return ModelStage.NONE;
    case 'Staging':
      return ModelStage.STAGING;
    case 'Production':
      return ModelStage.PRODUCTION;
    case 'Archived':
      return ModelStage.ARCHIVED;
  }
}

/** The stage of a gRPC enum value; undefined for UNSPECIFIED and unknown values. */
export function stageOfModelStage(stage: ModelStage): Stage | undefined {
  switch (stage) {
    case ModelStage.NONE:
      return 'None';
    case ModelStage.STAGING:
      return 'Staging';
    case ModelStage.PRODUCTION:
      return 'Production';
    case ModelStage.ARCHIVED:
      return 'Archived';
    case ModelStage.UNSPECIFIED:
    case ModelStage.UNRECOGNIZED:
      return undefined;
  }
}
