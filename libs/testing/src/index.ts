export { waitFor, type WaitForOptions } from './wait-for';
export { uniqueName } from './unique-name';
export { testStack, type TestStack } from './test-stack';
export { recordProcessOutput } from './process-log';
export { freePort, freePorts } from './free-port';
export { isPortClash, retryOnPortClash } from './retry-on-port-clash';
export { normal, seededRandom } from './seeded-random';
