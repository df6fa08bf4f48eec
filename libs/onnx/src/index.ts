export {
  FEATURE_NAMES_METADATA_KEY,
  LOGISTIC_INPUT_NAME,
  LOGISTIC_OUTPUT_NAME,
  type LogisticRegressionModel,
  OnnxModelError,
  encodeLogisticRegressionOnnx,
} from './logistic-regression';
export { readFeatureNames, readOnnxMetadataProps } from './metadata-props';
export { ProtobufDecodeError } from './protobuf-reader';
