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
  pairs=()
  for txt in ../../../examples/reports/*.txt; do
    name=$(basename "$txt" .txt)
    ../../../target/release/plangap export --format json "$txt" > "$tmp/$name.json"
    python3 make_fodt.py "$txt" "$tmp/$name.json" > "$tmp/$name.fodt"
    to_pdf "$tmp/$name.fodt" "$out"
    pairs+=("$txt" "$tmp/$name.json")
  done
  # Long reports for the benchmark and the memory check: the five samples one after another
  # (about 70 pages), 1.5 and 3 times over, cut to 100 and 200 pages by qpdf.
  python3 make_fodt.py --concat 2 "${pairs[@]}" > "$tmp/long2.fodt"
  python3 make_fodt.py --concat 3 "${pairs[@]}" > "$tmp/long3.fodt"
  to_pdf "$tmp/long2.fodt" "$tmp"
  to_pdf "$tmp/long3.fodt" "$tmp"
  qpdf --empty --pages "$tmp/long2.pdf" 1-100 -- "$out/pages100.pdf"
  qpdf --empty --pages "$tmp/long3.pdf" 1-200 -- "$out/pages200.pdf"
  exit 0
fi
for name in indicators continued unruled; do
  python3 make_fodt.py --blocks "src/$name.json" > "$tmp/$name.fodt"
  to_pdf "$tmp/$name.fodt" .
done
python3 make_image_pdf.py scanned.pdf
qpdf --encrypt secret secret 256 -- indicators.pdf encrypted.pdf
qpdf --encrypt "" owner 256 --modify=none -- indicators.pdf restricted.pdf
head -c 20000 indicators.pdf > truncated.pdf
