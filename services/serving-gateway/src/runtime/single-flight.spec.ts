import { SingleFlight } from './single-flight';

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('shares one run among the callers that ask while it runs', async () => {
    const flight = new SingleFlight<string, number>();
    const gate = deferred<number>();
    const work = jest.fn(() => gate.promise);
    const answers = Array.from({ length: 100 }, () => flight.run('m', work));
    expect(work).toHaveBeenCalledTimes(1);
    expect(flight.size).toBe(1);
    gate.resolve(7);
    expect(await Promise.all(answers)).toEqual(Array(100).fill(7));
    expect(flight.size).toBe(0);
  });

  it('runs each key on its own', async () => {
    const flight = new SingleFlight<string, string>();
    const work = jest.fn((key: string) => Promise.resolve(key.toUpperCase()));
    const [a, b] = await Promise.all([flight.run('a', () => work('a')), flight.run('b', () => work('b'))]);
    expect([a, b]).toEqual(['A', 'B']);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('starts afresh once the run has settled', async () => {
    const flight = new SingleFlight<string, number>();
    let calls = 0;
    const work = () => Promise.resolve(++calls);
    expect(await flight.run('m', work)).toBe(1);
    expect(await flight.run('m', work)).toBe(2);
  });

  it('gives a failure to every caller of that run, then frees the key', async () => {
    const flight = new SingleFlight<string, number>();
    const gate = deferred<number>();
    const first = flight.run('m', () => gate.promise);
    const second = flight.run('m', () => Promise.resolve(1));
    gate.reject(new Error('registry down'));
    await expect(first).rejects.toThrow('registry down');
    await expect(second).rejects.toThrow('registry down');
    expect(flight.size).toBe(0);
    expect(await flight.run('m', () => Promise.resolve(2))).toBe(2);
  });
});
