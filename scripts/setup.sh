#!/usr/bin/env bash
# Installs what the project needs on a fresh machine; quick and silent when everything is there.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
    echo "setup: the .NET 10 SDK (dotnet) is required and not on PATH" >&2
    exit 1
fi
missing=()
# Charts need a font: ScottPlot draws no text, and says nothing, on a machine without one.
# (grep reads all of fc-list's output: with -q it stops early, fc-list dies of SIGPIPE and pipefail fails the check.)
fc-list 2>/dev/null | grep -i "DejaVu Sans" >/dev/null || missing+=(fonts-dejavu-core)
# Workbooks use Calibri; Carlito has its metrics, so a rendered page is as wide as Excel prints it.
fc-list 2>/dev/null | grep -i "Carlito" >/dev/null || missing+=(fonts-crosextra-carlito)
# ClosedXML 0.95 reads picture sizes through System.Drawing, which needs libgdiplus (control charts in the pack).
[ -e /usr/lib/libgdiplus.so ] || [ -e /usr/lib/x86_64-linux-gnu/libgdiplus.so ] || missing+=(libgdiplus)
# The mail test sends the pack to a real SMTP server on loopback: Debian's aiosmtpd (no .NET server is served).
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# Workbooks are looked at as they print (scripts/render-workbook.sh, and the test that counts the pack's pages).
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); else apt=(sudo -n apt-get); fi
    ("${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}") >/dev/null 2>&1 \
        || echo "setup: could not install ${missing[*]}; charts, pictures, the mail test or rendering will be missing" >&2
fi
