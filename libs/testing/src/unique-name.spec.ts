import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps only characters valid in topics, schemas and buckets', () => {
    expect(uniqueName('My-Test.Topic')).toMatch(/^my_test_topic_[a-z0-9]+_[0-9a-f]{8}$/);
  });

  it('never repeats', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('t')));
    expect(names.size).toBe(1000);
  });
});
