// A Jest node environment for tests that run onnxruntime-node in-process. Jest gives each test
// file its own realm, with its own typed array constructors (it already shares ArrayBuffer and
// Uint8Array with Node's); onnxruntime's native binding creates output arrays in Node's realm, so
// onnxruntime-common's `instanceof Float32Array` check refuses them. This shares the other typed
// arrays too. Use with a `@jest-environment ../../scripts/jest-onnxruntime-environment.js` docblock.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxruntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxruntimeEnvironment;
