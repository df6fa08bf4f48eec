import { createServer } from 'node:net';
import { freePort, freePorts } from './free-port';

describe('freePorts', () => {
  it('returns the requested number of distinct ports', async () => {
    const ports = await freePorts(8);
    expect(ports).toHaveLength(8);
    expect(new Set(ports).size).toBe(8);
  });

  it('returns a port that can be bound on 127.0.0.1 right away', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    expect((server.address() as { port: number }).port).toBe(port);
    await new Promise((resolve) => server.close(resolve));
  });
});
