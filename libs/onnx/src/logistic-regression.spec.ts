import { ModelField } from './onnx-fields';
import { FEATURE_NAMES_METADATA_KEY, OnnxModelError, encodeLogisticRegressionOnnx } from './logistic-regression';
import { readFeatureNames, readOnnxMetadataProps } from './metadata-props';
import { ProtobufWriter } from './protobuf-writer';
import { ProtobufDecodeError, readFields } from './protobuf-reader';

const model = { featureNames: ['age', 'income', 'tenure'], weights: [0.5, -1.25, 2], bias: 0.1 };

describe('encodeLogisticRegressionOnnx', () => {
  it('writes a ModelProto with IR version 8, opset 13 and a graph', () => {
    const fields = readFields(encodeLogisticRegressionOnnx(model));
    expect(fields.find((f) => f.field === ModelField.irVersion)?.value).toBe(8);
    const opset = fields.find((f) => f.field === ModelField.opsetImport);
    expect(readFields(opset!.bytes!).find((f) => f.field === 2)?.value).toBe(13);
    expect(fields.some((f) => f.field === ModelField.graph)).toBe(true);
  });

  it('stores the feature names as a JSON array in metadata_props', () => {
    const bytes = encodeLogisticRegressionOnnx(model);
    expect(readOnnxMetadataProps(bytes)).toEqual({ [FEATURE_NAMES_METADATA_KEY]: '["age","income","tenure"]' });
    expect(readFeatureNames(bytes)).toEqual(model.featureNames);
  });

  it('is deterministic: the same model encodes to the same bytes', () => {
    expect(encodeLogisticRegressionOnnx(model)).toEqual(encodeLogisticRegressionOnnx({ ...model }));
  });

  it.each([
    [{ ...model, weights: [] as number[], featureNames: [] as string[] }, 'weights'],
    [{ ...model, featureNames: ['a', 'b'] }, 'featureNames'],
    [{ ...model, featureNames: ['a', 'a', 'b'] }, 'unique'],
    [{ ...model, featureNames: ['a', '', 'b'] }, 'featureNames[1]'],
    [{ ...model, weights: [1, Number.NaN, 2] }, 'weights[1]'],
    [{ ...model, bias: Number.POSITIVE_INFINITY }, 'bias'],
  ])('rejects an invalid model with a message naming the field (%#)', (bad, field) => {
    expect(() => encodeLogisticRegressionOnnx(bad)).toThrow(OnnxModelError);
    expect(() => encodeLogisticRegressionOnnx(bad)).toThrow(field);
  });
});

describe('readFeatureNames', () => {
  it('returns undefined for a model without the metadata key', () => {
    expect(readFeatureNames(new ProtobufWriter().varint(ModelField.irVersion, 8).finish())).toBeUndefined();
  });

  it('rejects metadata that is not a JSON array of strings', () => {
    const bytes = new ProtobufWriter()
      .message(ModelField.metadataProps, (e) => e.string(1, FEATURE_NAMES_METADATA_KEY).string(2, '[1,2]'))
      .finish();
    expect(() => readFeatureNames(bytes)).toThrow(ProtobufDecodeError);
  });

  it('rejects truncated bytes with a decode error', () => {
    const bytes = encodeLogisticRegressionOnnx(model);
    expect(() => readOnnxMetadataProps(bytes.subarray(0, bytes.length - 3))).toThrow(ProtobufDecodeError);
  });
});

describe('ProtobufWriter', () => {
  it('encodes multi-byte varints the way protobuf does (300 = ac 02)', () => {
    expect(Array.from(new ProtobufWriter().varint(1, 300).finish())).toEqual([0x08, 0xac, 0x02]);
  });

  it('rejects negative varints', () => {
    expect(() => new ProtobufWriter().varint(1, -1)).toThrow(RangeError);
  });
});
