#!/usr/bin/env python3
"""Writes the hostile PDFs of the limit tests (made up, for toezeg's tests only):
bomb-text.pdf  one page whose Flate content stream inflates to about 300 MB of text operators;
many-pages.pdf 200 pages (the tests set a page limit of 100), each a line of text."""
import zlib, sys, os

def pdf(objects):
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out

font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

def bomb():
    content = b"BT /F1 12 Tf 72 720 Td " + b"(Kamerbrief aaaaaaaaaaaaaaaa) Tj " * 9_000_000 + b"ET"
    stream = zlib.compress(content, 9)
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
                font])

def many_pages(n=200):
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
               b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Geachte voorzitter) Tj ET\nendstream",
               font]
    for i in range(n):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
    return pdf(objects)

here = os.path.dirname(os.path.abspath(__file__))
open(os.path.join(here, "bomb-text.pdf"), "wb").write(bomb())
open(os.path.join(here, "many-pages.pdf"), "wb").write(many_pages())
