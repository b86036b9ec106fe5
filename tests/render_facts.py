#!/usr/bin/python3
"""Prints a workbook the way a user prints it and says what came out, one page a line,
tab-separated, for the Check suites (tests/test_workbook.c):

    page  number  sheet  body_pt  smallest_pt  header  hashes

LibreOffice (soffice --headless --convert-to pdf, in the Dutch locale, with its own
profile) prints every sheet with the sheet's own print setup; PyMuPDF (python3-fitz)
reads the PDF back. `sheet` is the left footer (the sheet's name), `body_pt` the text
size most of the page's characters have (page header and footer left out), so the scale
a sheet really prints at is body_pt over the font's 11 points; `smallest_pt` the
smallest size on the page; `header` the page header's texts joined with " | ";
`hashes` how many texts on the page are only '#' (a number too wide for its column).

Run with Debian's /usr/bin/python3. Exit 3 when soffice or python3-fitz is missing
(scripts/install-deps check installs libreoffice-calc-nogui, python3-fitz and
fonts-crosextra-carlito, Calibri's metric twin), 1 when LibreOffice wrote no PDF.
"""
import collections
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import fitz
except ImportError:
    print("python3-fitz is not installed for /usr/bin/python3 (run scripts/install-deps check)",
          file=sys.stderr)
    sys.exit(3)

# The band at the top and bottom of an A4 page where the header and footer print.
MARGIN_PT = 36


def to_pdf(xlsx, folder):
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice is not installed (libreoffice-calc-nogui; run scripts/install-deps check)",
              file=sys.stderr)
        sys.exit(3)
    profile = os.path.join(folder, "profile")
    env = dict(os.environ, LC_ALL="nl_NL.UTF-8", LANG="nl_NL.UTF-8", HOME=folder)
    subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", "pdf", "--outdir", folder, xlsx],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=240,
                   check=False)
    pdf = os.path.join(folder, os.path.splitext(os.path.basename(xlsx))[0] + ".pdf")
    if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
        print("LibreOffice wrote no PDF for " + xlsx, file=sys.stderr)
        sys.exit(1)
    return pdf


def page_facts(number, page):
    sizes = collections.Counter()
    header, footer = [], []
    hashes = 0
    height = page.rect.height
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                text = span["text"].strip()
                if not text:
                    continue
                top, bottom = span["bbox"][1], span["bbox"][3]
                if top > height - MARGIN_PT:
                    footer.append(text)
                elif bottom < MARGIN_PT:
                    header.append(text)
                else:
                    sizes[round(span["size"], 1)] += len(text)
                    hashes += set(text) == {"#"}
    body = max(sizes, key=sizes.get) if sizes else 0
    smallest = min(sizes) if sizes else 0
    sheet = footer[0] if footer else ""
    print("\t".join(["page", str(number), sheet, str(body), str(smallest), " | ".join(header),
                     str(hashes)]))


def main(xlsx):
    folder = tempfile.mkdtemp(prefix="rrrender-")
    try:
        pdf = to_pdf(os.path.abspath(xlsx), folder)
        for i, page in enumerate(fitz.open(pdf)):
            page_facts(i + 1, page)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
