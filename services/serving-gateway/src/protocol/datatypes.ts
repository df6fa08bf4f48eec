/** Tensor data as the runtime takes it: a typed array per numeric datatype, strings for BYTES. */
export type TensorData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];

/** The `InferTensorContents` field that carries each datatype's typed values. */
export type ContentsField = 'fp32Contents' | 'fp64Contents' | 'int64Contents' | 'intContents' | 'boolContents' | 'bytesContents';

export interface DatatypeSpec {
  /** Bytes per element in raw contents; 0 for BYTES (length-prefixed, variable). */
  elementBytes: number;
  contentsField: ContentsField;
  /** onnxruntime tensor type name. */
  ortType: 'float32' | 'float64' | 'int64' | 'int32' | 'bool' | 'string';
}

/** The Open Inference Protocol datatypes the gateway serves. */
export const DATATYPES = {
  FP32: { elementBytes: 4, contentsField: 'fp32Contents', ortType: 'float32' },
  FP64: { elementBytes: 8, contentsField: 'fp64Contents', ortType: 'float64' },
  INT64: { elementBytes: 8, contentsField: 'int64Contents', ortType: 'int64' },
  INT32: { elementBytes: 4, contentsField: 'intContents', ortType: 'int32' },
  BOOL: { elementBytes: 1, contentsField: 'boolContents', ortType: 'bool' },
  BYTES: { elementBytes: 0, contentsField: 'bytesContents', ortType: 'string' },
} as const satisfies Record<string, DatatypeSpec>;

export type Datatype = keyof typeof DATATYPES;

export function isDatatype(value: string): value is Datatype {
  return Object.hasOwn(DATATYPES, value);
}

const BY_ORT_TYPE = new Map<string, Datatype>(Object.entries(DATATYPES).map(([name, spec]) => [spec.ortType, name as Datatype]));

/** The protocol datatype of an onnxruntime tensor type, undefined for types we do not serve. */
export function datatypeOfOrtType(ortType: string): Datatype | undefined {
  return BY_ORT_TYPE.get(ortType);
}

/** A decoded tensor: a request input or a model output. */
export interface Tensor {
  name: string;
  datatype: Datatype;
  shape: number[];
  data: TensorData;
}
