import { FEATURE_NAMES_METADATA_KEY } from './logistic-regression';
import { ModelField, StringEntryField } from './onnx-fields';
import { ProtobufDecodeError, decodeUtf8, readFields } from './protobuf-reader';

/** The model's `metadata_props` (ModelProto field 14) as a plain map; later keys win. */
export function readOnnxMetadataProps(model: Uint8Array): Record<string, string> {
  const props: Record<string, string> = {};
  for (const field of readFields(model)) {
    if (field.field !== ModelField.metadataProps || !field.bytes) continue;
    let key = '';
    let value = '';
    for (const entryField of readFields(field.bytes)) {
      if (!entryField.bytes) continue;
      if (entryField.field === StringEntryField.key) key = decodeUtf8(entryField.bytes);
      if (entryField.field === StringEntryField.value) value = decodeUtf8(entryField.bytes);
    }
    props[key] = value;
  }
  return props;
}

/**
 * Feature names stored under `flywheel.feature_names`, or undefined when the model has none
 * (models from other producers). Malformed JSON is a decode error, not a silent undefined.
 */
export function readFeatureNames(model: Uint8Array): string[] | undefined {
  const raw = readOnnxMetadataProps(model)[FEATURE_NAMES_METADATA_KEY];
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ProtobufDecodeError(`${FEATURE_NAMES_METADATA_KEY}: not valid JSON`);
  }
  if (!Array.isArray(parsed) || !parsed.every((name): name is string => typeof name === 'string')) {
    throw new ProtobufDecodeError(`${FEATURE_NAMES_METADATA_KEY}: expected a JSON array of strings`);
  }
  return parsed;
}
