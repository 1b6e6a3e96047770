#!/usr/bin/env python3
"""Lays out the hand-written test letters in letters.src like text extracted from PDF.

Each letter in letters.src starts with '=== name | layout'. Layouts: 'kst' (Kamerstuk
header, running head per page), 'ministry' (letterhead with Datum/Betreft, page
footer), 'ek' (Eerste Kamer letter), 'double' (double-spaced extraction).
Paragraphs are separated by blank lines; lines starting 'FN ' are footnotes, placed at
the foot of the last page. Run: python3 make_letters.py [letters|letters2] (rewrites the folder of each .src).
"""
import pathlib, textwrap

import sys

here = pathlib.Path(__file__).parent
for name in sys.argv[1:] or ["letters", "letters2"]:
  src = (here / f"{name}.src").read_text(encoding="utf-8")
  out_dir = here / name
  out_dir.mkdir(exist_ok=True)
  for block in src.split("=== ")[1:]:
      head, _, body = block.partition("\n")
      name, layout = [x.strip() for x in head.split("|")]
      paras, notes = [], []
      for p in body.strip().split("\n\n"):
          p = " ".join(p.split())
          (notes if p.startswith("FN ") else paras).append(p)
      width = 64 if layout in ("kst", "ek") else 82
      lines, page, out = [], 1, []
      running = "Tweede Kamer, vergaderjaar 2025–2026, 36 600, nr. 12"
      for p in paras:
          for ln in textwrap.wrap(p, width, break_on_hyphens=False):
              out.append(ln + " ")
          out.append("")
          if len(out) > 40:  # page break with footnotes and a running head or footer
              out.append("")
              out.append(str(page))
              if layout == "kst":
                  out.append("\f" + running + " " + str(page + 1))
              elif layout == "ministry":
                  out.append(f"\fPagina {page + 1} van 3")
              page += 1
              lines += out
              out = []
      lines += out
      if notes:
          lines.append("")
          for n in notes:
              lines += textwrap.wrap(n[3:], width)
      text = "\n".join(lines) + "\n"
      if layout == "double":
          text = "\n\n".join(text.split("\n"))
      (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
