import { Partitioners } from 'kafkajs';
import { murmur2, partitionForKey } from './murmur2';

describe('murmur2', () => {
  it("matches the values of Kafka's Utils.murmur2 test vectors", () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [input, expected] of vectors) expect([input, murmur2(Buffer.from(input))]).toEqual([input, expected]);
  });

  it("picks the partition kafkajs's default (Java-compatible) partitioner picks for the same key", () => {
    const partitioner = Partitioners.DefaultPartitioner();
    for (const partitions of [1, 3, 7, 12]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
      for (let i = 0; i < 200; i++) {
        const key = `model-${i}-${'x'.repeat(i % 5)}`;
        const expected = partitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
        expect(partitionForKey(Buffer.from(key), partitions)).toBe(expected);
      }
    }
  });
});
