#!/usr/bin/env bash
# Real consumers read Sorot's exports: spaCy 3.8 loads the .spacy DocBin (and
# re-serialises it to the same msgpack), label-studio-converter converts the
# Label Studio export; `sorot agreement` agrees with bratiaa (span F1 on the
# brat exports) and scikit-learn (Cohen's kappa on the CoNLL exports' tokens).
# Needs python3 with venv and PyPI; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${SOROT_INTEROP_VENV:-target/interop-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check 'spacy>=3.8,<3.9' label-studio-converter 'bratiaa==0.1.4' scikit-learn

# SOROT_BIN runs an already built binary instead of building the release one.
sorot="${SOROT_BIN:-target/release/sorot}"
if [ -z "${SOROT_BIN:-}" ]; then
  cargo build --release --bin sorot
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$sorot" analyze assets/samples/teritorial-putin-kim.txt --out "$work/suggested"
# Accept every suggestion, as an annotator would, so that the export has data.
"$venv/bin/python" tests/interop/check.py accept "$work/suggested" "$work/reviewed"

for format in jsonl doccano label-studio conll spacy spacy-jsonl quotes-jsonl quotes-csv; do
  "$sorot" export --format "$format" "$work/reviewed" --out "$work/export/sample.$format"
done
"$sorot" export --format brat "$work/reviewed" --out "$work/export/brat"
"$sorot" export --format conll --scheme bioes "$work/reviewed" --out "$work/export/sample.bioes.conll"

# Two annotators' versions of the samples and of an article with CRLF line
# endings, curly quotes and an emoji, compared by sorot agreement, bratiaa and
# scikit-learn.
mkdir -p "$work/articles"
cp assets/samples/*.txt "$work/articles/"
printf '%s\r\n\r\n%s\r\n' \
  'Menteri Budi Santoso tiba di Surabaya 😀 pada Senin.' \
  '“Kami siap membantu warga Jawa Timur,” kata Budi Santoso kepada wartawan di Surabaya.' \
  > "$work/articles/crlf-emoji.txt"
"$sorot" analyze "$work/articles" --out "$work/team-suggested"
"$venv/bin/python" tests/interop/check.py team "$work/team-suggested" "$work/team"
for who in ana budi; do
  "$sorot" export --format brat "$work/team/$who" --out "$work/team/brat/$who"
  "$sorot" export --format conll "$work/team/$who" --out "$work/team/conll/$who.conll"
done
"$sorot" agreement "$work/team/ana" "$work/team/budi" --json > "$work/team/agreement.json"

"$venv/bin/python" tests/interop/check.py check "$work/reviewed" "$work/export" "$work/team"
