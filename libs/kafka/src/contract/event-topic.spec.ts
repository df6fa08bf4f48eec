import { Topic } from '@flywheel/contracts';
import { bytesCodec } from './bytes-codec';
import { defineTopic, flywheelTopic } from './event-topic';

describe('flywheelTopic', () => {
  it("keys each of Flywheel's topics by its aggregate and encodes with its contract codec", () => {
    const topic = flywheelTopic(Topic.OrchestrationCommands);
    expect(topic.name).toBe('flywheel.orchestration.commands.v1');
    expect(topic.codec.typeName).toBe('flywheel.orchestration.v1.OrchestrationCommand');
    expect(topic.keyOf?.({ commandId: 'c', modelName: 'fraud', issuedAtMs: 0, issuedBy: 'me' })).toBe('fraud');
    expect(flywheelTopic(Topic.OrchestrationCommands)).toBe(topic);
  });
});

describe('defineTopic', () => {
  it('refuses names Kafka would refuse, naming them', () => {
    expect(() => defineTopic('has space', bytesCodec)).toThrow('topic name "has space" must be 1-244 characters');
    expect(() => defineTopic('', bytesCodec)).toThrow(/topic name ""/);
    expect(defineTopic('ok.name_1-2', bytesCodec).name).toBe('ok.name_1-2');
  });
});
