/* test_sheetread.c - returned forms as .xlsx and .ods (sheetread.c) and their place in
 * an owner's folder (load.c). Workbooks are written here with libxlsxwriter and
 * libarchive, so each case says exactly what the file holds. */
#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "load/load.h"
#include "load/sheetread.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

static const char *const sheets[] = {"Voortgang", "Progress", NULL};

/* Renders every row as "field@line:col|...\n", like test_csvread.c. */
static void collect(const csvread_row *row, void *ctx)
{
    GString *s = ctx;
    for (size_t i = 0; i < row->count; i++)
        g_string_append_printf(s, "%s%s@%ld:%ld", i ? "|" : "", row->fields[i], row->lines[i],
                               row->columns[i]);
    g_string_append_c(s, '\n');
}

/* Writes a zip of (name, content) pairs; a NULL content is `bomb` zero bytes. */
static void write_zip(const char *path, const char *const *parts, size_t bomb)
{
    struct archive *a = archive_write_new();
    ck_assert_int_eq(archive_write_set_format_zip(a), ARCHIVE_OK);
    ck_assert_int_eq(archive_write_open_filename(a, path), ARCHIVE_OK);
    for (const char *const *p = parts; *p; p += 2) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, p[0]);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, p[1] ? (la_int64_t)strlen(p[1]) : (la_int64_t)bomb);
        ck_assert_int_eq(archive_write_header(a, e), ARCHIVE_OK);
        if (p[1]) {
            archive_write_data(a, p[1], strlen(p[1]));
        } else {
            static char zeros[1 << 16];
            for (size_t done = 0; done < bomb; done += sizeof zeros)
                archive_write_data(a, zeros, sizeof zeros);
        }
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

/* Reads `path`, returns the rows as text; the diagnostics are left in `diags`. */
static char *read_rows(const char *path, diag_list *diags)
{
    GString *s = g_string_new(NULL);
    ck_assert_int_eq(sheetread_file(path, sheets, collect, s, diags, NULL), RR_OK);
    return g_string_free(s, FALSE);
}

/* The first diagnostic as printed, for comparing places. */
static char *printed(const diag_list *diags)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    diag_print(&diags->items[0], f);
    fclose(f);
    return buf;
}

START_TEST(xlsx_cells_by_type_dates_and_empty_rows)
{
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.xlsx", NULL);
    lxw_workbook *wb = workbook_new(path);
    workbook_add_worksheet(wb, "Instructie");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Voortgang");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    lxw_format *plain = workbook_add_format(wb);
    format_set_num_format(plain, "0.00");
    const char *header[] = {"actie_id", "titel", "datum", "status"};
    for (int c = 0; c < 4; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    lxw_datetime day = {2023, 1, 25, 0, 0, 0};
    worksheet_write_string(ws, 1, 0, "1.1", NULL);
    worksheet_write_datetime(ws, 1, 2, &day, date);
    worksheet_write_string(ws, 1, 3, " afgerond ", NULL);
    /* row 3 left empty; row 4 has only a formatted blank */
    worksheet_write_blank(ws, 3, 2, date);
    worksheet_write_number(ws, 4, 0, 12, NULL);
    worksheet_write_string(ws, 4, 2, "25-1-2023", NULL);
    worksheet_write_number(ws, 4, 3, 2.5, plain);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

    diag_list diags;
    diag_list_init(&diags);
    char *rows = read_rows(path, &diags);
    ck_assert_str_eq(rows, "actie_id@1:1|titel@1:2|datum@1:3|status@1:4\n"
                           "1.1@2:1|@2:2|2023-01-25@2:3|afgerond@2:4\n"
                           "12@5:1|@5:2|25-1-2023@5:3|2.5@5:4\n");
    ck_assert_uint_eq(diags.count, 0);
    /* A diagnostic at a cell of this file prints as the cell the user sees. */
    diag_add(&diags, DIAG_ERROR, path, 12, 8, "x");
    char *line = printed(&diags);
    ck_assert_ptr_nonnull(strstr(line, "voortgang-b.xlsx:Voortgang!H12: fout: x"));
    g_free(line);
    g_free(rows);
    diag_list_release(&diags);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* An .ods as LibreOffice writes it: repeated rows and cells, date cells with their
 * date-value, a note that is not cell text, spaces as <text:s/>. */
static const char ods_content[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
    "<office:spreadsheet><table:table table:name=\"Instructie\"><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>lees dit</text:p></table:table-cell>"
    "</table:table-row></table:table><table:table table:name=\"Voortgang\">"
    "<table:table-row><table:table-cell><text:p>actie_id</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell><text:p>datum</text:p></table:table-cell></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
    "table:number-columns-repeated=\"1024\"/></table:table-row>"
    "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"7\">"
    "<text:p>7</text:p></table:table-cell><table:table-cell><office:annotation><text:p>notitie"
    "</text:p></office:annotation><text:p>a<text:s text:c=\"2\"/>b</text:p><text:p>c</text:p>"
    "</table:table-cell><table:table-cell/><table:table-cell office:value-type=\"date\" "
    "office:date-value=\"2023-01-25T00:00:00\"><text:p>25-01-23</text:p></table:table-cell>"
    "</table:table-row><table:table-row table:number-rows-repeated=\"1048000\">"
    "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
    "</table:table></office:spreadsheet></office:body></office:document-content>";

START_TEST(ods_rows_repeats_dates_and_notes)
{
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.ods", NULL);
    const char *parts[] = {"mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                           "content.xml", ods_content, NULL};
    write_zip(path, parts, 0);
    diag_list diags;
    diag_list_init(&diags);
    char *rows = read_rows(path, &diags);
    ck_assert_str_eq(rows, "actie_id@1:1|@1:2|@1:3|datum@1:4\n"
                           "7@5:1|a  b\nc@5:2|@5:3|2023-01-25@5:4\n");
    ck_assert_uint_eq(diags.count, 0);
    g_free(rows);
    diag_list_release(&diags);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

typedef struct {
    const char *name;
    const char *const *parts; /* NULL: the bytes below as the whole file */
    const char *bytes;
    const char *needle;       /* in the one error */
} hostile_case;

static const char *const bomb_parts[] = {"xl/workbook.xml", NULL, NULL};
static const char *const no_sheet_parts[] = {
    "xl/workbook.xml",
    "<workbook><sheets><sheet name=\"Instructie\" r:id=\"rId1\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>"
    "</sheets></workbook>",
    NULL};
static const char *const bad_xml_parts[] = {"xl/workbook.xml", "<workbook><sheets>", NULL};
static const char *const wide_parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"voortgang\" r:id=\"rId9\"/></sheets>"
    "</workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships><Relationship Id=\"rId9\" Target=\"worksheets/s.xml\"/></Relationships>",
    "xl/worksheets/s.xml",
    "<worksheet><sheetData><row r=\"3\"><c r=\"ALM3\" t=\"inlineStr\"><is><t>x</t></is></c>"
    "</row></sheetData></worksheet>",
    NULL};
static const char *const bad_string_parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Voortgang\" r:id=\"rId1\"/></sheets>"
    "</workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships><Relationship Id=\"rId1\" Target=\"/xl/worksheets/s.xml\"/>"
    "</Relationships>",
    "xl/worksheets/s.xml",
    "<worksheet><sheetData><row r=\"12\"><c r=\"H12\" t=\"s\"><v>99</v></c></row></sheetData>"
    "</worksheet>",
    NULL};

/* A <row> inside a cell: it used to reset the column to 0 and write the cell's text
 * before the row's first field (a heap overflow). */
static const char *const row_in_cell_parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Voortgang\" r:id=\"rId1\"/></sheets>"
    "</workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>",
    "xl/worksheets/s.xml",
    "<worksheet><sheetData><row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>x</t></is>"
    "<row r=\"3\"/></c></row></sheetData></worksheet>",
    NULL};
static const char ods_row_in_cell[] =
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
    "<office:spreadsheet><table:table table:name=\"Voortgang\"><table:table-row>"
    "<table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b"
    "</text:p><table:table-row><table:table-cell/></table:table-row></table:table-cell>"
    "</table:table-row></table:table></office:spreadsheet></office:body>"
    "</office:document-content>";
static const char *const ods_row_in_cell_parts[] = {"content.xml", ods_row_in_cell, NULL};
/* A text from an entity the file declares: not expanded (billion laughs), so it must
 * be an error at the cell, not a cell silently shorter. */
static const char *const entity_parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Voortgang\" r:id=\"rId1\"/></sheets>"
    "</workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>",
    "xl/worksheets/s.xml",
    "<!DOCTYPE worksheet [<!ENTITY geheim \"verborgen tekst\">]>"
    "<worksheet><sheetData><row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>zie &geheim;</t>"
    "</is></c></row></sheetData></worksheet>",
    NULL};

static const hostile_case hostile[] = {
    {"row inside an .xlsx cell", row_in_cell_parts, NULL, "rij binnen deze cel"},
    {"row inside an .ods cell", ods_row_in_cell_parts, NULL, "rij binnen deze cel"},
    {"entity in a cell", entity_parts, NULL, "'&geheim;'"},
    {"zip bomb", bomb_parts, NULL, "zip"},
    {"not a zip", NULL, "PK\x03\x04 broken", "beschadigd"},
    {"old xls", NULL, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "beschadigd"},
    {"no such sheet", no_sheet_parts, NULL, "(wel: Instructie)"},
    {"broken XML", bad_xml_parts, NULL, "xl/workbook.xml"},
    {"a cell far right", wide_parts, NULL, "voorbij kolom 1000"},
    {"shared string out of range", bad_string_parts, NULL, "tekst 99"},
};

START_TEST(hostile_workbooks_get_one_clear_error)
{
    const hostile_case *c = &hostile[_i];
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.xlsx", NULL);
    if (c->parts)
        write_zip(path, c->parts, SHEET_MAX_PART_BYTES + (1 << 20));
    else
        tu_write(dir, "voortgang-b.xlsx", c->bytes);
    diag_list diags;
    diag_list_init(&diags);
    char *rows = read_rows(path, &diags);
    ck_assert_msg(diags.errors == 1 && diags.count == 1, "%s: %zu diagnostics", c->name,
                  diags.count);
    ck_assert_msg(strstr(diags.items[0].message, c->needle), "%s: %s", c->name,
                  diags.items[0].message);
    ck_assert_str_eq(rows, "");
    static const struct {
        const char *name, *place;
    } places[] = {
        {"shared string out of range", ".xlsx:Voortgang!H12: fout:"},
        {"row inside an .xlsx cell", ".xlsx:Voortgang!C2: fout:"},
        {"row inside an .ods cell", ".xlsx:Voortgang!B1: fout:"},
        {"entity in a cell", ".xlsx:Voortgang!B4: fout:"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(places); i++) {
        if (strcmp(c->name, places[i].name) != 0)
            continue;
        char *line = printed(&diags);
        ck_assert_msg(strstr(line, places[i].place), "%s: %s", c->name, line);
        g_free(line);
    }
    g_free(rows);
    diag_list_release(&diags);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* The start of an .xlsx whose sheet is `sheet_xml`, for the cases built in code. */
static void write_xlsx_parts(const char *path, const char *strings, const char *styles,
                             const char *sheet_xml, const char *const *extra)
{
    GPtrArray *parts = g_ptr_array_new();
    const char *fixed[] = {
        "xl/workbook.xml",
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Voortgang\" r:id=\"rId1\"/></sheets>"
        "</workbook>",
        "xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/>"
        "</Relationships>",
        "xl/worksheets/s.xml", sheet_xml};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(parts, (gpointer)fixed[i]);
    if (strings) {
        g_ptr_array_add(parts, "xl/sharedStrings.xml");
        g_ptr_array_add(parts, (gpointer)strings);
    }
    if (styles) {
        g_ptr_array_add(parts, "xl/styles.xml");
        g_ptr_array_add(parts, (gpointer)styles);
    }
    for (const char *const *e = extra; e && *e; e++)
        g_ptr_array_add(parts, (gpointer)*e);
    g_ptr_array_add(parts, NULL);
    write_zip(path, (const char *const *)parts->pdata, 0);
    g_ptr_array_free(parts, TRUE);
}

/* One shared string of 1 MiB shown by 50,000 cells: every part is small, but the form
 * would expand to 50 GiB of text (it took 41 s and 1 GB before the total was capped).
 * One error at the cell where the total passes the cap, at once. */
START_TEST(shared_string_bomb_stops_at_the_total)
{
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.xlsx", NULL);
    GString *strings = g_string_new("<sst><si><t>");
    for (size_t i = 0; i < 1024 * 1024; i++)
        g_string_append_c(strings, 'a');
    g_string_append(strings, "</t></si></sst>");
    GString *sheet = g_string_new("<worksheet><sheetData>");
    for (int row = 1; row <= 500; row++) {
        g_string_append_printf(sheet, "<row r=\"%d\">", row);
        for (int c = 0; c < 100; c++)
            g_string_append(sheet, "<c t=\"s\"><v>0</v></c>");
        g_string_append(sheet, "</row>");
    }
    g_string_append(sheet, "</sheetData></worksheet>");
    write_xlsx_parts(path, strings->str, NULL, sheet->str, NULL);

    diag_list diags;
    diag_list_init(&diags);
    gint64 start = g_get_monotonic_time();
    char *rows = read_rows(path, &diags);
    gint64 took = g_get_monotonic_time() - start;
    ck_assert_msg(took < 5 * G_USEC_PER_SEC, "took %.1f s", (double)took / G_USEC_PER_SEC);
    ck_assert_uint_eq(diags.count, 1);
    ck_assert_msg(strstr(diags.items[0].message, "64 MiB tekst"), "%s", diags.items[0].message);
    /* Row 1 holds 100 MiB: the cap is passed at its 65th cell, BM1. */
    char *line = printed(&diags);
    ck_assert_msg(strstr(line, ".xlsx:Voortgang!BM1: fout:"), "%s", line);
    ck_assert_str_eq(rows, "");
    g_free(line);
    g_free(rows);
    diag_list_release(&diags);
    g_string_free(strings, TRUE);
    g_string_free(sheet, TRUE);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* The limit on parts counts those after the sheet too: it used to stop counting at
 * the part it was looking for. */
START_TEST(parts_after_the_sheet_are_counted)
{
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.xlsx", NULL);
    GPtrArray *extra = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i <= SHEET_MAX_ENTRIES; i++) {
        g_ptr_array_add(extra, g_strdup_printf("x/%d", i));
        g_ptr_array_add(extra, g_strdup(""));
    }
    g_ptr_array_add(extra, NULL);
    /* Every part the reader looks for comes before the 10,001 others. */
    write_xlsx_parts(path, "<sst/>", "<styleSheet/>",
                     "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>actie_id"
                     "</t></is></c></row></sheetData></worksheet>",
                     (const char *const *)extra->pdata);
    diag_list diags;
    diag_list_init(&diags);
    char *rows = read_rows(path, &diags);
    ck_assert_uint_eq(diags.count, 1);
    ck_assert_msg(strstr(diags.items[0].message, "meer dan 10000 delen"), "%s",
                  diags.items[0].message);
    ck_assert_str_eq(rows, "");
    g_free(rows);
    diag_list_release(&diags);
    g_ptr_array_free(extra, TRUE);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* Serial day numbers in a date cell of the 1900 system, as Excel shows them: 1 is
 * 1900-01-01 and 59 is 1900-02-28 (they were one day early), 60 is Excel's 29 February
 * 1900 (no day: the number is given as written), 61 is 1900-03-01; 0 is no day. */
START_TEST(serials_of_1900_are_the_days_excel_shows)
{
    char *dir = tu_mkdtemp();
    char *path = g_build_filename(dir, "voortgang-b.xlsx", NULL);
    const char *styles = "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                         "<xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    write_xlsx_parts(path, NULL, styles,
                     "<worksheet><sheetData><row r=\"1\"><c s=\"1\"><v>1</v></c>"
                     "<c s=\"1\"><v>59</v></c><c s=\"1\"><v>60</v></c><c s=\"1\"><v>61</v>"
                     "</c><c s=\"1\"><v>0</v></c><c s=\"1\"><v>44958.75</v></c></row>"
                     "</sheetData></worksheet>",
                     NULL);
    diag_list diags;
    diag_list_init(&diags);
    char *rows = read_rows(path, &diags);
    ck_assert_str_eq(rows, "1900-01-01@1:1|1900-02-28@1:2|60@1:3|1900-03-01@1:4|0@1:5|"
                           "2023-02-01@1:6\n");
    ck_assert_uint_eq(diags.count, 0);
    g_free(rows);
    diag_list_release(&diags);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* In an owner's folder: a returned .xlsx is read like voortgang-*.csv; a date written
 * month first is an error naming the swap, which leaves the form out whole; files not
 * read are named, a form among them on a receipt of its own. */
START_TEST(owner_folder_reads_forms_and_names_the_rest)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *path = g_build_filename(dir, "regio-a/gemeente-b/voortgang-b-2023.xlsx", NULL);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Voortgang");
    const char *header[] = {"actie_id", "titel", "huidige status", "datum", "status"};
    for (int c = 0; c < 5; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    worksheet_write_string(ws, 1, 0, "1.1", NULL);
    worksheet_write_string(ws, 1, 3, "25/01/2023", NULL);
    worksheet_write_string(ws, 1, 4, "afgerond", NULL);
    worksheet_write_string(ws, 2, 0, "1.2", NULL);
    worksheet_write_string(ws, 2, 3, "01/25/2023", NULL);
    worksheet_write_string(ws, 2, 4, "lopend", NULL);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
    tu_write(dir, "regio-a/gemeente-b/Voortgang-x.CSV", "actie_id,datum,status\n");
    tu_write(dir, "regio-a/gemeente-b/oud.xls", "x");
    tu_write(dir, "regio-a/gemeente-b/notities.docx", "x");

    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(dir, m, &diags);
    char *all = tu_diags_text(&diags);
    /* The form with an error is left out whole: the error is on its receipt, none of
     * its rows (1.1's good one neither) is in the model, and the data has no error. */
    ck_assert_msg(diags.errors == 0 && m->forms->len == 2, "%s", all);
    const rr_form *form = g_ptr_array_index(m->forms, 0); /* the forms read come first */
    ck_assert_str_eq(form->name, "voortgang-b-2023.xlsx");
    ck_assert_int_eq(form->outcome, FORM_LEFT_OUT);
    ck_assert_int_eq(form->cells_in_error, 1);
    const diag *d = tu_find_diag(&form->problems, "voortgang-b-2023.xlsx", 3, 4, DIAG_ERROR,
                                 "25-01-2023");
    ck_assert_msg(d != NULL && strstr(d->message, "maand vóór de dag"), "%s", all);
    const rr_form *capitals = g_ptr_array_index(m->forms, 1);
    ck_assert_str_eq(capitals->name, "Voortgang-x.CSV");
    ck_assert_int_eq(capitals->outcome, FORM_NOT_READ);
    ck_assert_msg(strstr(capitals->reason, "hoofdletters") &&
                      strstr(capitals->reason, "'voortgang-x.csv'"),
                  "%s", capitals->reason);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "oud.xls", 0, 0, DIAG_WARNING, ".xlsx"));
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "notities.docx", 0, 0, DIAG_WARNING,
                                       "voortgang-*.csv/.xlsx/.ods"));
    /* The form's context columns are read back without a word. */
    ck_assert_ptr_null(tu_find_diag(&form->problems, "voortgang-b-2023.xlsx", 0, 0,
                                    DIAG_WARNING, ""));
    for (guint i = 0; i < m->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(m->progress, i);
        ck_assert_msg(p->loc.path != form->path, "a report of the left-out form counts");
    }
    g_free(all);
    diag_list_release(&diags);
    model_free(m);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

/* The Controle sheet names a form's cell as the user sees it (Voortgang!D2, as on the
 * terminal), a text file's place in words, and shows control and invisible characters
 * from the data visibly, as the terminal does. */
START_TEST(controle_shows_places_as_the_user_sees_them)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *path = g_build_filename(dir, "regio-a/gemeente-b/voortgang-b-2022.xlsx", NULL);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Voortgang");
    const char *header[] = {"actie_id", "datum", "status", "verwacht"};
    for (int c = 0; c < 4; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    const char *row[] = {"1.1", "20-12-2022", "lopend", "01-12-2022"};
    for (int c = 0; c < 4; c++)
        worksheet_write_string(ws, 1, (lxw_col_t)c, row[c], NULL);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
    /* A Ctrl-Z and a zero-width space in an unknown column's name: a warning. */
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,opm\x1A\xE2\x80\x8B\n");

    tu_report *run = tu_report_ok(dir, "2023-01-15", "nl");
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Controle", "Plaats");
    const xf_row *cell = xf_find_containing(t, "Melding", "verwacht '01-12-2022'");
    ck_assert_msg(cell, "no Controle row about verwacht");
    ck_assert_str_eq(xf_value(t, cell, "Plaats"), "Voortgang!D2");
    ck_assert_msg(g_str_has_suffix(xf_value(t, cell, "Bestand"), "voortgang-b-2022.xlsx"), "%s",
                  xf_value(t, cell, "Bestand"));
    const xf_row *column = xf_find_containing(t, "Melding", "'opm\\x1A\\u200B'");
    ck_assert_msg(column, "the unknown column's name is not shown visibly on Controle");
    ck_assert_str_eq(xf_value(t, column, "Plaats"), "regel 1, kolom 23");
    xf_free(book);
    tu_report_free(run);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *sheetread_suite(void)
{
    Suite *s = suite_create("sheetread");
    TCase *tc = tcase_create("files");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, xlsx_cells_by_type_dates_and_empty_rows);
    tcase_add_test(tc, ods_rows_repeats_dates_and_notes);
    tcase_add_loop_test(tc, hostile_workbooks_get_one_clear_error, 0, G_N_ELEMENTS(hostile));
    tcase_add_test(tc, owner_folder_reads_forms_and_names_the_rest);
    tcase_add_test(tc, shared_string_bomb_stops_at_the_total);
    tcase_add_test(tc, parts_after_the_sheet_are_counted);
    tcase_add_test(tc, serials_of_1900_are_the_days_excel_shows);
    tcase_add_test(tc, controle_shows_places_as_the_user_sees_them);
    suite_add_tcase(s, tc);
    return s;
}
