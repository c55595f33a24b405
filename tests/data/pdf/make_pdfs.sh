#!/usr/bin/env bash
# Makes the PDF fixtures of tests/data/pdf (committed, so tests and CI need no LibreOffice) and,
# with --samples, the five sample reports printed to PDF under target/pdf-samples (not committed:
# ~0.5 MB each; used by benches/pdf_compare.sh and the ignored whole-sample tests).
# Needs: python3, soffice (apt: libreoffice-writer-nogui fonts-noto-cjk), qpdf; --samples also a
# built plangap (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
to_pdf() { soffice --headless --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1; }
if [[ "${1:-}" == "--samples" ]]; then
  out=../../../target/pdf-samples
  mkdir -p "$out"
  for txt in ../../../examples/reports/*.txt; do
    name=$(basename "$txt" .txt)
    ../../../target/release/plangap export --format json "$txt" > "$tmp/$name.json"
    python3 make_fodt.py "$txt" "$tmp/$name.json" > "$tmp/$name.fodt"
    to_pdf "$tmp/$name.fodt" "$out"
  done
  # A 100-page report for the benchmark: the longest sample's body repeated.
  python3 - "$tmp" <<'PY'
import json, sys, re
tmp = sys.argv[1]
PY
  exit 0
fi
for name in indicators continued; do
  python3 make_fodt.py --blocks "src/$name.json" > "$tmp/$name.fodt"
  to_pdf "$tmp/$name.fodt" .
done
python3 make_image_pdf.py scanned.pdf
qpdf --encrypt secret secret 256 -- indicators.pdf encrypted.pdf
qpdf --encrypt "" owner 256 --modify=none -- indicators.pdf restricted.pdf
head -c 20000 indicators.pdf > truncated.pdf
