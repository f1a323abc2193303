#!/usr/bin/env bash
# Build the frozen program on Linux with the same PyInstaller spec as the Windows installer
# (installer/jixiao.spec), run its self test offscreen, and report its unpacked size.
#
#   bash scripts/build_frozen.sh        → build/frozen/dist/jixiao/ (jixiao, jixiao-cli, _internal/)
#
# Uses .venv (created like scripts/test.sh if missing) with the "build" extra (PyInstaller).
# Fails when the build fails, when `jixiao-cli --selftest` reports a failure, or when the bundle
# is larger than MAX_MB (default 200) unpacked.
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_MB=${MAX_MB:-200}
OUT=build/frozen

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import PyInstaller" 2>/dev/null || {
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[build]"
}

rm -rf "$OUT/dist"
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" installer/jixiao.spec
echo "build_seconds=$(( $(date +%s) - start ))"

# The self test in the bundle: offscreen Qt, settings and recovery folders in a scratch home.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
  XDG_RUNTIME_DIR="$scratch/run" "$OUT/dist/jixiao/jixiao-cli" --selftest --report "$OUT/selftest.txt"

size_mb=$(du -sm "$OUT/dist/jixiao" | cut -f1)
files=$(find "$OUT/dist/jixiao" -type f | wc -l)
echo "bundle_size_mb=$size_mb files=$files (target < ${MAX_MB} MB unpacked)"
if [ "$size_mb" -ge "$MAX_MB" ]; then
  echo "The bundle is larger than ${MAX_MB} MB: see installer/jixiao.spec (excludes)." >&2
  exit 1
fi
