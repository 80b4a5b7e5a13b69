#!/usr/bin/env bash
# The AI engine on an NVIDIA GPU. Debian's LibTorch has no CUDA; on a CUDA machine this builds
# core + ai (-DLUMEN_AI_ONLY=ON: no Qt, VTK, ITK or DCMTK) against the LibTorch inside the
# installed PyTorch, runs the AI tests, then ai_bench on the CPU and on CUDA, and compares the
# bundled segmentation model's labels between the two. Prints a table; with $OUT set, writes it
# (and the raw JSON lines) there too.
#   tests/gpu/gpu_check.sh            (PYTHON=... picks the Python whose torch to use)
# Needs CMake, a C++17 compiler, nlohmann-json and GoogleTest's sources (or Debian's libgtest-dev),
# OpenSSL's headers: where the machine lacks them, tests/gpu/pack_deps.sh (run on a Debian 12
# machine) packs them into build/gpu-deps, which this script uses.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
py="${PYTHON:-python3}"
build="${BUILD:-$root/build/gpu}"
deps="${LUMEN_GPU_DEPS:-$root/build/gpu-deps}"
out="${OUT:-}"
jobs=$(nproc)

read -r torch_version torch_dir abi cuda gpu_name < <("$py" - <<'PY'
import torch, os
name = torch.cuda.get_device_name(0).replace(" ", "_") if torch.cuda.is_available() else "none"
print(torch.__version__, os.path.join(torch.utils.cmake_prefix_path, "Torch"), int(torch.compiled_with_cxx11_abi()),
      int(torch.cuda.is_available()), name)
PY
) || true  # no torch: nothing read, said below
[ -n "${torch_dir:-}" ] || { echo "gpu_check: $py cannot import torch (set PYTHON to the Python with PyTorch)"; exit 1; }
echo "PyTorch $torch_version (C++11 ABI: $abi), CUDA available: $cuda, GPU: ${gpu_name//_/ }"
[ "$cuda" = 1 ] || echo "gpu_check: no CUDA device: the build and the CPU half run, the CUDA half is skipped"

args=(-DCMAKE_BUILD_TYPE=Release -DLUMEN_AI_ONLY=ON)
[ -d "$torch_dir" ] && args+=(-DTorch_DIR="$torch_dir")  # Debian's python3-torch keeps it elsewhere: CMake finds it
command -v ninja >/dev/null && args+=(-G Ninja)
command -v ccache >/dev/null && args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# PyTorch wheels before 2.7 use the pre-C++11 std::string ABI: everything linked with it must too,
# GoogleTest included (built from source then).
cxxflags="-D_GLIBCXX_USE_CXX11_ABI=$abi"
gtest_src=""
for d in "$deps/googletest" /usr/src/googletest; do [ -f "$d/CMakeLists.txt" ] && { gtest_src=$d; break; }; done
if [ "$abi" = 0 ] || ! [ -f /usr/include/gtest/gtest.h ] || [ "${GTEST_FROM_SOURCE:-0}" = 1 ]; then
    [ -n "$gtest_src" ] || { echo "gpu_check: GoogleTest's sources are missing (run tests/gpu/pack_deps.sh on Debian)"; exit 1; }
    args+=(-DLUMEN_GTEST_SOURCE="$gtest_src")
fi
[ -f /usr/include/nlohmann/json.hpp ] || args+=(-Dnlohmann_json_DIR="$deps/share/cmake/nlohmann_json")
if ! [ -f /usr/include/openssl/evp.h ]; then
    crypto=$(ldconfig -p | awk '/libcrypto\.so\.3 .*x86-64/ {print $NF; exit}')
    args+=(-DOPENSSL_INCLUDE_DIR="$deps/include" -DOPENSSL_CRYPTO_LIBRARY="$crypto")
fi
cmake -S "$root" -B "$build" "${args[@]}" -DCMAKE_CXX_FLAGS="$cxxflags" > "$build.configure.log" 2>&1 ||
    { tail -30 "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$jobs" 2>&1 | tail -2

echo "== the AI-only build's tests (core + ai; CUDA visible: the engine's 'auto' device is the GPU)"
(cd "$build" && ctest -j "$jobs" --output-on-failure) | tail -4

echo "== ai_bench, CPU against CUDA"
pkg="$root/resources/models/brain-structures/1.0"
bench="$build/bin/ai_bench"
results=$(mktemp)
run() { "$bench" "$@" | tee -a "$results"; }
for dev in cpu $([ "$cuda" = 1 ] && echo cuda); do
    threads=$([ "$dev" = cpu ] && echo "$jobs" || echo 1)
    run window --network "$pkg/model.pt" --size 160,192,160 --patch 48 --out-channels 4 --threads "$threads" --device "$dev"
    run pipeline --package "$pkg" --size 181,217,181 --threads "$threads" --device "$dev"
    run train-step --network "$pkg/model.pt" --patch 48 --batch 2 --out-channels 4 --threads "$threads" --device "$dev"
    interactive="$root/resources/models/interactive-segmenter/1.0"  # bundled once it meets its targets (issue 18)
    [ -d "$interactive" ] && run interactive --package "$interactive" --prompts 10 --threads "$threads" --device "$dev"
done
agree_rc=0
[ "$cuda" = 1 ] && { run agree --package "$pkg" --threads "$jobs" || agree_rc=$?; }

table=$("$py" - "$results" "${gpu_name//_/ }" "$jobs" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def get(mode, cuda):
    for r in rows:
        if r["mode"] == mode and r.get("device", "").startswith("GPU") == cuda:
            return r
cpu_w, gpu_w = get("window", False), get("window", True)
cpu_p, gpu_p = get("pipeline", False), get("pipeline", True)
cpu_t, gpu_t = get("train-step", False), get("train-step", True)
cpu_i, gpu_i = get("interactive", False), get("interactive", True)
agree = next((r for r in rows if r["mode"] == "agree"), None)
f = lambda v, fmt="{:.3g}": fmt.format(v) if v is not None else "-"
print(f"| brain-structures (U-Net, 48³ patches) | CPU ({sys.argv[3]} threads) | CUDA ({sys.argv[2]}) | speed-up |")
print("|---|---|---|---|")
def row(name, c, g, key, per_s):
    cv, gv = c and c[key], g and g[key]
    sp = (gv / cv if per_s else cv / gv) if cv and gv else None
    print(f"| {name} | {f(cv)} | {f(gv)} | {f(sp, '{:.1f}×')} |")
row("sliding window, voxels/s (160×192×160)", cpu_w, gpu_w, "voxels_per_s", True)
row("whole inference, voxels/s (181×217×181)", cpu_p, gpu_p, "voxels_per_s", True)
row("whole inference, ms", cpu_p, gpu_p, "total_ms", False)
row("training iteration (batch 2), ms", cpu_t, gpu_t, "ms_per_iteration", False)
row("interactive-segmenter: one prompt, median ms (robot user, 10 clicks)", cpu_i, gpu_i, "prompt_ms_p50", False)
if agree:
    print(f"| labels CPU vs CUDA (phantom, {agree['voxels']} voxels) | {agree['labelled_cpu']} labelled | {agree['labelled_cuda']} labelled | {agree['equal_fraction'] * 100:.4f} % equal |")
PY
)
echo
echo "$table"
if [ -n "$out" ]; then
    mkdir -p "$out"
    echo "$table" > "$out/gpu_check.md"
    cp "$results" "$out/gpu_check.jsonl"
fi
rm -f "$results"
[ "$agree_rc" = 0 ] || { echo "gpu_check: CPU and CUDA labels differ by more than 0.1 %"; exit 1; }
echo "gpu_check: done"
