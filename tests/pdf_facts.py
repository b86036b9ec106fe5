#!/usr/bin/python3
"""pdf_facts.py PDF - what a printed PDF shows, read with PyMuPDF (python3-fitz).

One line per page: "page N body B smallest S", where B is the text size (points) that
most characters have and S the smallest, then the page's text, each line prefixed
with "text ". Exits 3 when PyMuPDF is missing, naming the package."""
import collections
import sys

try:
    import fitz
except ImportError:
    print("pdf_facts.py: needs python3-fitz (scripts/install-deps check)", file=sys.stderr)
    sys.exit(3)

for number, page in enumerate(fitz.open(sys.argv[1]), start=1):
    sizes = collections.Counter()
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                sizes[round(span["size"], 1)] += len(span["text"].strip())
    sizes = {s: n for s, n in sizes.items() if n}
    body = max(sizes, key=sizes.get) if sizes else 0
    print(f"page {number} body {body} smallest {min(sizes) if sizes else 0}")
    for line in page.get_text().splitlines():
        print("text " + line)
