import { invalidArgument } from './registry-error';

/** MLflow's model version stages, spelled as MLflow spells them. */
export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages whose current occupants `archive_existing_versions` may move to Archived. */
export const ACTIVE_STAGES: readonly Stage[] = ['Staging', 'Production'];

/** Accepts any letter case, as MLflow does (`production`, `PRODUCTION`). */
export function parseStage(value: unknown, field = 'stage'): Stage {
  if (typeof value === 'string') {
    const match = STAGES.find((stage) => stage.toLowerCase() === value.toLowerCase());
    if (match) return match;
  }
  throw invalidArgument(field, `invalid stage ${JSON.stringify(value)}; expected one of ${STAGES.join(', ')}`);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/**
 * Checks a transition request. `archive_existing_versions` only makes sense towards an active
 * stage (MLflow refuses it otherwise, and so do we). Returns whether anything changes.
 */
export function checkStageTransition(from: Stage, to: Stage, archiveExisting: boolean): { changes: boolean } {
  if (archiveExisting && !ACTIVE_STAGES.includes(to)) {
    throw invalidArgument(
      'archive_existing_versions',
      `cannot archive existing versions when moving to '${to}'; only ${ACTIVE_STAGES.join(' and ')} are active stages`,
    );
  }
  return { changes: from !== to || archiveExisting };
}

/** Promotions into these stages serve traffic, so only a READY version may enter them. */
export function stageNeedsReadyVersion(stage: Stage): boolean {
  return ACTIVE_STAGES.includes(stage);
}
