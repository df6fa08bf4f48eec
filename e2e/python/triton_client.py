"""Open Inference Protocol check with the unchanged NVIDIA tritonclient (gRPC and HTTP).

Usage: triton_client.py <grpc host:port> <http host:port> <model> <expected.json>
expected.json: {"features": [[...20 floats...], ...], "probability": [[p], ...], "feature_count": n}
Prints one JSON summary line last; exits non-zero on the first failed check.
"""
import json
import sys

import numpy as np
import tritonclient.grpc as grpcclient
import tritonclient.http as httpclient


def main() -> int:
    grpc_url, http_url, model, expected_path = sys.argv[1:5]
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    features = np.array(expected["features"], dtype=np.float32)
    probability = np.array(expected["probability"], dtype=np.float32)
    checks = 0

    grpc = grpcclient.InferenceServerClient(url=grpc_url)
    assert grpc.is_server_live(), "gRPC ServerLive"
    assert grpc.is_server_ready(), "gRPC ServerReady"
    assert grpc.is_model_ready(model), "gRPC ModelReady"
    metadata = grpc.get_model_metadata(model, as_json=True)
    assert metadata["inputs"][0]["name"] == "features", metadata
    assert metadata["inputs"][0]["datatype"] == "FP32", metadata
    assert metadata["outputs"][0]["name"] == "probability", metadata
    checks += 5
    inputs = [grpcclient.InferInput("features", list(features.shape), "FP32")]
    inputs[0].set_data_from_numpy(features)
    result = grpc.infer(model, inputs, outputs=[grpcclient.InferRequestedOutput("probability")])
    got = result.as_numpy("probability")
    assert got.shape == probability.shape, (got.shape, probability.shape)
    assert np.allclose(got, probability, atol=1e-6), (got, probability)
    checks += 2

    http = httpclient.InferenceServerClient(url=http_url)
    assert http.is_server_live(), "HTTP live"
    assert http.is_server_ready(), "HTTP ready"
    assert http.is_model_ready(model), "HTTP model ready"
    assert http.get_model_metadata(model)["outputs"][0]["datatype"] == "FP32"
    checks += 4
    # JSON tensors (binary_data=False): the binary tensor extension is not served.
    inputs = [httpclient.InferInput("features", list(features.shape), "FP32")]
    inputs[0].set_data_from_numpy(features, binary_data=False)
    result = http.infer(model, inputs, outputs=[httpclient.InferRequestedOutput("probability", binary_data=False)])
    got = result.as_numpy("probability")
    assert np.allclose(got.reshape(probability.shape), probability, atol=1e-6), (got, probability)
    checks += 1

    print(json.dumps({"ok": True, "checks_passed": checks}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
