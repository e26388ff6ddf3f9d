#!/usr/bin/env bash
# Renders a workbook as it prints, to look at the pages the way its reader gets them: a PDF (LibreOffice headless)
# and one PNG per page (poppler), beside it or in OUT-FOLDER. Prints the number of pages.
#   bash scripts/render-workbook.sh reports/o2c-kpi-pack-2026-10.xlsx [OUT-FOLDER] [DPI, default 70]
# scripts/setup.sh installs LibreOffice and poppler.
set -euo pipefail
book="${1:?usage: render-workbook.sh BOOK.xlsx [OUT-FOLDER] [DPI]}"
[ -f "$book" ] || { echo "render: no such workbook: $book" >&2; exit 1; }
out="${2:-$(dirname "$book")}"
dpi="${3:-70}"
mkdir -p "$out"
# A private LibreOffice profile, so renders at the same time (tests) do not fight over one.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$book" >/dev/null 2>&1 || true
pdf="$out/$(basename "${book%.*}").pdf"
[ -s "$pdf" ] || { echo "render: LibreOffice wrote no PDF for $book" >&2; exit 1; }
rm -f "${pdf%.pdf}"-page-*.png
pdftoppm -r "$dpi" -png "$pdf" "${pdf%.pdf}-page"
pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }'
