#!/usr/bin/python3
"""Makes the PDF fixtures from text letters with cairo (Debian: python3-cairo, fonts-dejavu-core).

  /usr/bin/python3 tests/data/pdf/make_pdfs.py   # Debian's Python; from the repository root; rewrites tests/data/pdf/*.pdf

Each text letter becomes an A4 PDF with one text line per line of the letter and its
page breaks where the extraction had them, so poppler reads it back in the same order. scanned.pdf has a page with only
shapes (no text layer), as a scan without OCR would.
"""
import pathlib
import cairo

root = pathlib.Path(__file__).resolve().parents[3]
out = root / "tests/data/pdf"
letters = {
    "l04_ienw_spoor.pdf": root / "tests/data/letters/l04_ienw_spoor.txt",
    "003_seed.pdf": root / "corpus/003_1a1656bf7aee9de2.txt",
}
W, H = 595, 842  # A4 in points

for name, source in letters.items():
    surface = cairo.PDFSurface(str(out / name), W, H)
    ctx = cairo.Context(surface)
    ctx.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
    ctx.set_font_size(9)
    y = 60
    for line in source.read_text(encoding="utf-8").split("\n"):
        # A form feed, or a line that starts with a single space (how the extraction marks
        # the first line of a page), starts a new page as in the original.
        if line.startswith("\f") or (line.startswith(" ") and not line.startswith("  ") and line.strip() and y > 60):
            ctx.show_page(); y = 60; line = line.lstrip("\f")
        if y > H - 60:
            ctx.show_page(); y = 60
        if line.strip():
            ctx.move_to(50, y)
            ctx.show_text(line.rstrip())
        y += 14
    surface.finish()

surface = cairo.PDFSurface(str(out / "scanned.pdf"), W, H)
ctx = cairo.Context(surface)
for i in range(40):
    ctx.rectangle(50, 60 + i * 18, 300 + (i * 37) % 200, 8)
ctx.fill()
surface.finish()
