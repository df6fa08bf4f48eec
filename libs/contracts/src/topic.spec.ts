import { ALL_TOPICS, dlqTopic, isTopic, Topic } from './topic';

describe('Topic', () => {
  it('lists every topic once, each versioned under the flywheel namespace', () => {
    expect(ALL_TOPICS).toHaveLength(7);
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
    for (const topic of ALL_TOPICS) expect(topic).toMatch(/^flywheel\.[a-z]+\.[a-z]+\.v\d+$/);
  });

  it('recognises its own topics but not DLQ or foreign topics', () => {
    expect(isTopic('flywheel.inference.logs.v1')).toBe(true);
    expect(isTopic(dlqTopic(Topic.InferenceLogs))).toBe(false);
    expect(isTopic('orders')).toBe(false);
  });
});

describe('dlqTopic', () => {
  it('appends .dlq to the source topic', () => {
    expect(dlqTopic(Topic.RegistryEvents)).toBe('flywheel.registry.events.v1.dlq');
  });

  it('rejects an empty topic name', () => {
    expect(() => dlqTopic('')).toThrow('topic must not be empty');
  });
});
