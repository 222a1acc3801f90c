#!/usr/bin/env bash
# Makes the PDF fixtures the tests read that a test cannot write itself: an encrypted PDF (qpdf,
# Debian package `qpdf`, AES-256, user password "secret"). The page is our own text.
#
#   scripts/make-pdf-fixtures.sh        (writes Tests/PDFFixtures/encrypted.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK/plain.pdf" <<'PY'
import sys
content = b"BT /F1 10 Tf 72 692 Td (The S&P 500 rose 1.2% on Tuesday, its third straight gain.) Tj ET\n"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for o in offsets:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
qpdf --encrypt secret owner-secret 256 -- "$WORK/plain.pdf" Tests/PDFFixtures/encrypted.pdf
echo "wrote Tests/PDFFixtures/encrypted.pdf"
