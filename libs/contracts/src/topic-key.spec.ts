import { SAMPLE_MESSAGES } from '../test/sample-messages';
import { ALL_TOPICS, Topic } from './topic';
import { TOPIC_KEY_FIELD, topicKey } from './topic-key';

describe('topicKey', () => {
  it('keys inference feedback by request id, tracking runs by run id and every other topic by model name', () => {
    expect(topicKey(Topic.InferenceFeedback, SAMPLE_MESSAGES[Topic.InferenceFeedback])).toBe('req-1');
    expect(topicKey(Topic.TrackingRuns, SAMPLE_MESSAGES[Topic.TrackingRuns])).toBe(
      SAMPLE_MESSAGES[Topic.TrackingRuns].runId,
    );
    const byRequestOrRun: readonly Topic[] = [Topic.InferenceFeedback, Topic.TrackingRuns];
    for (const topic of ALL_TOPICS.filter((t) => !byRequestOrRun.includes(t))) {
      expect(TOPIC_KEY_FIELD[topic]).toBe('modelName');
      expect(topicKey(topic, SAMPLE_MESSAGES[topic])).toBe('fraud');
    }
  });

  it('refuses an empty key, naming the field and topic', () => {
    const log = { ...SAMPLE_MESSAGES[Topic.InferenceLogs], modelName: '' };
    expect(() => topicKey(Topic.InferenceLogs, log)).toThrow(
      'topicKey: modelName must be a non-empty string; it is the message key of flywheel.inference.logs.v1',
    );
  });
});
