#!/usr/bin/python3
"""chart_facts.py PDF... - every text line of a chart drawn as PDF, with its box.

Per file: "chart PATH width W height H" (points), then one line per text line
gnuplot wrote: "text X0 Y0 X1 Y1 SIZE TEXT" (the box in points from the top left,
the font size in points). Exits 3 when PyMuPDF is missing, naming the package."""
import sys

try:
    import fitz
except ImportError:
    print("chart_facts.py: needs python3-fitz (scripts/install-deps check)", file=sys.stderr)
    sys.exit(3)

for path in sys.argv[1:]:
    doc = fitz.open(path)
    page = doc[0]
    print(f"chart {path} width {page.rect.width:.1f} height {page.rect.height:.1f}")
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if not text:
                continue
            x0, y0, x1, y1 = line["bbox"]
            size = max(span["size"] for span in line["spans"])
            print(f"text {x0:.1f} {y0:.1f} {x1:.1f} {y1:.1f} {size:.1f} {text}")
