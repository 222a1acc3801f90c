#!/usr/bin/env bash
# Makes the PDF files the tests and the fuzzer read that a test cannot write itself: an
# encrypted PDF (qpdf, Debian package `qpdf`, AES-256, user password "secret"), a page among
# 20,000 objects packed in compressed object streams (qpdf), and the seeds of the FuzzPDF target
# (small PDFs of our own text: two columns, a table, running header and footer over three pages,
# a link, a hyphenated word, a compressed stream).
#
#   scripts/make-pdf-fixtures.sh   (writes Tests/PDFFixtures/*.pdf and Tests/Fuzz/FuzzPDF/*.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" Tests/Fuzz/FuzzPDF <<'PY'
import sys, os, zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

def write(objects, version=b"1.4"):
    """A PDF file of numbered objects (object 1 the catalog), with a classic xref table."""
    out = bytearray(b"%PDF-" + version + b"\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

def pdf(pages, links=(), compress=False, extra=0):
    """Pages of (x, y-from-top, size, text) runs in Helvetica; links: (page, x1, y1, x2, y2, uri);
    extra: that many more small objects, reachable from the catalog."""
    objects = [None, None, FONT]
    kids = []
    for n, runs in enumerate(pages):
        content = "".join("BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, 792 - y, t.replace("(", "\\(").replace(")", "\\)"))
                          for x, y, size, t in runs).encode("latin-1")
        annots = []
        for (p, x1, y1, x2, y2, uri) in links:
            if p == n:
                objects.append(b"<< /Type /Annot /Subtype /Link /Rect [%g %g %g %g] /A << /S /URI /URI (%s) >> >>"
                               % (x1, 792 - y2, x2, 792 - y1, uri.encode()))
                annots.append(b"%d 0 R" % len(objects))
        if compress:
            data = zlib.compress(content)
            objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
        stream = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R /Annots [%s] >>" % (stream, b" ".join(annots)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if extra:
        first = len(objects) + 2
        objects.append(b"[" + b" ".join(b"%d 0 R" % (first + i) for i in range(extra)) + b"]")
        catalog += b" /Extra %d 0 R" % len(objects)
        objects += [b"<< /N %d >>" % i for i in range(extra)]
    objects[0] = catalog + b" >>"
    return write(objects, b"1.5" if extra else b"1.4")

work, seeds = sys.argv[1], sys.argv[2]
os.makedirs(seeds, exist_ok=True)
def save(path, data):
    with open(path, "wb") as f:
        f.write(data)

# for qpdf: the page to encrypt, and the page among 20,000 objects to pack in object streams
save(os.path.join(work, "plain.pdf"), pdf([[(72, 100, 10, "The S&P 500 rose 1.2% on Tuesday, its third straight gain.")]]))
save(os.path.join(work, "many.pdf"), pdf([[(72, 100, 10, "The S&P 500 rose 1.2% on a page among twenty thousand other objects.")]],
                                         extra=20000))
# the fuzzer's seeds
left = ["The S&P 500 rose 7.8% in the", "third quarter, its best quarter", "since the end of 2023."]
right = ["Small caps gained 12.0% over", "the same three months, their", "best run in four years."]
save(os.path.join(seeds, "two-columns.pdf"), pdf([[(72, 100 + 12 * i, 10, left[i]) for i in range(3)] +
                                                  [(330, 100 + 12 * i, 10, right[i]) for i in range(3)]]))
rows = [["Index", "Close", "Change", "% Change"], ["S&P 500", "6,688.46", "+483.51", "+7.79%"], ["Russell 2000", "2,436.48", "+261.44", "+12.02%"]]
save(os.path.join(seeds, "table.pdf"), pdf([[(72, 80, 10, "How the indexes finished:")] +
    [(x, 110 + 16 * r, 10, cell) for r, row in enumerate(rows) for x, cell in zip([72, 260, 340, 420], row)]]))
save(os.path.join(seeds, "running.pdf"), pdf([[(72, 40, 8, "Harbor Notes - Weekly"), (280, 770, 8, "Page %d of 3" % p),
    (72, 120, 9, "On page %d the Dow fell 0.%d%% as infla-" % (p, p)), (72, 132, 9, "tion worries returned.")] for p in (1, 2, 3)]))
save(os.path.join(seeds, "links.pdf"), pdf([[(72, 100, 18, "Rates and Stocks"), (72, 130, 10, "Related: Gold tops $4,000"),
    (72, 160, 10, "The Nasdaq Composite gained 2.1% on the day.")]], links=[(0, 70, 120, 250, 134, "https://example.com/gold")]))
save(os.path.join(seeds, "compressed.pdf"), pdf([[(72, 100, 10, "The yield fell 12 basis points to 4.05%.")]], compress=True))
PY
mkdir -p Tests/PDFFixtures
qpdf --encrypt secret owner-secret 256 -- "$WORK/plain.pdf" Tests/PDFFixtures/encrypted.pdf
qpdf --object-streams=generate --compress-streams=y "$WORK/many.pdf" Tests/PDFFixtures/object-streams.pdf
echo "wrote Tests/PDFFixtures/encrypted.pdf, object-streams.pdf and Tests/Fuzz/FuzzPDF/*.pdf"
