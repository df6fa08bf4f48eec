/** The state of one thing a service needs before it can serve: a database, a broker, a model. */
export interface DependencyStatus {
  name: string;
  ready: boolean;
  /** Why it is not ready (an error message); absent when ready. */
  detail?: string;
}

/**
 * Provided by every service module (`{ provide: ReadinessProbe, useClass: ... }`). The kit asks
 * it on `/readyz` and on gRPC health checks; a service is ready when every dependency is.
 */
export abstract class ReadinessProbe {
  abstract check(): Promise<DependencyStatus[]>;
}

/**
 * Runs one dependency check, turning a throw, a rejection or a hang longer than `timeoutMs`
 * into a not-ready status that names the cause.
 */
export async function checkDependency(
  name: string,
  check: () => Promise<unknown>,
  timeoutMs = 2_000,
): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { name, ready: true };
  } catch (error) {
    return { name, ready: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
