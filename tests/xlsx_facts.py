#!/usr/bin/python3
"""Reads a regiorapport workbook back with openpyxl and prints facts, one per line,
tab-separated, for the Check tests (tests/test_workbook.c) to compare with the model.

    fact<TAB>key<TAB>value...

Run with Debian's /usr/bin/python3 (python3-openpyxl). Exit 3 when openpyxl is missing.
"""
import datetime
import sys

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed for /usr/bin/python3", file=sys.stderr)
    sys.exit(3)


def emit(*fields):
    print("\t".join(str(f).replace("\t", " ").replace("\n", "\\n") for f in fields))


def header_row(ws):
    """The row of the sheet's main table header: the first row whose first cell is bold
    and has a fill, or row 1."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 40)):
        cell = row[0]
        if cell.value is not None and cell.font.bold and cell.fill.fgColor.rgb not in (None, "00000000"):
            return cell.row
    return 1


def col_index(ws, row, *names):
    """The 0-based column of the first header cell in `row` named one of `names`."""
    for cell in ws[row]:
        if cell.value in names:
            return cell.column - 1
    raise SystemExit("no column %s on %s" % ("/".join(names), ws.title))


def col_of(head, *names):
    """The index of the first of `names` in a list of header values."""
    for name in names:
        if name in head:
            return head.index(name)
    raise SystemExit("no column %s" % "/".join(names))


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
    for chart in ws._charts + ws._images:
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


def layout_checks(ws):
    """Facts a printed or sorted sheet depends on (issue 13)."""
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
    # A filter holds one table: no empty row inside it, nothing but empty rows right
    # below it in its columns, and its header is frozen.
    blank_inside = sum(1 for r in range(r1 + 1, r2 + 1)
                       if all(value(ws, r, c) is None for c in range(c1, c2 + 1)))
    below = sum(1 for c in range(c1, c2 + 1) if value(ws, r2 + 1, c) is not None)
    frozen = ws.freeze_panes == "A%d" % (r1 + 1)
    emit("filter", ws.title, ref, blank_inside, below, frozen)


def main(path):
    wb = openpyxl.load_workbook(path)
    emit("sheets", ",".join(wb.sheetnames))
    formulas = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas += 1
                    emit("formula", ws.title, cell.coordinate, cell.value)
        h = header_row(ws)
        emit("header", ws.title, h, ",".join(str(c.value) for c in ws[h] if c.value is not None))
        emit("layout", ws.title, ws.page_setup.orientation, ws.page_setup.paperSize,
             ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
             ws.auto_filter.ref, ws.freeze_panes, ws.oddFooter.center.text if ws.oddFooter else None)
    emit("formulas", formulas)
    for ws in wb.worksheets:
        layout_checks(ws)
    if len(wb.worksheets) < 11:
        return  # a handout or another one-sheet workbook: its layout is all

    actions = wb.worksheets[1]
    head = [c.value for c in actions[1]]
    a_ref = col_index(actions, 1, "Actie", "Action")
    a_deadline = col_index(actions, 1, "Deadline")
    a_budget = col_index(actions, 1, "Budget (€)")
    a_status = col_index(actions, 1, "Status")
    a_signal = col_index(actions, 1, "Signaal", "Signal")
    a_title = col_index(actions, 1, "Titel", "Title")
    a_expected = col_index(actions, 1, "Verwacht", "Expected")
    a_targets = col_index(actions, 1, "Streefcijfer", "Target")
    a_running = col_index(actions, 1, "Lopende kosten", "Running costs")
    for row in actions.iter_rows(min_row=2):
        ref = row[a_ref].value
        deadline = row[a_deadline]
        budget = row[a_budget]
        emit("action", ref, row[a_status].value,
             "date" if isinstance(deadline.value, datetime.datetime) else ("none" if deadline.value is None else "text"),
             "number" if isinstance(budget.value, (int, float)) else ("none" if budget.value is None else "text"),
             row[a_signal].value, row[a_signal].fill.fgColor.rgb, row[a_title].data_type, row[a_title].value,
             row[a_expected].value, row[a_targets].value, row[a_running].value)
    emit("action_columns", ",".join(str(h) for h in head))

    timelines = wb.worksheets[3]
    t_owner = col_index(timelines, 1, "Eigenaar", "Owner")
    t_id = col_index(timelines, 1, "Plan")
    t_end = col_index(timelines, 1, "Oorspronkelijk eind", "Original end")
    t_effective = col_index(timelines, 1, "Eind met verlengingen", "End with extensions")
    t_months = col_index(timelines, 1, "Maanden verlengd", "Months extended")
    t_draft = col_index(timelines, 1, "Concept", "Draft")
    t_funding = col_index(timelines, 1, "Dekking", "Funding")
    for row in timelines.iter_rows(min_row=2):
        if row[t_id].value is None:
            break  # the plans table ends at the first empty row
        def day(cell):
            return cell.value.strftime("%d-%m-%Y") if isinstance(cell.value, datetime.datetime) else ""
        emit("plan", row[t_owner].value, row[t_id].value, day(row[t_end]), day(row[t_effective]),
             row[t_months].value, row[t_draft].value, row[t_funding].value)

    # The action lines' own table, below the plans and extensions.
    rows = list(timelines.iter_rows(min_row=1))
    for i, row in enumerate(rows):
        if row[0].value in ("Actielijnen", "Action lines") and row[0].font.bold:
            head = [c.value for c in rows[i + 1]]
            plan, name = head.index("Plan"), col_of(head, "Actielijn", "Action line")
            text, count = col_of(head, "Omschrijving", "Description"), col_of(head, "Acties", "Actions")
            for line in rows[i + 2:]:
                if line[0].value is None:
                    break
                emit("action_line", line[plan].value, line[name].value, line[text].value,
                     line[count].value)
            break

    budget = wb.worksheets[7]
    for row in budget.iter_rows(min_row=1):
        if len(row) >= 7 and isinstance(row[6].value, (int, float)) and row[2].value in ("alle actielijnen", "all action lines"):
            emit("budget_total", row[0].value, row[4].value, "%.2f" % row[6].value)

    figures = wb.worksheets[6]
    for row in figures.iter_rows(min_row=2):
        if row[4].value is None or not isinstance(row[4].value, (int, float)):
            continue
        emit("figure", row[3].value, row[0].value, row[4].value, row[5].data_type, row[5].value,
             row[6].value, row[7].value)
    # The counts of inwoners.csv, below the figures.
    rows = list(figures.iter_rows(min_row=1))
    for i, row in enumerate(rows):
        if row[0].value in ("Inwoners per jaar", "Inhabitants per year") and row[0].font.bold:
            for count in rows[i + 2:]:
                if count[0].value is None:
                    break
                emit("population", count[0].value, count[1].value, count[2].value)
            break

    checks = wb.worksheets[8]
    for row in checks.iter_rows(min_row=2):
        if row[4].value:
            emit("check", row[0].value, row[3].value, row[4].value)

    summary = wb.worksheets[0]
    emit("charts", summary.title, len(summary._charts))


if __name__ == "__main__":
    main(sys.argv[1])
