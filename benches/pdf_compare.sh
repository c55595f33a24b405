#!/usr/bin/env bash
# Pages per second reading a 100-page report PDF: `plangap check --text` (plangap's whole PDF
# reader: glyphs, lines, paragraphs, ruled tables, written as text) against `pdftotext -layout`
# and plain `pdftotext` on the same file. Prints each median, pages per second and the ratio
# plangap/pdftotext; then the peak memory (max RSS) of both on a 200-page PDF.
#
# The PDFs are the five samples printed to PDF one after another, cut to 100 and 200 pages
# (tests/data/pdf/make_pdfs.sh --samples, which this runs when they are missing; it needs
# LibreOffice, the Noto CJK fonts and qpdf). Needs: hyperfine, jq, pdftotext (poppler-utils),
# /usr/bin/time. Usage: benches/pdf_compare.sh [RUNS] (default 10). Results in target/pdf-compare/.
set -euo pipefail

runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/pdf-compare"
samples="$root/target/pdf-samples"
plangap="$root/target/release/plangap"
mkdir -p "$work"
for tool in hyperfine jq pdftotext /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "pdf_compare: $tool is not installed" >&2; exit 2; }
done
(cd "$root" && cargo build --release --quiet)
[ -f "$samples/pages100.pdf" ] || "$root/tests/data/pdf/make_pdfs.sh" --samples

pdf100="$samples/pages100.pdf"
pages=$(pdfinfo "$pdf100" | awk '/^Pages:/ {print $2}')
hyperfine --runs "$runs" --warmup 1 --export-json "$work/pages100.json" \
    -n plangap "$plangap check --text $pdf100" \
    -n pdftotext-layout "pdftotext -layout $pdf100 -" \
    -n pdftotext "pdftotext $pdf100 -" >/dev/null
median() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .median' "$work/pages100.json"; }
p=$(median plangap); l=$(median pdftotext-layout); t=$(median pdftotext)
printf '%s pages\n' "$pages"
for row in "plangap $p" "pdftotext-layout $l" "pdftotext $t"; do
    set -- $row
    awk -v n="$1" -v s="$2" -v p="$pages" 'BEGIN { printf "%-18s median %7.1f ms  %7.0f pages/s\n", n, s * 1000, p / s }'
done
awk -v a="$p" -v b="$l" -v c="$t" 'BEGIN { printf "ratio plangap/pdftotext-layout %.2f, plangap/pdftotext %.2f\n", a / b, a / c }'

pdf200="$samples/pages200.pdf"
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
printf 'max RSS on 200 pages: plangap %s KiB, pdftotext -layout %s KiB\n' \
    "$(rss "$plangap" check --text "$pdf200")" "$(rss pdftotext -layout "$pdf200" -)"
