#!/usr/bin/env bash
# Installs every Debian package batt_mpi needs to build, test and benchmark.
# Idempotent: prints nothing and touches nothing when all packages are present.
# Uses sudo when not run as root. Debian 12 (bookworm) package names.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  openmpi-bin libopenmpi-dev libboost-mpi-dev libboost-serialization-dev
  libhdf5-dev hdf5-tools
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libtbb-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-h5py python3-pandas
  clang lld libclang-rt-dev shellcheck
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
