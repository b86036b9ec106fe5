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

    actions = wb.worksheets[1]
    head = [c.value for c in actions[1]]
    for row in actions.iter_rows(min_row=2):
        ref = row[2].value
        deadline = row[9]
        budget = row[10]
        emit("action", ref, row[13].value,
             "date" if isinstance(deadline.value, datetime.datetime) else ("none" if deadline.value is None else "text"),
             "number" if isinstance(budget.value, (int, float)) else ("none" if budget.value is None else "text"),
             row[16].value, row[16].fill.fgColor.rgb, row[6].data_type, row[6].value)
    emit("action_columns", ",".join(str(h) for h in head))

    timelines = wb.worksheets[3]
    for row in timelines.iter_rows(min_row=2):
        if row[2].value is None:
            break  # the plans table ends at the first empty row
        def day(cell):
            return cell.value.strftime("%d-%m-%Y") if isinstance(cell.value, datetime.datetime) else ""
        emit("plan", row[1].value, row[2].value, day(row[9]), day(row[11]), row[12].value)

    budget = wb.worksheets[7]
    for row in budget.iter_rows(min_row=1):
        if len(row) >= 4 and isinstance(row[3].value, (int, float)) and row[1].value in ("alle actielijnen", "all action lines"):
            emit("budget_total", row[0].value, row[2].value, "%.2f" % row[3].value)

    figures = wb.worksheets[6]
    for row in figures.iter_rows(min_row=2):
        if row[4].value is None or not isinstance(row[4].value, (int, float)):
            continue
        emit("figure", row[3].value, row[0].value, row[4].value, row[5].data_type, row[5].value)

    checks = wb.worksheets[8]
    for row in checks.iter_rows(min_row=2):
        if row[4].value:
            emit("check", row[0].value, row[3].value, row[4].value)

    summary = wb.worksheets[0]
    emit("charts", summary.title, len(summary._charts))


if __name__ == "__main__":
    main(sys.argv[1])
