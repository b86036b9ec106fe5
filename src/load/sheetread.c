/* sheetread.c - one sheet of an .xlsx or .ods file as rows (libarchive + libxml2). */
#include "load/sheetread.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/infile.h"
#include "load/period.h"

/* Spreadsheet programs write a trailing empty region as one repeated row or cell
 * ("1048000 rows like this"); counts past this are capped, never expanded. */
#define REPEAT_CAP (1L << 20)

typedef struct {
    const char *path;
    const char *bytes;
    size_t size;
    const char *const *wanted;  /* sheet names, NULL-terminated */
    diag_list *diags;
    csvread_row_fn on_row;
    void *ctx;
    bool failed;                /* an error was reported: pass no more rows */
    size_t rows;                /* rows passed */
    size_t text_bytes;          /* text of every cell set and row passed, in total */
    guint header_width;         /* cells of the first row passed (the header) */

    /* the row being read */
    GPtrArray *fields;          /* gchar*, index = column - 1 */
    long row, col, next_row, row_repeat;
    /* the cell being read */
    GString *text;
    bool in_cell, in_value, in_t, in_rph, in_note;
    long cell_repeat, paragraphs, style;
    char cell_type[16];
    gchar *date_value;          /* .ods office:date-value */

    /* the workbook */
    gchar *sheet;               /* the sheet's name as found */
    gchar *sheet_id;            /* .xlsx relationship id, then the part's path */
    GString *sheet_names;       /* all sheet names, for the message when none fits */
    bool date1904;
    bool in_si, in_cellxfs, in_table;
    int table_depth;
    GPtrArray *strings;         /* .xlsx shared strings */
    GArray *date_styles;        /* gboolean per cellXfs index */
    GHashTable *date_formats;   /* custom numFmtId -> itself, date formats only */
} reader;

typedef void (*node_fn)(reader *r, xmlTextReaderPtr x);

/* ---- messages -------------------------------------------------------------- */

/* An error about the whole file (line and column 0). */
static void file_error(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void file_error(reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(r->diags, DIAG_ERROR, r->path, 0, 0, fmt, ap);
    va_end(ap);
    r->failed = true;
}

/* An error at the cell being read (row and column at least 1). */
static void cell_error(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cell_error(reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(r->diags, DIAG_ERROR, r->path, r->row > 0 ? r->row : 1, r->col > 0 ? r->col : 1,
              fmt, ap);
    va_end(ap);
    r->failed = true;
}

static void broken(reader *r, const char *why)
{
    file_error(r, tr("het bestand is geen leesbare werkmap (.xlsx of .ods) of is beschadigd "
                     "(%s); open het en sla het opnieuw op als .xlsx",
                     "the file is not a readable workbook (.xlsx or .ods) or is damaged (%s); "
                     "open it and save it again as .xlsx"),
               why);
}

static void too_many_parts(reader *r)
{
    file_error(r, tr("het bestand heeft meer dan %d delen; een werkmap heeft er enkele tientallen "
                     "(een zip-bom?): open het en sla het opnieuw op als .xlsx",
                     "the file has more than %d parts; a workbook has a few dozen (a zip "
                     "bomb?): open it and save it again as .xlsx"),
               SHEET_MAX_ENTRIES);
}

/* ---- the archive and its XML parts ----------------------------------------- */

typedef struct {
    struct archive *archive;
    size_t read;
    bool too_big;
    bool broken;
} part_stream;

/* xmlReaderForIO's input: the part's unpacked bytes, counted so that a zip bomb
 * stops at SHEET_MAX_PART_BYTES whatever its header claims. */
static int part_read(void *ctx, char *buf, int len)
{
    part_stream *p = ctx;
    la_ssize_t n = archive_read_data(p->archive, buf, (size_t)len);
    if (n < 0) {
        p->broken = true;
        return -1;
    }
    p->read += (size_t)n;
    if (p->read > SHEET_MAX_PART_BYTES) {
        p->too_big = true;
        return -1;
    }
    return (int)n;
}

/* libxml2 would print its complaints; the reader reports one clear error instead. */
static void ignore_xml_error(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    (void)error;
}

static void part_too_big(reader *r, const char *part)
{
    file_error(r, tr("deel '%s' van het bestand pakt uit tot meer dan %zu MiB; dat is geen "
                     "ingevuld formulier (een zip-bom?); sla het blad opnieuw op",
                     "part '%s' of the file unpacks to more than %zu MiB; that is no filled-in "
                     "form (a zip bomb?); save the sheet again"),
               part, SHEET_MAX_PART_BYTES / (1024 * 1024));
}

/* An entity the file declares itself (<!ENTITY naam "...">, then &naam;): libxml2 is
 * not let to expand them (that is how a billion-laughs file explodes), so their text
 * would silently be missing from the cell. No spreadsheet program writes them. */
static void entity_used(reader *r, xmlTextReaderPtr x, const char *part)
{
    const char *name = (const char *)xmlTextReaderConstName(x);
    gchar *message = g_strdup_printf(
        tr("het bestand gebruikt een eigen XML-entiteit '&%s;' (in %s); die tekst wordt niet "
           "gelezen. Excel en LibreOffice schrijven die nooit: open het bestand en sla het "
           "opnieuw op als .xlsx",
           "the file uses an XML entity of its own, '&%s;' (in %s); that text is not read. "
           "Excel and LibreOffice never write one: open the file and save it again as .xlsx"),
        name ? name : "?", part);
    if (r->in_cell)
        cell_error(r, "%s", message);
    else
        file_error(r, "%s", message);
    g_free(message);
}

/* Streams one part's XML through on_node. Returns 1 when read, -1 after an error. */
static int parse_part(reader *r, struct archive *a, const char *part, node_fn on_node)
{
    part_stream ps = {a, 0, false, false};
    xmlTextReaderPtr x = xmlReaderForIO(part_read, NULL, &ps, part, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!x) {
        broken(r, part);
        return -1;
    }
    xmlTextReaderSetStructuredErrorHandler(x, ignore_xml_error, NULL);
    int rc = 1;
    while (!r->failed && (rc = xmlTextReaderRead(x)) == 1) {
        if (xmlTextReaderNodeType(x) == XML_READER_TYPE_ENTITY_REFERENCE)
            entity_used(r, x, part);
        else
            on_node(r, x);
    }
    xmlFreeTextReader(x);
    if (r->failed)
        return -1;
    if (ps.too_big)
        part_too_big(r, part);
    else if (ps.broken)
        broken(r, archive_error_string(a) ? archive_error_string(a) : part);
    else if (rc < 0)
        broken(r, part);
    return r->failed ? -1 : 1;
}

/* Finds `part` in the archive and reads it. Returns 1 when read, 0 when the archive
 * has no such part, -1 after an error. */
static int read_part(reader *r, const char *part, node_fn on_node)
{
    struct archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    int result = 0;
    if (archive_read_open_memory(a, r->bytes, r->size) != ARCHIVE_OK) {
        broken(r, archive_error_string(a) ? archive_error_string(a) : "zip");
        result = -1;
    } else {
        struct archive_entry *e;
        size_t entries = 0;
        int rc;
        while ((rc = archive_read_next_header(a, &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
            if (++entries > SHEET_MAX_ENTRIES) {
                too_many_parts(r);
                result = -1;
                break;
            }
            const char *name = archive_entry_pathname(e);
            if (!name || strcmp(name, part) != 0)
                continue;
            if (archive_entry_size_is_set(e) &&
                (size_t)archive_entry_size(e) > SHEET_MAX_PART_BYTES) {
                part_too_big(r, part);
                result = -1;
            } else {
                result = parse_part(r, a, part, on_node);
            }
            break;
        }
        if (result == 0 && rc != ARCHIVE_EOF) {
            broken(r, archive_error_string(a) ? archive_error_string(a) : "zip");
            result = -1;
        }
    }
    archive_read_free(a);
    return result;
}

/* Counts the archive's parts, all of them: read_part() stops at the part it wants,
 * so a limit counted there would never see what follows it. False after an error. */
static bool parts_within_limit(reader *r)
{
    struct archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    bool ok = true;
    if (archive_read_open_memory(a, r->bytes, r->size) == ARCHIVE_OK) {
        struct archive_entry *e;
        size_t entries = 0;
        int rc;
        while (ok && ((rc = archive_read_next_header(a, &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN))
            if (++entries > SHEET_MAX_ENTRIES) {
                too_many_parts(r);
                ok = false;
            }
    } /* an archive that does not open is said by the first read_part() */
    archive_read_free(a);
    return ok;
}

/* ---- XML helpers ------------------------------------------------------------- */

/* The value of the attribute with local name `local` (any namespace), or NULL. g_free. */
static gchar *attr(xmlTextReaderPtr x, const char *local)
{
    gchar *value = NULL;
    for (int ok = xmlTextReaderMoveToFirstAttribute(x); ok == 1 && !value;
         ok = xmlTextReaderMoveToNextAttribute(x)) {
        const char *name = (const char *)xmlTextReaderConstLocalName(x);
        if (name && strcmp(name, local) == 0)
            value = g_strdup((const char *)xmlTextReaderConstValue(x));
    }
    xmlTextReaderMoveToElement(x);
    return value;
}

/* A whole number attribute, `fallback` when absent or not a number, capped. */
static long attr_long(xmlTextReaderPtr x, const char *local, long fallback)
{
    gchar *text = attr(x, local);
    long value = fallback;
    if (text) {
        char *end;
        errno = 0;
        long long v = g_ascii_strtoll(text, &end, 10);
        if (end != text && *end == '\0' && errno == 0 && v >= 0)
            value = v > REPEAT_CAP ? REPEAT_CAP : (long)v;
    }
    g_free(text);
    return value;
}

static bool is_element(xmlTextReaderPtr x, const char *local)
{
    return xmlTextReaderNodeType(x) == XML_READER_TYPE_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(x), local) == 0;
}

/* An element that has content to come (an end node will follow). */
static bool is_open(xmlTextReaderPtr x, const char *local)
{
    return is_element(x, local) && !xmlTextReaderIsEmptyElement(x);
}

static bool is_end(xmlTextReaderPtr x, const char *local)
{
    return xmlTextReaderNodeType(x) == XML_READER_TYPE_END_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(x), local) == 0;
}

static bool is_text(xmlTextReaderPtr x)
{
    int type = xmlTextReaderNodeType(x);
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Adds text to the cell, within CSV_MAX_FIELD_BYTES. */
static void append_text(reader *r, const char *text, size_t len)
{
    if (r->text->len + len > CSV_MAX_FIELD_BYTES) {
        cell_error(r, tr("de cel bevat meer dan %zu KiB tekst; kort de tekst in",
                         "the cell holds more than %zu KiB of text; shorten it"),
                   CSV_MAX_FIELD_BYTES / 1024);
        return;
    }
    g_string_append_len(r->text, text, (gssize)len);
}

static void append_node_text(reader *r, xmlTextReaderPtr x)
{
    const char *value = (const char *)xmlTextReaderConstValue(x);
    if (value)
        append_text(r, value, strlen(value));
}

/* ---- rows ---------------------------------------------------------------------- */

/* Counts text the form expands to; false (reported) past SHEET_MAX_TEXT_BYTES. */
static bool within_text_limit(reader *r, size_t bytes)
{
    r->text_bytes += bytes;
    if (r->text_bytes <= SHEET_MAX_TEXT_BYTES)
        return true;
    cell_error(r, tr("het formulier bevat hier al meer dan %zu MiB tekst (alle cellen samen, "
                     "herhaalde cellen en teksten meegeteld); een ingevuld formulier heeft veel "
                     "minder: kopieer alleen de antwoorden naar een nieuw formulier",
                     "the form holds more than %zu MiB of text by here (all cells together, "
                     "repeated cells and texts counted); a filled-in form has much less: copy "
                     "only the answers into a new form"),
               SHEET_MAX_TEXT_BYTES / (1024 * 1024));
    return false;
}

/* Puts a cell's text at column r->col (1-based). */
static void set_cell(reader *r, const char *text)
{
    if (r->col < 1) { /* only a damaged file: every cell start moves to column 1 or on */
        broken(r, tr("een cel buiten een rij", "a cell outside a row"));
        return;
    }
    if (!within_text_limit(r, strlen(text)))
        return;
    if (r->col > CSV_MAX_FIELDS) {
        cell_error(r, tr("de rij heeft gevulde cellen voorbij kolom %d; het blad hoort alleen "
                         "de kolommen van het formulier te hebben",
                         "the row has filled cells past column %d; the sheet should hold only "
                         "the form's columns"),
                   CSV_MAX_FIELDS);
        return;
    }
    while ((long)r->fields->len < r->col)
        g_ptr_array_add(r->fields, g_strdup(""));
    g_free(r->fields->pdata[r->col - 1]);
    r->fields->pdata[r->col - 1] = g_strstrip(g_strdup(text));
}

/* Passes the row when a cell has content; then starts afresh. */
static void deliver_row(reader *r)
{
    bool any = false;
    for (guint i = 0; i < r->fields->len && !any; i++)
        any = *(const char *)r->fields->pdata[i] != '\0';
    if (any && !r->failed) {
        if (++r->rows > SHEET_MAX_ROWS) {
            cell_error(r, tr("het blad heeft meer dan %d gevulde rijen; een formulier heeft er "
                             "één per actie",
                             "the sheet has more than %d filled rows; a form has one per action"),
                       SHEET_MAX_ROWS);
            return;
        }
        /* A sheet stores no cells right of the last filled one; as a CSV row, a row
         * has the header's width (the loader counts fields). */
        if (r->rows == 1)
            r->header_width = r->fields->len;
        while (r->fields->len < r->header_width)
            g_ptr_array_add(r->fields, g_strdup(""));
        size_t n = r->fields->len;
        long *lines = g_new(long, n), *columns = g_new(long, n);
        for (size_t i = 0; i < n; i++) {
            lines[i] = r->row;
            columns[i] = (long)i + 1;
        }
        csvread_row row = {n, (const char *const *)r->fields->pdata, lines, columns, r->row,
                           0 /* cells, no delimiter */};
        r->on_row(&row, r->ctx);
        g_free(lines);
        g_free(columns);
    }
}

static void clear_row(reader *r)
{
    g_ptr_array_set_size(r->fields, 0);
    r->col = 0;
}

/* ---- .xlsx ------------------------------------------------------------------------ */

static bool wanted_sheet(const reader *r, const char *name)
{
    for (const char *const *w = r->wanted; *w; w++)
        if (g_ascii_strcasecmp(*w, name) == 0)
            return true;
    return false;
}

static void on_sheet_name(reader *r, const char *name)
{
    if (r->sheet_names->len)
        g_string_append(r->sheet_names, ", ");
    g_string_append(r->sheet_names, name);
}

static void xlsx_workbook_node(reader *r, xmlTextReaderPtr x)
{
    if (is_element(x, "sheet")) {
        gchar *name = attr(x, "name");
        if (name) {
            on_sheet_name(r, name);
            if (!r->sheet && wanted_sheet(r, name)) {
                r->sheet = g_strdup(name);
                r->sheet_id = attr(x, "id");
            }
        }
        g_free(name);
    } else if (is_element(x, "workbookPr")) {
        gchar *v = attr(x, "date1904");
        r->date1904 = v && (strcmp(v, "1") == 0 || g_ascii_strcasecmp(v, "true") == 0);
        g_free(v);
    }
}

/* workbook.xml.rels: the relationship id becomes the sheet part's path. */
static void xlsx_rels_node(reader *r, xmlTextReaderPtr x)
{
    if (!is_element(x, "Relationship") || !r->sheet_id || g_str_has_prefix(r->sheet_id, "xl/"))
        return;
    gchar *id = attr(x, "Id");
    if (id && strcmp(id, r->sheet_id) == 0) {
        gchar *target = attr(x, "Target");
        g_free(r->sheet_id);
        if (!target)
            r->sheet_id = NULL;
        else if (target[0] == '/')
            r->sheet_id = g_strdup(target + 1);
        else
            r->sheet_id = g_strconcat("xl/", g_str_has_prefix(target, "./") ? target + 2 : target,
                                      NULL);
        g_free(target);
    }
    g_free(id);
}

/* sharedStrings.xml: the text of each <si>, rich-text runs joined, phonetic runs out. */
static void xlsx_strings_node(reader *r, xmlTextReaderPtr x)
{
    if (is_element(x, "si")) {
        g_string_truncate(r->text, 0);
        r->in_si = !xmlTextReaderIsEmptyElement(x);
        if (!r->in_si)
            g_ptr_array_add(r->strings, g_strdup(""));
    } else if (is_end(x, "si")) {
        r->in_si = false;
        g_ptr_array_add(r->strings, g_strdup(r->text->str));
    } else if (is_open(x, "t")) {
        r->in_t = true;
    } else if (is_end(x, "t")) {
        r->in_t = false;
    } else if (is_open(x, "rPh")) {
        r->in_rph = true;
    } else if (is_end(x, "rPh")) {
        r->in_rph = false;
    } else if (is_text(x) && r->in_si && r->in_t && !r->in_rph) {
        append_node_text(r, x);
    }
    if (r->strings->len > SHEET_MAX_STRINGS)
        file_error(r, tr("het bestand heeft meer dan %d teksten; dat is geen ingevuld formulier",
                         "the file holds more than %d texts; that is no filled-in form"),
                   SHEET_MAX_STRINGS);
}

/* Whether a number format shows a date: built-in ids, or a code with day or year
 * (month without hours), outside quoted text, [colours/locales] and escapes. */
static bool is_date_format(const char *code)
{
    bool day_or_year = false, month = false, hour = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else {
            char c = g_ascii_tolower(*p);
            day_or_year |= c == 'd' || c == 'y' || c == 'j';
            month |= c == 'm';
            hour |= c == 'h' || c == 's' || c == 'u';
        }
    }
    return day_or_year || (month && !hour);
}

static bool is_date_format_id(const reader *r, long id)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    return g_hash_table_contains(r->date_formats, GINT_TO_POINTER((int)id));
}

static void xlsx_styles_node(reader *r, xmlTextReaderPtr x)
{
    if (is_element(x, "numFmt")) {
        long id = attr_long(x, "numFmtId", -1);
        gchar *code = attr(x, "formatCode");
        if (id >= 0 && code && is_date_format(code))
            g_hash_table_add(r->date_formats, GINT_TO_POINTER((int)id));
        g_free(code);
    } else if (is_open(x, "cellXfs")) {
        r->in_cellxfs = true;
    } else if (is_end(x, "cellXfs")) {
        r->in_cellxfs = false;
    } else if (is_element(x, "xf") && r->in_cellxfs && r->date_styles->len < SHEET_MAX_STRINGS) {
        gboolean date = is_date_format_id(r, attr_long(x, "numFmtId", 0));
        g_array_append_val(r->date_styles, date);
    }
}

/* "H12" -> column 8 (the row is taken from <row>); false when not a reference. */
static bool column_of_ref(const char *ref, long *col)
{
    long c = 0;
    int letters = 0;
    for (; g_ascii_isalpha(*ref); ref++) {
        if (++letters > 3)
            return false;
        c = c * 26 + (g_ascii_toupper(*ref) - 'A' + 1);
    }
    if (letters == 0)
        return false;
    *col = c;
    return true;
}

/* A serial day number as shown by a date format: the ISO day, or NULL. g_free. */
static gchar *serial_to_iso(const reader *r, const char *value)
{
    char *end;
    double serial = g_ascii_strtod(value, &end);
    if (end == value || *end != '\0')
        return NULL;
    rr_date day = date_from_serial(serial, r->date1904);
    if (day == RR_DATE_NONE)
        return NULL;
    char buf[16];
    date_format_iso(day, buf, sizeof buf);
    return g_strdup(buf);
}

/* A number as people write it: integers without ".0", others to 15 digits. g_free. */
static gchar *number_text(const char *value)
{
    char *end;
    double v = g_ascii_strtod(value, &end);
    if (end == value || *end != '\0')
        return g_strdup(value);
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
        return g_strdup_printf("%lld", (long long)v);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, "%.15g", v));
}

/* The text of the cell just read, by its type and style. */
static void xlsx_cell_end(reader *r)
{
    const char *type = r->cell_type;
    gchar *text = NULL;
    if (strcmp(type, "s") == 0) {
        char *end;
        long long i = g_ascii_strtoll(r->text->str, &end, 10);
        if (end == r->text->str || *end || i < 0 || i >= (long long)r->strings->len) {
            cell_error(r, tr("de cel verwijst naar tekst %s die niet in het bestand staat; "
                             "sla het bestand opnieuw op",
                             "the cell refers to text %s that is not in the file; save the "
                             "file again"),
                       r->text->str);
            return;
        }
        const char *shared = g_ptr_array_index(r->strings, (guint)i);
        if (*shared) /* not copied: a bomb points thousands of cells at one huge text */
            set_cell(r, shared);
        return;
    } else if (strcmp(type, "d") == 0) {
        text = g_strndup(r->text->str, 10); /* ISO 8601: the day */
    } else if (strcmp(type, "n") == 0 || type[0] == '\0') {
        bool date = r->style >= 0 && (guint)r->style < r->date_styles->len &&
                    g_array_index(r->date_styles, gboolean, r->style);
        text = date ? serial_to_iso(r, r->text->str) : NULL;
        if (!text)
            text = number_text(r->text->str);
    } else { /* str, inlineStr, b, e: the text as stored */
        text = g_strdup(r->text->str);
    }
    if (*text)
        set_cell(r, text);
    g_free(text);
}

static void xlsx_cell_start(reader *r, xmlTextReaderPtr x)
{
    gchar *ref = attr(x, "r");
    long col = r->col + 1;
    if (ref && !column_of_ref(ref, &col)) {
        r->col++;
        cell_error(r, tr("celverwijzing '%s' is ongeldig; sla het bestand opnieuw op",
                         "cell reference '%s' is not valid; save the file again"),
                   ref);
    }
    g_free(ref);
    r->col = col;
    gchar *type = attr(x, "t");
    g_strlcpy(r->cell_type, type ? type : "", sizeof r->cell_type);
    g_free(type);
    r->style = attr_long(x, "s", -1);
    g_string_truncate(r->text, 0);
    r->in_cell = !xmlTextReaderIsEmptyElement(x);
}

/* A row that starts inside a cell: no program writes one, and taking it would put
 * the cell before column A. */
static void row_in_cell(reader *r)
{
    cell_error(r, tr("er begint een rij binnen deze cel; het bestand is beschadigd: open het "
                     "en sla het opnieuw op als .xlsx",
                     "a row starts inside this cell; the file is damaged: open it and save it "
                     "again as .xlsx"));
}

static void xlsx_sheet_node(reader *r, xmlTextReaderPtr x)
{
    if ((is_element(x, "row") || is_end(x, "row")) && r->in_cell) {
        row_in_cell(r);
    } else if (is_element(x, "row")) {
        clear_row(r);
        r->row = attr_long(x, "r", r->row + 1);
    } else if (is_end(x, "row")) {
        deliver_row(r);
        clear_row(r);
    } else if (is_element(x, "c")) {
        xlsx_cell_start(r, x);
    } else if (is_end(x, "c")) {
        r->in_cell = false;
        xlsx_cell_end(r);
    } else if (is_open(x, "v")) {
        r->in_value = true;
    } else if (is_end(x, "v")) {
        r->in_value = false;
    } else if (is_open(x, "t")) {
        r->in_t = true;
    } else if (is_end(x, "t")) {
        r->in_t = false;
    } else if (is_open(x, "rPh")) {
        r->in_rph = true;
    } else if (is_end(x, "rPh")) {
        r->in_rph = false;
    } else if (is_text(x) && r->in_cell && (r->in_value || (r->in_t && !r->in_rph))) {
        append_node_text(r, x);
    }
}

/* Reads an .xlsx; returns 0 when the archive is no .xlsx (no xl/workbook.xml). */
static int read_xlsx(reader *r)
{
    int found = read_part(r, "xl/workbook.xml", xlsx_workbook_node);
    if (found <= 0)
        return found;
    if (!r->sheet)
        return 1; /* the caller names the sheets there are */
    if (read_part(r, "xl/_rels/workbook.xml.rels", xlsx_rels_node) < 0)
        return -1;
    if (!r->sheet_id || !g_str_has_prefix(r->sheet_id, "xl/")) {
        broken(r, "xl/_rels/workbook.xml.rels");
        return -1;
    }
    if (read_part(r, "xl/sharedStrings.xml", xlsx_strings_node) < 0 ||
        read_part(r, "xl/styles.xml", xlsx_styles_node) < 0)
        return -1;
    diag_list_set_sheet(r->diags, r->path, r->sheet);
    r->row = 0;
    int sheet = read_part(r, r->sheet_id, xlsx_sheet_node);
    if (sheet == 0)
        broken(r, r->sheet_id);
    return sheet == 0 ? -1 : sheet;
}

/* ---- .ods --------------------------------------------------------------------------- */

static void ods_cell_start(reader *r, xmlTextReaderPtr x)
{
    r->col++;
    r->cell_repeat = attr_long(x, "number-columns-repeated", 1);
    if (r->cell_repeat < 1)
        r->cell_repeat = 1;
    gchar *type = attr(x, "value-type");
    g_strlcpy(r->cell_type, type ? type : "", sizeof r->cell_type);
    g_free(type);
    g_free(r->date_value);
    r->date_value = strcmp(r->cell_type, "date") == 0 ? attr(x, "date-value") : NULL;
    g_string_truncate(r->text, 0);
    r->paragraphs = 0;
    r->in_cell = !xmlTextReaderIsEmptyElement(x);
}

/* The cell just read: a date cell as its ISO day, others as shown; repeated cells
 * filled in (empty ones only counted). */
static void ods_cell_end(reader *r)
{
    r->in_cell = false;
    const char *text = r->text->str;
    if (r->date_value && strlen(r->date_value) >= 10)
        text = g_strndup(r->date_value, 10);
    bool empty = *text == '\0';
    for (long i = 0; i < r->cell_repeat && !empty && !r->failed; i++, r->col++)
        set_cell(r, text);
    if (empty)
        r->col += r->cell_repeat;
    r->col--; /* ods_cell_start steps to the next */
    if (text != r->text->str)
        g_free((gchar *)text);
}

/* A repeated row with content is passed once per repeat (within SHEET_MAX_ROWS). */
static void ods_row_end(reader *r)
{
    bool any = false;
    for (guint i = 0; i < r->fields->len && !any; i++)
        any = *(const char *)r->fields->pdata[i] != '\0';
    size_t row_bytes = 0;
    for (guint i = 0; i < r->fields->len; i++)
        row_bytes += strlen(r->fields->pdata[i]);
    for (long i = 0; any && i < r->row_repeat && !r->failed; i++, r->row++)
        if (i == 0 || within_text_limit(r, row_bytes)) /* the first counted by set_cell */
            deliver_row(r);
    clear_row(r);
}

/* Text inside a cell: paragraphs on lines, <text:s/> spaces, tabs, line breaks; notes
 * (office:annotation) left out. */
static void ods_text_node(reader *r, xmlTextReaderPtr x)
{
    if (is_element(x, "p") || is_element(x, "h")) {
        if (r->paragraphs++ > 0)
            append_text(r, "\n", 1);
    } else if (is_element(x, "s")) {
        long n = attr_long(x, "c", 1);
        for (long i = 0; i < n && i < 1000 && !r->failed; i++)
            append_text(r, " ", 1);
    } else if (is_element(x, "tab")) {
        append_text(r, "\t", 1);
    } else if (is_element(x, "line-break")) {
        append_text(r, "\n", 1);
    } else if (is_text(x)) {
        append_node_text(r, x);
    }
}

static void ods_node(reader *r, xmlTextReaderPtr x)
{
    if (is_element(x, "table") && !r->in_table && !r->sheet) {
        gchar *name = attr(x, "name");
        on_sheet_name(r, name ? name : "");
        if (name && wanted_sheet(r, name) && !xmlTextReaderIsEmptyElement(x)) {
            r->sheet = g_strdup(name);
            r->in_table = true;
            r->table_depth = xmlTextReaderDepth(x);
            r->next_row = 1;
            diag_list_set_sheet(r->diags, r->path, r->sheet);
        }
        g_free(name);
    } else if (!r->in_table) {
        return;
    } else if (is_end(x, "table") && xmlTextReaderDepth(x) == r->table_depth) {
        r->in_table = false;
    } else if ((is_element(x, "table-row") || is_end(x, "table-row")) && r->in_cell) {
        row_in_cell(r);
    } else if (is_element(x, "table-row")) {
        clear_row(r);
        r->row = r->next_row;
        r->row_repeat = attr_long(x, "number-rows-repeated", 1);
        r->row_repeat = r->row_repeat < 1 ? 1 : r->row_repeat;
        r->next_row = r->row + r->row_repeat;
        if (xmlTextReaderIsEmptyElement(x))
            ods_row_end(r);
    } else if (is_end(x, "table-row")) {
        ods_row_end(r);
    } else if (is_element(x, "table-cell") || is_element(x, "covered-table-cell")) {
        ods_cell_start(r, x);
        if (!r->in_cell)
            ods_cell_end(r);
    } else if (is_end(x, "table-cell") || is_end(x, "covered-table-cell")) {
        ods_cell_end(r);
    } else if (is_open(x, "annotation")) {
        r->in_note = true;
    } else if (is_end(x, "annotation")) {
        r->in_note = false;
    } else if (r->in_cell && !r->in_note) {
        ods_text_node(r, x);
    }
}

/* ---- the whole ---------------------------------------------------------------------- */

bool sheetread_is_sheet_file(const char *name)
{
    return g_str_has_suffix(name, ".xlsx") || g_str_has_suffix(name, ".ods");
}

static void read_workbook(reader *r)
{
    if (!parts_within_limit(r))
        return;
    int xlsx = read_xlsx(r);
    if (xlsx == 0 && read_part(r, "content.xml", ods_node) == 0)
        broken(r, tr("geen xl/workbook.xml of content.xml", "no xl/workbook.xml or content.xml"));
    if (!r->failed && !r->sheet) {
        GString *wanted = g_string_new(NULL);
        for (const char *const *w = r->wanted; *w; w++)
            g_string_append_printf(wanted, "%s'%s'", wanted->len ? tr(" of ", " or ") : "", *w);
        file_error(r, tr("het bestand heeft geen blad %s (wel: %s); vul het blad Voortgang van "
                         "het formulier in en laat de naam staan",
                         "the file has no sheet %s (it has: %s); fill in the form's Voortgang "
                         "sheet and keep its name"),
                   wanted->str, r->sheet_names->len ? r->sheet_names->str : "-");
        g_string_free(wanted, TRUE);
    }
}

rr_error sheetread_buffer(const char *path, const char *bytes, size_t size,
                          const char *const *sheet_names, csvread_row_fn on_row, void *ctx,
                          diag_list *diags, csvread_info *info)
{
    reader r = {.path = path, .bytes = bytes, .size = size, .wanted = sheet_names,
                .diags = diags, .on_row = on_row, .ctx = ctx};
    r.fields = g_ptr_array_new_with_free_func(g_free);
    r.text = g_string_new(NULL);
    r.sheet_names = g_string_new(NULL);
    r.strings = g_ptr_array_new_with_free_func(g_free);
    r.date_styles = g_array_new(FALSE, FALSE, sizeof(gboolean));
    r.date_formats = g_hash_table_new(g_direct_hash, g_direct_equal);
    read_workbook(&r);
    if (info) {
        memset(info, 0, sizeof *info);
        info->bytes = size;
        info->rows = r.rows > 0 ? r.rows - 1 : 0; /* the header is not a data row */
        gchar *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, size);
        g_strlcpy(info->sha256, sha, sizeof info->sha256);
        g_free(sha);
    }
    g_ptr_array_free(r.fields, TRUE);
    g_string_free(r.text, TRUE);
    g_string_free(r.sheet_names, TRUE);
    g_ptr_array_free(r.strings, TRUE);
    g_array_free(r.date_styles, TRUE);
    g_hash_table_destroy(r.date_formats);
    g_free(r.sheet);
    g_free(r.sheet_id);
    g_free(r.date_value);
    return RR_OK;
}

rr_error sheetread_file(const char *path, const char *const *sheet_names, csvread_row_fn on_row,
                        void *ctx, diag_list *diags, csvread_info *info)
{
    /* Read once through base/infile (a FIFO cannot block it, a folder or device is
     * named): libarchive then goes through the parts in memory, four or five times,
     * without touching the file again. */
    char *content;
    size_t size;
    switch (infile_read(path, SHEET_MAX_FILE_BYTES,
                        tr("zet hier het ingevulde formulier (.xlsx of .ods) neer, of geef dit "
                           "een andere naam",
                           "put the filled-in form (.xlsx or .ods) here, or give this another "
                           "name"),
                        &content, &size, diags)) {
    case INFILE_FAILED:
        return RR_ERR_READ;
    case INFILE_TOO_BIG:
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand is groter dan %zu MiB; een ingevuld formulier is veel kleiner: "
                    "sla alleen het blad Voortgang op",
                    "file is larger than %zu MiB; a filled-in form is much smaller: save only "
                    "the Voortgang sheet"),
                 SHEET_MAX_FILE_BYTES / (1024 * 1024));
        return RR_OK;
    case INFILE_OK:
        break;
    }
    rr_error err =
        sheetread_buffer(path, content, size, sheet_names, on_row, ctx, diags, info);
    g_free(content);
    return err;
}
