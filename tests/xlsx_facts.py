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
    drawings  sheet  count  overlaps            charts and images, and how many pairs overlap
    print     sheet  scale  last_column  title_rows   the scale (per cent) it prints at on A4
                                                  with 'fit to one page wide' (and high)
    filter    sheet  range  empty_rows_inside  cells_below  header_frozen
    lowrows   sheet  count  first_row             rows lower than their wrapped text needs
    brokenwords  sheet  count  words            header words wider than their column
    formula   sheet  cell  text
    validation  sheet  type  range  formula1
    chart     sheet  title  series  major_unit  min   a native chart: its value axis's step
                                                  and minimum ("" where Excel chooses)
    formulas  count

A cell is TYPE FLAGS ':' VALUE. TYPE is openpyxl's data type (s text, n number,
d date, b boolean, f formula, e error) or '-' for an empty cell; FLAGS are 'b'
(bold), '#RRGGBB' (a solid fill) and ',' (a number shown with thousands separators). A date is YYYY-MM-DD (with THH:MM:SS when it
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
    if kind == "n" and "#,##0" in (cell.number_format or ""):
        flags += ","
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


def pixels(width):
    """A column's width in pixels: the file stores it in characters of 7 pixels,
    padding included; 64 for a column left at its default."""
    return 64 if width is None else int(width * 7 + 0.5)


def column_widths(ws, count):
    from openpyxl.utils import get_column_letter
    widths = []
    for i in range(1, count + 1):
        dim = ws.column_dimensions.get(get_column_letter(i))
        widths.append(pixels(dim.width if dim is not None and dim.width else None))
    return widths


def print_scale(ws):
    """The scale LibreOffice and Excel print at with 'fit to one page wide': the
    printable width of the page over the width of the printed columns, in per cent.
    A4 is 8.27 x 11.69 inches; 96 pixels an inch."""
    from openpyxl.utils.cell import range_boundaries
    last = ws.max_column
    if ws.print_area:
        area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
        area = area.split("!")[-1].replace("$", "")
        last = range_boundaries(area)[2]
    landscape = ws.page_setup.orientation == "landscape"
    paper = 11.69 if landscape else 8.27
    m = ws.page_margins
    printable = (paper - (m.left or 0.7) - (m.right or 0.7)) * 96
    used = sum(column_widths(ws, last))
    # Drawings count where they print: within the print area, when the sheet has one.
    for chart in [] if ws.print_area else ws._charts + ws._images:
        anchor = chart.anchor
        if hasattr(anchor, "_from") and hasattr(anchor, "to") and anchor.to is not None:
            used = max(used, sum(column_widths(ws, anchor.to.col)) + anchor.to.colOff / 9525)
    scale = printable / used
    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else False
    if fit and ws.page_setup.fitToHeight in (None, 1, "1"):  # one page high (1 is the default)
        high = 8.27 if landscape else 11.69
        usable = (high - (m.top or 0.75) - (m.bottom or 0.75)) * 72
        rows = sum((ws.row_dimensions[r].height or 15) if r in ws.row_dimensions else 15
                   for r in range(1, ws.max_row + 1))
        scale = min(scale, usable / rows)
    return min(100, int(100 * scale)), last


def drawings(ws):
    """Each drawing's box in pixels: (left, top, right, bottom)."""
    boxes = []
    widths = column_widths(ws, 200)
    def x(marker):
        return sum(widths[:marker.col]) + marker.colOff / 9525
    def y(marker):
        top = 0
        for r in range(1, marker.row + 1):
            dim = ws.row_dimensions.get(r)
            top += (dim.height if dim is not None and dim.height else 15) * 96 / 72
        return top + marker.rowOff / 9525
    for chart in ws._charts + ws._images:
        a = chart.anchor
        if hasattr(a, "_from") and getattr(a, "to", None) is not None:
            boxes.append((x(a._from), y(a._from), x(a.to), y(a.to)))
    return boxes


def value(ws, row, col):
    """A cell's value without creating the cell (ws.cell would, and so grow the sheet)."""
    cell = ws._cells.get((row, col))
    return None if cell is None else cell.value


def layout_facts(ws):
    """What a printed or sorted sheet depends on: drawings that overlap, the print
    scale, and whether a filter holds one table under a frozen header."""
    boxes = drawings(ws)
    overlaps = 0
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1:
                overlaps += 1
    emit("drawings", ws.title, len(boxes), overlaps)
    scale, last = print_scale(ws)
    emit("print", ws.title, scale, last, ws.print_title_rows or "")
    ref = ws.auto_filter.ref
    if not ref:
        return
    from openpyxl.utils.cell import range_boundaries
    c1, r1, c2, r2 = range_boundaries(ref)
    # One table: no empty row inside the filter, nothing right below it in its columns.
    blank_inside = sum(1 for r in range(r1 + 1, r2 + 1)
                       if all(value(ws, r, c) is None for c in range(c1, c2 + 1)))
    below = sum(1 for c in range(c1, c2 + 1) if value(ws, r2 + 1, c) is not None)
    frozen = ws.freeze_panes == "A%d" % (r1 + 1)
    emit("filter", ws.title, ref, blank_inside, below, frozen)
    # Header names that print as one: a name set right (over a count) straight before
    # one set left (over a date or a text), neither upright.
    touching = []
    for c in range(c1, c2):
        a, b = ws._cells.get((r1, c)), ws._cells.get((r1, c + 1))
        if a is None or b is None or a.value is None or b.value is None:
            continue
        a_right = a.alignment.horizontal == "right" and not a.alignment.textRotation
        b_left = (b.alignment.horizontal in (None, "general", "left")
                  and not b.alignment.textRotation)
        if a_right and b_left:
            touching.append("%s|%s" % (a.value, b.value))
    emit("headers", ws.title, len(touching), ",".join(touching))
    # Header words wider than their column (bold Carlito at 11 pt, measured from the
    # font file, in the 7 pixels a character Excel gives; a name set right loses a
    # character to its indent): such a word is broken inside ("afgeron" / "d").
    from openpyxl.utils import get_column_letter
    broken = []
    for c in range(c1, c2 + 1):
        cell = ws._cells.get((r1, c))
        if cell is None or not isinstance(cell.value, str) or cell.alignment.textRotation:
            continue
        dim = ws.column_dimensions.get(get_column_letter(c))
        width = (dim.width if dim is not None and dim.width else 8.43) - 0.71
        room = width * 7 * 0.75 - (width and cell.alignment.indent or 0) * 7 * 0.75
        for word in cell.value.split():
            if text_width(word, True) > room:
                broken.append(word)
    emit("brokenwords", ws.title, len(broken), ",".join(broken))


CARLITO = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"
CARLITO_BOLD = "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf"
_fonts = {}


def text_width(text, bold):
    """The width of text in points at 11 pt in Carlito (Calibri's metrics), measured
    with MuPDF from the font file itself."""
    import fitz
    path = CARLITO_BOLD if bold else CARLITO
    if path not in _fonts:
        _fonts[path] = fitz.Font(fontfile=path)
    return _fonts[path].text_length(text, fontsize=11)


def wrapped_lines(text, width_pt, bold):
    """The lines text wraps to in width_pt points, breaking at spaces (and inside a
    word longer than a line), as Excel and LibreOffice do."""
    lines = 0
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if not word:
                continue
            trial = line + " " + word if line else word
            if line and text_width(trial, bold) > width_pt:
                lines += 1
                line = word
            else:
                line = trial
            while len(line) > 1 and text_width(line, bold) > width_pt:
                cut = 1
                while cut < len(line) and text_width(line[:cut + 1], bold) <= width_pt:
                    cut += 1
                lines += 1
                line = line[cut:]
        lines += 1
    return max(lines, 1)


def rows_too_low(ws):
    """Rows lower than their wrapped texts need in the printed columns (a text of 8 bytes
    or more in a wrapping cell, wrapped in Carlito at the room Excel gives it: 7 pixels
    a character of the column's width as the file stores it; the main header, whose
    name wraps on its own terms, left out): how many, and the first."""
    from openpyxl.utils import get_column_letter
    last = print_scale(ws)[1]
    header = autofilter_row(ws)
    low, first = 0, ""

    def col_width(col):
        dim = ws.column_dimensions.get(get_column_letter(col))
        return (dim.width if dim is not None and dim.width else 8.43) - 0.71

    def points(chars):
        return chars * 7 * 0.75  # 7 pixels a character at 96 dpi, 3/4 point a pixel

    # A merged range's text wraps across all of its columns and the 5 pixels of padding
    # between them.
    merged = {}
    for r in ws.merged_cells.ranges:
        merged[(r.min_row, r.min_col)] = (points(sum(col_width(k)
                                                     for k in range(r.min_col, r.max_col + 1)))
                                          + 5 * 0.75 * (r.max_col - r.min_col))
    for cells in ws.iter_rows(max_col=last):
        row = cells[0].row
        if row == header:
            continue
        need = 1
        for c in cells:
            text = c.value
            if not isinstance(text, str) or len(text.encode()) < 8 or not c.alignment.wrap_text:
                continue
            room = merged.get((row, c.column), points(col_width(c.column)))
            lines = wrapped_lines(text, room, bool(c.font is not None and c.font.bold))
            need = max(need, min(lines, 30))
        dim = ws.row_dimensions.get(row)
        height = dim.height if dim is not None and dim.height else 15
        if need > 1 and height < 15 + 13.5 * (need - 1) - 0.5:
            low += 1
            first = first or "%s (%d lines)" % (row, need)
    emit("lowrows", ws.title, low, first)


def sheet_facts(ws):
    footer = ws.oddFooter
    parts = [(getattr(footer, side).text or "") if footer and getattr(footer, side) else ""
             for side in ("left", "center", "right")]
    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else ""
    emit("sheet", ws.title, ws.max_row, ws.page_setup.orientation or "",
         ws.page_setup.paperSize or "", fit, ws.auto_filter.ref or "", ws.freeze_panes or "",
         *parts, len(ws._charts))
    layout_facts(ws)
    rows_too_low(ws)
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
    for chart in ws._charts:
        emit("chart", ws.title, chart_title(chart), len(chart.series),
             number_text(chart.y_axis.majorUnit), number_text(chart.y_axis.scaling.min))
    return formulas


def chart_title(chart):
    """A chart's title as its text runs, or "" for none."""
    title = chart.title
    if title is None or title.tx is None or title.tx.rich is None:
        return ""
    return "".join(run.t for p in title.tx.rich.p for run in (p.r or []))


def number_text(value):
    return "" if value is None else value_text(float(value))


def main(path):
    wb = openpyxl.load_workbook(path)
    formulas = 0
    for ws in wb.worksheets:
        formulas += sheet_facts(ws)
    emit("formulas", formulas)


if __name__ == "__main__":
    main(sys.argv[1])
