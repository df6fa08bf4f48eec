import {
  DimensionField,
  GraphField,
  IR_VERSION,
  ModelField,
  NodeField,
  ONNX_FLOAT,
  OPSET_VERSION,
  OpsetField,
  ShapeField,
  StringEntryField,
  TensorField,
  TensorTypeField,
  TypeField,
  ValueInfoField,
} from './onnx-fields';
import { ProtobufWriter } from './protobuf-writer';

export interface LogisticRegressionModel {
  featureNames: string[];
  weights: number[];
  bias: number;
}

export const FEATURE_NAMES_METADATA_KEY = 'flywheel.feature_names';
export const LOGISTIC_INPUT_NAME = 'features';
export const LOGISTIC_OUTPUT_NAME = 'probability';

export class OnnxModelError extends Error {
  override readonly name = 'OnnxModelError';
}

/**
 * Encodes `probability = sigmoid(features · weights + bias)` as an ONNX model:
 * input `features` FP32 [-1, n], output `probability` FP32 [-1, 1], opset 13, with the
 * feature names in metadata_props[`flywheel.feature_names`] as a JSON array.
 */
export function encodeLogisticRegressionOnnx(model: LogisticRegressionModel): Uint8Array {
  assertValidModel(model);
  const n = model.weights.length;
  return new ProtobufWriter()
    .varint(ModelField.irVersion, IR_VERSION)
    .string(ModelField.producerName, 'flywheel')
    .string(ModelField.producerVersion, '1')
    .message(ModelField.opsetImport, (opset) => opset.string(OpsetField.domain, '').varint(OpsetField.version, OPSET_VERSION))
    .message(ModelField.graph, (graph) => {
      graph
        .message(GraphField.node, (node) => writeNode(node, 'MatMul', ['features', 'weights'], ['logit_raw']))
        .message(GraphField.node, (node) => writeNode(node, 'Add', ['logit_raw', 'bias'], ['logit']))
        .message(GraphField.node, (node) => writeNode(node, 'Sigmoid', ['logit'], [LOGISTIC_OUTPUT_NAME]))
        .string(GraphField.name, 'logistic_regression')
        .message(GraphField.initializer, (tensor) => writeFloatTensor(tensor, 'weights', [n, 1], model.weights))
        .message(GraphField.initializer, (tensor) => writeFloatTensor(tensor, 'bias', [1], [model.bias]))
        .message(GraphField.input, (value) => writeValueInfo(value, LOGISTIC_INPUT_NAME, ['N', n]))
        .message(GraphField.output, (value) => writeValueInfo(value, LOGISTIC_OUTPUT_NAME, ['N', 1]));
    })
    .message(ModelField.metadataProps, (entry) =>
      entry.string(StringEntryField.key, FEATURE_NAMES_METADATA_KEY).string(StringEntryField.value, JSON.stringify(model.featureNames)),
    )
    .finish();
}

function assertValidModel(model: LogisticRegressionModel): void {
  const { featureNames, weights, bias } = model;
  if (weights.length === 0) throw new OnnxModelError('weights: at least one weight is required');
  if (featureNames.length !== weights.length) {
    throw new OnnxModelError(`featureNames: expected ${weights.length} names (one per weight), got ${featureNames.length}`);
  }
  if (new Set(featureNames).size !== featureNames.length) throw new OnnxModelError('featureNames: names must be unique');
  featureNames.forEach((name, i) => {
    if (name.length === 0) throw new OnnxModelError(`featureNames[${i}]: must not be empty`);
  });
  weights.forEach((weight, i) => {
    if (!Number.isFinite(weight)) throw new OnnxModelError(`weights[${i}]: must be a finite number, got ${weight}`);
  });
  if (!Number.isFinite(bias)) throw new OnnxModelError(`bias: must be a finite number, got ${bias}`);
}

function writeNode(node: ProtobufWriter, opType: string, inputs: string[], outputs: string[]): void {
  for (const input of inputs) node.string(NodeField.input, input);
  for (const output of outputs) node.string(NodeField.output, output);
  node.string(NodeField.name, `${opType.toLowerCase()}_0`).string(NodeField.opType, opType);
}

function writeFloatTensor(tensor: ProtobufWriter, name: string, dims: number[], values: number[]): void {
  tensor.packedVarints(TensorField.dims, dims).varint(TensorField.dataType, ONNX_FLOAT).packedFloats(TensorField.floatData, values).string(TensorField.name, name);
}

/** `dims` entries are sizes, or strings for a symbolic (dynamic) dimension. */
function writeValueInfo(value: ProtobufWriter, name: string, dims: Array<number | string>): void {
  value.string(ValueInfoField.name, name).message(ValueInfoField.type, (type) =>
    type.message(TypeField.tensorType, (tensorType) =>
      tensorType.varint(TensorTypeField.elemType, ONNX_FLOAT).message(TensorTypeField.shape, (shape) => {
        for (const dim of dims) {
          shape.message(ShapeField.dim, (d) => (typeof dim === 'number' ? d.varint(DimensionField.value, dim) : d.string(DimensionField.param, dim)));
        }
      }),
    ),
  );
}
