/**
 * Runs `start` again (up to `attempts` times in all) when it fails because a port it was given
 * was taken in the meantime (EADDRINUSE anywhere in the error or its causes). Ports from
 * `freePorts` are free when drawn, but any process's outgoing connection may take one as its
 * local port before the test binds it: `start` must draw its ports itself, and release what it
 * opened before it throws.
 */
export async function retryOnPortClash<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !isPortClash(error)) throw error;
    }
  }
}

/** Whether `error` or one of its causes is an EADDRINUSE. */
export function isPortClash(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 10;
    current = current.cause, depth++
  ) {
    if ((current as NodeJS.ErrnoException).code === 'EADDRINUSE' || current.message.includes('EADDRINUSE'))
      return true;
  }
  return false;
}
