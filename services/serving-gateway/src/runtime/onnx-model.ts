import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { readFeatureNames } from '@flywheel/onnx';
import {
  DATATYPES,
  type Datatype,
  type Tensor,
  type TensorData,
  datatypeOfOrtType,
} from '../protocol/datatypes';
import { MicroBatcher } from '../batching/micro-batcher';
import { InferenceError } from '../protocol/inference-error';
import type { ModelSignature, TensorSpec } from '../protocol/signature';

export interface OnnxModelOptions {
  /**
   * Most rows one run joins from concurrent requests (dynamic batching, see MicroBatcher); 1
   * runs every request alone. Only models whose inputs and outputs all have a free first
   * dimension are batched.
   */
  maxBatchRows: number;
}

/** A loaded model version: its onnxruntime session, signature and feature names. */
export class OnnxModel {
  private readonly outputNames: readonly string[];
  private readonly batcher: MicroBatcher | undefined;

  private constructor(
    readonly name: string,
    readonly version: number,
    readonly signature: ModelSignature,
    /** Column names of the first input, from `flywheel.feature_names` metadata; used for logs. */
    readonly featureNames: readonly string[] | undefined,
    private readonly session: InferenceSession,
    options: OnnxModelOptions,
  ) {
    this.outputNames = signature.outputs.map((output) => output.name);
    this.batcher =
      options.maxBatchRows > 1 && isBatchable(signature)
        ? new MicroBatcher((inputs) => this.runAll(inputs), options.maxBatchRows)
        : undefined;
  }

  /**
   * Creates the session and runs one warm-up inference on zero inputs, so the first request
   * does not pay for lazy initialisation.
   * @throws Error when the bytes are not a model onnxruntime loads, or it uses unsupported types.
   */
  static async load(
    name: string,
    version: number,
    bytes: Uint8Array,
    options: OnnxModelOptions = { maxBatchRows: 1 },
  ): Promise<OnnxModel> {
    // One intra-op thread: these are small tabular models, and parallelism comes from serving
    // many requests at once, not from splitting one.
    const session = await InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    try {
      const signature = {
        inputs: session.inputMetadata.map(specOf),
        outputs: session.outputMetadata.map(specOf),
      };
      const model = new OnnxModel(name, version, signature, readFeatureNames(bytes), session, options);
      await model.run(signature.inputs.map(zeroTensor), []);
      return model;
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  /**
   * Runs inputs already matched to the signature (`matchInputs`), joined with concurrent requests'
   * when the model batches; returns the named outputs (all when none are named).
   */
  async run(inputs: readonly Tensor[], outputNames: readonly string[]): Promise<Tensor[]> {
    const names = outputNames.length > 0 ? outputNames : this.outputNames;
    if (this.batcher === undefined || !names.every((name) => this.outputNames.includes(name)))
      return this.runNamed(inputs, names);
    const outputs = await this.batcher.submit(inputs);
    return names === this.outputNames
      ? outputs
      : names.map((name) => outputs[this.outputNames.indexOf(name)]!);
  }

  /** Model runs so far and the requests that shared one (dynamic batching). */
  batchStats(): { runs: number; batchedRequests: number } | undefined {
    return this.batcher?.stats();
  }

  private runAll(inputs: readonly Tensor[]): Promise<Tensor[]> {
    return this.runNamed(inputs, this.outputNames);
  }

  private async runNamed(inputs: readonly Tensor[], names: readonly string[]): Promise<Tensor[]> {
    const feeds: Record<string, OrtTensor> = {};
    for (const input of inputs) feeds[input.name] = toOrt(input);
    const results = await this.session.run(feeds, names as string[]);
    return names.map((name) => fromOrt(name, results[name]));
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/** Whether every input and output has a free first dimension: rows the model answers one by one. */
function isBatchable(signature: ModelSignature): boolean {
  const values = [...signature.inputs, ...signature.outputs];
  return values.length > 0 && values.every((value) => value.shape.length > 0 && value.shape[0] === -1);
}

function specOf(metadata: InferenceSession.ValueMetadata): TensorSpec {
  if (!metadata.isTensor)
    throw new Error(
      `model value "${metadata.name}" is not a tensor; only tensor inputs and outputs are served`,
    );
  const datatype = datatypeOfOrtType(metadata.type);
  if (!datatype)
    throw new Error(
      `model value "${metadata.name}" has type ${metadata.type}, which the gateway does not serve`,
    );
  return {
    name: metadata.name,
    datatype,
    shape: metadata.shape.map((dim) => (typeof dim === 'number' && dim >= 0 ? dim : -1)),
  };
}

function zeroTensor(spec: TensorSpec): Tensor {
  const shape = spec.shape.map((dim) => (dim < 0 ? 1 : dim));
  const count = shape.reduce((product, dim) => product * dim, 1);
  return { name: spec.name, datatype: spec.datatype, shape, data: emptyData(spec.datatype, count) };
}

function emptyData(datatype: Datatype, count: number): TensorData {
  switch (datatype) {
    case 'FP32':
      return new Float32Array(count);
    case 'FP64':
      return new Float64Array(count);
    case 'INT64':
      return new BigInt64Array(count);
    case 'INT32':
      return new Int32Array(count);
    case 'BOOL':
      return new Uint8Array(count);
    case 'BYTES':
      return new Array<string>(count).fill('');
  }
}

function toOrt(tensor: Tensor): OrtTensor {
  return new OrtTensor(DATATYPES[tensor.datatype].ortType, tensor.data, tensor.shape);
}

function fromOrt(name: string, value: OrtTensor | undefined): Tensor {
  if (!value) throw new InferenceError('internal', `the model returned no output "${name}"`);
  const datatype = datatypeOfOrtType(value.type);
  if (!datatype)
    throw new InferenceError(
      'internal',
      `output "${name}" has type ${value.type}, which the gateway does not serve`,
    );
  return { name, datatype, shape: value.dims.map(Number), data: value.data as TensorData };
}
