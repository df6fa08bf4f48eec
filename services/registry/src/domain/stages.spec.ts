import { checkStageTransition, parseStage, stageNeedsReadyVersion } from './stages';

describe('stages', () => {
  it('reads stage names in any letter case, as MLflow does', () => {
    expect(parseStage('production')).toBe('Production');
    expect(parseStage('STAGING')).toBe('Staging');
    expect(parseStage('none')).toBe('None');
    expect(() => parseStage('prod')).toThrow(/^stage: invalid stage "prod"; expected one of None, Staging, Production, Archived/);
  });

  it('allows archiving existing versions only towards Staging or Production', () => {
    expect(checkStageTransition('None', 'Production', true)).toEqual({ changes: true });
    expect(() => checkStageTransition('Production', 'Archived', true)).toThrow(/^archive_existing_versions: /);
    expect(() => checkStageTransition('Staging', 'None', true)).toThrow(/only Staging and Production are active stages/);
  });

  it('treats a move to the current stage without archiving as no change', () => {
    expect(checkStageTransition('Staging', 'Staging', false)).toEqual({ changes: false });
    expect(checkStageTransition('Staging', 'Staging', true)).toEqual({ changes: true });
  });

  it('requires READY versions only for the serving stages', () => {
    expect(['None', 'Staging', 'Production', 'Archived'].map((s) => stageNeedsReadyVersion(parseStage(s)))).toEqual([false, true, true, false]);
  });
});
