interface Member {
  readonly id: string;
  readonly topics: readonly string[];
}

/**
 * The members of one consumer group and who owns which partition: for each topic, its partitions
 * are dealt round-robin over the members subscribed to it, in join order.
 */
export class GroupMembership {
  private readonly members: Member[] = [];

  join(id: string, topics: readonly string[]): void {
    this.members.push({ id, topics });
  }

  leave(id: string): void {
    const index = this.members.findIndex((member) => member.id === id);
    if (index >= 0) this.members.splice(index, 1);
  }

  partitionsOf(id: string, topic: string, partitionCount: number): number[] {
    const subscribers = this.members.filter((member) => member.topics.includes(topic));
    const index = subscribers.findIndex((member) => member.id === id);
    if (index < 0) return [];
    const owned: number[] = [];
    for (let partition = index; partition < partitionCount; partition += subscribers.length) owned.push(partition);
    return owned;
  }
}
