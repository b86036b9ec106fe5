#!/usr/bin/python3
"""Reads any xlsx workbook back with openpyxl and prints what it holds, one fact per
line, tab-separated, for the Check suites (tests/xlsx_facts.c parses it; see
tests/README.md). It knows nothing about regiorapport's sheets: the tests find
sheets by name and columns by their header names.

    sheet     name  max_row  orientation  paper  fit_to_page  autofilter  freeze
              footer_left  footer_centre  footer_right  charts
    table     sheet  header_row  cell...          a header row: its non-empty cells bold
                                                  and filled, or the autofilter's first row
    row       sheet  header_row  row  cell...     a row below that header, up to the first
                                                  empty row or the next header
    note      sheet  row  text                    a row whose only cell is italic (a remark)
    text      sheet  row  cell...                 any other row with content (titles, facts)
    formula   sheet  cell  text
    validation  sheet  type  range  formula1
    formulas  count

A cell is TYPE FLAGS ':' VALUE. TYPE is openpyxl's data type (s text, n number,
d date, b boolean, f formula, e error) or '-' for an empty cell; FLAGS are 'b'
(bold) and '#RRGGBB' (a solid fill). A date is YYYY-MM-DD (with THH:MM:SS when it
has a time), a whole number has no decimals. In every value a backslash, tab,
newline and carriage return are written \\\\, \\t, \\n, \\r.

Run with Debian's /usr/bin/python3 (python3-openpyxl). Exit 3 when openpyxl is missing:
scripts/install-deps installs it, so the suites fail then, they do not skip.
"""
import datetime
import sys

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed for /usr/bin/python3 (run scripts/install-deps)",
          file=sys.stderr)
    sys.exit(3)


def escape(value):
    return (str(value).replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def emit(*fields):
    print("\t".join(escape(f) for f in fields))


def fill_of(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return ""
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return ""
    return "#" + rgb[-6:].upper()


def value_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def cell_text(cell):
    kind = "-" if cell.value is None else cell.data_type
    flags = ("b" if cell.font is not None and cell.font.bold else "") + fill_of(cell)
    return kind + flags + ":" + value_text(cell.value)


def is_header(cells):
    filled = [c for c in cells if c.value is not None]
    return len(filled) >= 2 and all(c.font.bold and fill_of(c) for c in filled)


def is_note(cells):
    filled = [c for c in cells if c.value is not None]
    return len(filled) == 1 and filled[0].data_type == "s" and bool(filled[0].font.italic)


def autofilter_row(ws):
    ref = ws.auto_filter.ref
    if not ref:
        return None
    first = ref.split(":")[0]
    digits = "".join(ch for ch in first if ch.isdigit())
    return int(digits) if digits else None


def sheet_facts(ws):
    footer = ws.oddFooter
    parts = [(getattr(footer, side).text or "") if footer and getattr(footer, side) else ""
             for side in ("left", "center", "right")]
    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else ""
    emit("sheet", ws.title, ws.max_row, ws.page_setup.orientation or "",
         ws.page_setup.paperSize or "", fit, ws.auto_filter.ref or "", ws.freeze_panes or "",
         *parts, len(ws._charts))
    filter_row = autofilter_row(ws)
    header = None  # the header row of the table being read, or None
    width = 0
    formulas = 0
    for cells in ws.iter_rows():
        row = cells[0].row
        for c in cells:
            if c.data_type == "f":
                formulas += 1
                emit("formula", ws.title, c.coordinate, c.value)
        empty = all(c.value is None for c in cells)
        if empty:
            header = None
        elif row == filter_row or is_header(cells):
            header = row
            names = [cell_text(c) for c in cells]
            while names and names[-1].startswith("-"):
                names.pop()
            width = len(names)
            emit("table", ws.title, row, *names)
        elif is_note(cells):
            header = None
            emit("note", ws.title, row, next(c.value for c in cells if c.value is not None))
        elif header is not None:
            emit("row", ws.title, header, row, *[cell_text(c) for c in cells[:width]])
        else:
            texts = [cell_text(c) for c in cells]
            while texts and texts[-1] == "-:":
                texts.pop()
            emit("text", ws.title, row, *texts)
    for dv in ws.data_validations.dataValidation:
        emit("validation", ws.title, dv.type, dv.sqref, dv.formula1 or "")
    return formulas


def main(path):
    wb = openpyxl.load_workbook(path)
    formulas = 0
    for ws in wb.worksheets:
        formulas += sheet_facts(ws)
    emit("formulas", formulas)


if __name__ == "__main__":
    main(sys.argv[1])
