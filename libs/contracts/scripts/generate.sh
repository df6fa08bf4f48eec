#!/usr/bin/env bash
# Lints the proto module and regenerates libs/contracts/src/gen from it (ts-proto through buf).
# Idempotent: the output folder is wiped first so files of deleted protos do not linger.
# Run by `npx nx run contracts:generate`; works from any working directory.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out_dir="$repo_root/libs/contracts/src/gen"
cd "$repo_root"

npx --no-install buf lint proto
rm -rf "$out_dir"
# buf.gen.yaml's plugin path and output folder are relative to the repository root.
npx --no-install buf generate proto --template proto/buf.gen.yaml

echo "contracts: generated $(find "$out_dir" -name '*.ts' | wc -l) files into ${out_dir#"$repo_root"/}"
