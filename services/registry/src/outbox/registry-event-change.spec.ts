import { ModelStage } from '@flywheel/contracts';
import { changeToJson, eventFromOutboxRow } from './registry-event-change';

describe('outbox event rows', () => {
  it('round-trips a change through its stored JSON into the published event', () => {
    const change = { stageTransitioned: { version: 4, fromStage: ModelStage.STAGING, toStage: ModelStage.PRODUCTION } };
    const stored = JSON.parse(JSON.stringify(changeToJson(change))) as unknown;
    expect(stored).toEqual({ stageTransitioned: { version: 4, fromStage: 'MODEL_STAGE_STAGING', toStage: 'MODEL_STAGE_PRODUCTION' } });
    const event = eventFromOutboxRow({ id: '17', modelName: 'fraud', actor: 'alice', occurredAt: new Date(1_700_000_000_000), change: stored });
    expect(event).toMatchObject({ eventId: '17', modelName: 'fraud', actor: 'alice', occurredAtMs: 1_700_000_000_000, ...change });
  });
});
