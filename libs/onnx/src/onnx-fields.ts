// Field numbers and enum values from onnx/onnx.proto (IR version 8). Only what we write/read.
export const ModelField = { irVersion: 1, producerName: 2, producerVersion: 3, graph: 7, opsetImport: 8, metadataProps: 14 } as const;
export const OpsetField = { domain: 1, version: 2 } as const;
export const GraphField = { node: 1, name: 2, initializer: 5, input: 11, output: 12 } as const;
export const NodeField = { input: 1, output: 2, name: 3, opType: 4 } as const;
export const TensorField = { dims: 1, dataType: 2, floatData: 4, name: 8 } as const;
export const ValueInfoField = { name: 1, type: 2 } as const;
export const TypeField = { tensorType: 1 } as const;
export const TensorTypeField = { elemType: 1, shape: 2 } as const;
export const ShapeField = { dim: 1 } as const;
export const DimensionField = { value: 1, param: 2 } as const;
export const StringEntryField = { key: 1, value: 2 } as const;

export const ONNX_FLOAT = 1;
/** IR version 8 pairs with opset 13-17; every onnxruntime since 1.10 loads it. */
export const IR_VERSION = 8;
export const OPSET_VERSION = 13;
