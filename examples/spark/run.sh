#!/usr/bin/env bash
# Runs Sorot as the map step of Apache Spark (local[2]) over a JSON Lines corpus
# and writes Spark's folder of part files to OUT_DIR, one document per input line.
#
#   examples/spark/run.sh OUT_DIR [--input FILE.jsonl]
#
# Without --input the corpus is made from the bundled sample articles. Installs
# what is missing: a JDK 17 (Debian's openjdk-17-jre-headless, with apt-get) and
# pyspark (pip, in a virtual environment at $SOROT_SPARK_VENV, default
# ~/.cache/sorot/spark-venv). Builds the release binary if it is not there
# ($SOROT_BIN names another one).
set -euo pipefail

usage() { echo "usage: $0 OUT_DIR [--input FILE.jsonl]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out_dir=$1; shift
input=""
while [ $# -gt 0 ]; do
  case $1 in
    --input) [ $# -ge 2 ] || usage; input=$2; shift 2 ;;
    *) usage ;;
  esac
done
if [ -e "$out_dir" ] && [ -n "$(ls -A "$out_dir" 2>/dev/null)" ]; then
  echo "run.sh: $out_dir exists and is not empty; give a new folder (Spark never writes into an old one)" >&2
  exit 2
fi
rmdir "$out_dir" 2>/dev/null || true

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

java_major() {
  java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  echo "run.sh: installing a JDK 17 (openjdk-17-jre-headless)" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq openjdk-17-jre-headless
fi

venv=${SOROT_SPARK_VENV:-$HOME/.cache/sorot/spark-venv}
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "run.sh: installing pyspark in $venv" >&2
  if ! python3 -m venv --help >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pyspark>=4.0,<4.1'
fi

bin=${SOROT_BIN:-$root/target/release/sorot}
if [ ! -x "$bin" ]; then
  echo "run.sh: building $bin" >&2
  (cd "$root" && cargo build --release --locked)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$input" ]; then
  input=$work/corpus.jsonl
  "$venv/bin/python" "$here/make_corpus.py" "$root/assets/samples" "$input"
fi

export PYSPARK_PYTHON="$venv/bin/python"
"$venv/bin/spark-submit" --master 'local[2]' "$here/sorot_job.py" "$bin" "$(realpath "$input")" "$(realpath -m "$out_dir")"
"$venv/bin/python" "$here/check_output.py" "$input" "$out_dir"
