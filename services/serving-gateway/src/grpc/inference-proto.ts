import { inferenceV2 } from '@flywheel/contracts';

/** The Open Inference Protocol's proto package and file (relative to the contracts' proto root). */
export const INFERENCE_PACKAGE_NAME = inferenceV2.INFERENCE_PACKAGE_NAME;
export const INFERENCE_PROTO_FILE = inferenceV2.protobufFileName;
