/* xlsx_facts.c - parses the facts tests/xlsx_facts.py prints (see xlsx_facts.h). */
#include "xlsx_facts.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include "testutil.h"

struct xf_book {
    GPtrArray *lines;      /* gchar**: every fact's fields, unescaped; owns the strings */
    GPtrArray *sheets;     /* xf_sheet* */
    GPtrArray *tables;     /* xf_table* */
    GPtrArray *texts;      /* gchar** of "text" facts */
    GPtrArray *notes;      /* gchar** of "note" facts */
    GPtrArray *validations;/* gchar** of "validation" facts */
    GPtrArray *charts;     /* xf_chart* */
    GHashTable *sheet_texts; /* sheet name -> GPtrArray of xf_row* */
    char *sheet_names;
    long formulas;
};

/* Undoes the script's escapes (\\, \t, \n, \r) in place. */
static void unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static xf_row *new_row(long number, gchar **cells)
{
    xf_row *r = g_new(xf_row, 1);
    r->row = number;
    r->cells = cells;
    return r;
}

static void free_table(gpointer p)
{
    xf_table *t = p;
    g_free(t->names);
    g_ptr_array_free(t->rows, TRUE);
    g_free(t);
}

/* The table of `sheet` with that header row (the last one read). */
static xf_table *table_at(xf_book *b, const char *sheet, long header_row)
{
    for (guint i = b->tables->len; i > 0; i--) {
        xf_table *t = g_ptr_array_index(b->tables, i - 1);
        if (t->header_row == header_row && strcmp(t->sheet, sheet) == 0)
            return t;
    }
    return NULL;
}

static void add_sheet(xf_book *b, gchar **f)
{
    ck_assert_msg(g_strv_length(f) == 12, "xlsx_facts.py: bad sheet fact");
    xf_sheet *s = g_new0(xf_sheet, 1);
    s->name = f[1];
    s->max_row = atol(f[2]);
    s->orientation = f[3];
    s->paper = f[4];
    s->fit = f[5];
    s->autofilter = f[6];
    s->freeze = f[7];
    s->footer_left = f[8];
    s->footer = f[9];
    s->footer_right = f[10];
    s->charts = atoi(f[11]);
    s->title_rows = "";
    s->headers_touching_names = "";
    g_ptr_array_add(b->sheets, s);
}

/* The sheet a layout fact is about: the last one read. */
static xf_sheet *last_sheet(xf_book *b, const char *name)
{
    ck_assert_msg(b->sheets->len > 0, "xlsx_facts.py: a layout fact before its sheet");
    xf_sheet *s = g_ptr_array_index(b->sheets, b->sheets->len - 1);
    ck_assert_str_eq(s->name, name);
    return s;
}

/* The drawings, print and filter facts of the last sheet. */
static bool add_layout(xf_book *b, gchar **f, guint n)
{
    if (strcmp(f[0], "drawings") == 0 && n == 4) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->drawings = atoi(f[2]);
        s->overlaps = atoi(f[3]);
    } else if (strcmp(f[0], "print") == 0 && n == 5) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->print_scale = atoi(f[2]);
        s->title_rows = f[4];
    } else if (strcmp(f[0], "filter") == 0 && n == 6) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->filter_empty_rows = atoi(f[3]);
        s->filter_cells_below = atoi(f[4]);
        s->filter_frozen = strcmp(f[5], "True") == 0;
    } else if (strcmp(f[0], "lowrows") == 0 && n == 4) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->rows_too_low = atoi(f[2]);
        s->first_low_row = f[3];
    } else if (strcmp(f[0], "brokenwords") == 0 && n == 4) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->header_words_broken = atoi(f[2]);
        s->header_words_broken_names = f[3];
    } else if (strcmp(f[0], "headers") == 0 && n == 4) {
        xf_sheet *s = last_sheet(b, f[1]);
        s->headers_touching = atoi(f[2]);
        s->headers_touching_names = f[3];
    } else {
        return false;
    }
    return true;
}

/* Files one fact (its fields, owned by b->lines) under its kind. */
static void add_fact(xf_book *b, gchar **f)
{
    guint n = g_strv_length(f);
    if (add_layout(b, f, n))
        return;
    if (strcmp(f[0], "sheet") == 0) {
        add_sheet(b, f);
    } else if (strcmp(f[0], "table") == 0 && n >= 3) {
        xf_table *t = g_new0(xf_table, 1);
        t->sheet = f[1];
        t->header_row = atol(f[2]);
        t->header = f + 3;
        t->names = g_new0(const char *, n - 2);
        for (guint i = 3; i < n; i++) {
            const char *colon = strchr(f[i], ':');
            ck_assert_msg(colon, "xlsx_facts.py: bad header cell '%s'", f[i]);
            t->names[i - 3] = colon + 1;
        }
        t->rows = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(b->tables, t);
    } else if (strcmp(f[0], "row") == 0 && n >= 4) {
        xf_table *t = table_at(b, f[1], atol(f[2]));
        ck_assert_msg(t, "xlsx_facts.py: a row of %s before its header", f[1]);
        g_ptr_array_add(t->rows, new_row(atol(f[3]), f + 4));
    } else if (strcmp(f[0], "text") == 0 && n >= 3) {
        GPtrArray *list = g_hash_table_lookup(b->sheet_texts, f[1]);
        if (!list) {
            list = g_ptr_array_new_with_free_func(g_free);
            g_hash_table_insert(b->sheet_texts, f[1], list);
        }
        g_ptr_array_add(list, new_row(atol(f[2]), f + 3));
    } else if (strcmp(f[0], "note") == 0 && n == 4) {
        g_ptr_array_add(b->notes, f);
    } else if (strcmp(f[0], "chart") == 0 && n == 6) {
        xf_chart *chart = g_new0(xf_chart, 1);
        *chart = (xf_chart){.sheet = f[1], .title = f[2], .series = atoi(f[3]),
                            .major_unit = f[4], .min = f[5]};
        g_ptr_array_add(b->charts, chart);
    } else if (strcmp(f[0], "validation") == 0 && n == 5) {
        g_ptr_array_add(b->validations, f);
    } else if (strcmp(f[0], "formulas") == 0 && n == 2) {
        b->formulas = atol(f[1]);
    }
}

xf_book *xf_read(const char *xlsx)
{
    const char *argv[] = {"/usr/bin/python3", "tests/xlsx_facts.py", xlsx, NULL};
    char *out = tu_spawn_output(argv);
    xf_book *b = xf_parse(out);
    g_free(out);
    return b;
}

/* Runs `script` (one of the Python readers in tests/) on `xlsx`: its output
 * (g_free), or NULL with *error saying why (g_free). */
static char *run_reader(const char *script, const char *xlsx, char **error)
{
    const char *argv[] = {"/usr/bin/python3", script, xlsx, NULL};
    char *out = NULL, *err = NULL;
    int status = -1;
    GError *e = NULL;
    *error = NULL;
    if (!g_spawn_sync(NULL, (gchar **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                      &status, &e)) {
        *error = g_strdup(e->message);
        g_error_free(e);
        return NULL;
    }
    if (!g_spawn_check_wait_status(status, NULL)) {
        *error = g_strdup_printf("%s %s failed:\n%s", script, xlsx, err);
        g_free(out);
        out = NULL;
    }
    g_free(err);
    return out;
}

char *xf_facts_text(const char *xlsx, char **error)
{
    return run_reader("tests/xlsx_facts.py", xlsx, error);
}

xf_book *xf_parse(const char *out)
{
    xf_book *b = g_new0(xf_book, 1);
    b->lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    b->sheets = g_ptr_array_new_with_free_func(g_free);
    b->tables = g_ptr_array_new_with_free_func(free_table);
    b->notes = g_ptr_array_new();
    b->validations = g_ptr_array_new();
    b->charts = g_ptr_array_new_with_free_func(g_free);
    b->sheet_texts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)g_ptr_array_unref);
    b->formulas = -1;
    gchar **lines = g_strsplit(out, "\n", -1);
    for (gchar **l = lines; *l; l++) {
        if (!**l)
            continue;
        gchar **f = g_strsplit(*l, "\t", -1);
        for (gchar **p = f; *p; p++)
            unescape(*p);
        g_ptr_array_add(b->lines, f);
        add_fact(b, f);
    }
    g_strfreev(lines);
    ck_assert_msg(b->formulas >= 0, "xlsx_facts.py printed no formula count");
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < b->sheets->len; i++)
        g_string_append_printf(names, "%s%s", i ? "," : "",
                               ((xf_sheet *)g_ptr_array_index(b->sheets, i))->name);
    b->sheet_names = g_string_free(names, FALSE);
    return b;
}

void xf_free(xf_book *b)
{
    if (!b)
        return;
    g_ptr_array_free(b->sheets, TRUE);
    g_ptr_array_free(b->tables, TRUE);
    g_ptr_array_free(b->notes, TRUE);
    g_ptr_array_free(b->validations, TRUE);
    g_ptr_array_free(b->charts, TRUE);
    g_hash_table_destroy(b->sheet_texts);
    g_ptr_array_free(b->lines, TRUE);
    g_free(b->sheet_names);
    g_free(b);
}

size_t xf_sheet_count(const xf_book *b)
{
    return b->sheets->len;
}

const xf_sheet *xf_sheet_at(const xf_book *b, size_t i)
{
    ck_assert_uint_lt(i, b->sheets->len);
    return g_ptr_array_index(b->sheets, i);
}

const char *xf_sheet_names(const xf_book *b)
{
    return b->sheet_names;
}

const xf_sheet *xf_sheet_get(const xf_book *b, const char *name)
{
    for (guint i = 0; i < b->sheets->len; i++) {
        const xf_sheet *s = g_ptr_array_index(b->sheets, i);
        if (strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

char *xf_header_text(const xf_table *t)
{
    return g_strjoinv(",", (gchar **)t->names);
}

bool xf_has_column(const xf_table *t, const char *name)
{
    return g_strv_contains(t->names, name);
}

int xf_column(const xf_table *t, const char *name)
{
    for (int i = 0; t->names[i]; i++)
        if (strcmp(t->names[i], name) == 0)
            return i;
    char *header = xf_header_text(t);
    ck_abort_msg("sheet %s (header row %ld) has no column '%s'; its columns: %s", t->sheet,
                 t->header_row, name, header);
    g_free(header);
    return -1;
}

const xf_table *xf_table_find(const xf_book *b, const char *sheet, const char *column)
{
    for (guint i = 0; i < b->tables->len; i++) {
        const xf_table *t = g_ptr_array_index(b->tables, i);
        if (strcmp(t->sheet, sheet) == 0 && xf_has_column(t, column))
            return t;
    }
    return NULL;
}

size_t xf_table_count(const xf_book *b, const char *sheet)
{
    size_t n = 0;
    for (guint i = 0; i < b->tables->len; i++)
        n += strcmp(((const xf_table *)g_ptr_array_index(b->tables, i))->sheet, sheet) == 0;
    return n;
}

const xf_table *xf_table_with_header(const xf_book *b, const char *sheet, const char *header)
{
    for (guint i = 0; i < b->tables->len; i++) {
        const xf_table *t = g_ptr_array_index(b->tables, i);
        char *text = strcmp(t->sheet, sheet) == 0 ? xf_header_text(t) : NULL;
        bool same = text && strcmp(text, header) == 0;
        g_free(text);
        if (same)
            return t;
    }
    ck_abort_msg("no table with header %s on %s", header, sheet);
    return NULL;
}

const xf_table *xf_table_get(const xf_book *b, const char *sheet, const char *column)
{
    const xf_table *t = xf_table_find(b, sheet, column);
    if (t)
        return t;
    GString *tables = g_string_new(NULL);
    for (guint i = 0; i < b->tables->len; i++) {
        const xf_table *o = g_ptr_array_index(b->tables, i);
        if (strcmp(o->sheet, sheet) == 0) {
            char *header = xf_header_text(o);
            g_string_append_printf(tables, "\n  row %ld: %s", o->header_row, header);
            g_free(header);
        }
    }
    ck_abort_msg("no table with a column '%s' on sheet '%s' (sheets: %s); its tables:%s",
                 column, sheet, b->sheet_names, tables->len ? tables->str : " none");
    g_string_free(tables, TRUE);
    return NULL;
}

size_t xf_row_count(const xf_table *t)
{
    return t->rows->len;
}

const xf_row *xf_row_at(const xf_table *t, size_t i)
{
    ck_assert_uint_lt(i, t->rows->len);
    return g_ptr_array_index(t->rows, i);
}

xf_cell xf_cell_at(const xf_row *row, size_t i)
{
    xf_cell c = {'-', false, false, "", ""};
    if (i >= g_strv_length(row->cells))
        return c;
    const char *field = row->cells[i];
    const char *colon = strchr(field, ':');
    ck_assert_msg(colon && colon > field, "xlsx_facts.py: bad cell '%s'", field);
    c.type = field[0];
    c.value = colon + 1;
    for (const char *p = field + 1; p < colon; p++) {
        if (*p == 'b')
            c.bold = true;
        if (*p == ',')
            c.grouped = true;
        if (*p == '#' && colon - p >= 7) {
            memcpy(c.fill, p, 7);
            c.fill[7] = '\0';
            p += 6;
        }
    }
    return c;
}

xf_cell xf_header_cell(const xf_table *t, const char *column)
{
    xf_row header = {t->header_row, t->header};
    return xf_cell_at(&header, (size_t)xf_column(t, column));
}

xf_cell xf_get(const xf_table *t, const xf_row *row, const char *column)
{
    return xf_cell_at(row, (size_t)xf_column(t, column));
}

const char *xf_value(const xf_table *t, const xf_row *row, const char *column)
{
    return xf_get(t, row, column).value;
}

/* Whether a row matches name/value pairs. */
static bool row_matches(const xf_table *t, const xf_row *row, va_list pairs)
{
    va_list ap;
    va_copy(ap, pairs);
    bool match = true;
    const char *column;
    while (match && (column = va_arg(ap, const char *)) != NULL) {
        const char *value = va_arg(ap, const char *);
        match = strcmp(xf_value(t, row, column), value) == 0;
    }
    va_end(ap);
    return match;
}

static const xf_row *find_row(const xf_table *t, va_list pairs)
{
    for (guint i = 0; i < t->rows->len; i++) {
        const xf_row *row = g_ptr_array_index(t->rows, i);
        if (row_matches(t, row, pairs))
            return row;
    }
    return NULL;
}

const xf_row *xf_find(const xf_table *t, ...)
{
    va_list ap;
    va_start(ap, t);
    const xf_row *row = find_row(t, ap);
    va_end(ap);
    return row;
}

/* The pairs as "name=value, ..." and the table's rows, for a failure message. */
static char *describe_miss(const xf_table *t, va_list pairs)
{
    GString *s = g_string_new(NULL);
    const char *column;
    while ((column = va_arg(pairs, const char *)) != NULL)
        g_string_append_printf(s, "%s='%s' ", column, va_arg(pairs, const char *));
    char *header = xf_header_text(t);
    g_string_append_printf(s, "\nheader: %s", header);
    g_free(header);
    /* Check cuts failure messages at 4 KB: the first rows, each cut short. */
    for (guint i = 0; i < t->rows->len && s->len < 3000; i++) {
        const xf_row *row = g_ptr_array_index(t->rows, i);
        char *cells = g_strjoinv(" | ", row->cells);
        g_string_append_printf(s, "\nrow %ld: %.150s", row->row, cells);
        g_free(cells);
    }
    return g_string_free(s, FALSE);
}

const xf_row *xf_get_row(const xf_table *t, ...)
{
    va_list ap;
    va_start(ap, t);
    const xf_row *row = find_row(t, ap);
    va_end(ap);
    if (row)
        return row;
    va_start(ap, t);
    char *what = describe_miss(t, ap);
    va_end(ap);
    ck_abort_msg("sheet %s has no row with %.3500s", t->sheet, what);
    g_free(what);
    return NULL;
}

const xf_row *xf_find_containing(const xf_table *t, const char *column, const char *needle)
{
    int col = xf_column(t, column);
    for (guint i = 0; i < t->rows->len; i++) {
        const xf_row *row = g_ptr_array_index(t->rows, i);
        if (strstr(xf_cell_at(row, (size_t)col).value, needle))
            return row;
    }
    return NULL;
}

size_t xf_count(const xf_table *t, const char *column, const char *value)
{
    int col = xf_column(t, column);
    size_t n = 0;
    for (guint i = 0; i < t->rows->len; i++)
        n += strcmp(xf_cell_at(g_ptr_array_index(t->rows, i), (size_t)col).value, value) == 0;
    return n;
}

char *xf_check_text(const xf_table *t, const xf_row *row, const char *column, const char *want)
{
    xf_cell c = xf_get(t, row, column);
    if (strcmp(c.value, want) == 0 && (want[0] == '\0' || c.type == 's'))
        return NULL;
    return g_strdup_printf("%s row %ld, column '%s': got %c:'%.500s', want text '%.500s'",
                           t->sheet, row->row, column, c.type, c.value, want);
}

char *xf_check_number(const xf_table *t, const xf_row *row, const char *column, double want)
{
    xf_cell c = xf_get(t, row, column);
    double got = c.type == 'n' ? g_ascii_strtod(c.value, NULL) : NAN;
    if (c.type == 'n' && fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want)))
        return NULL;
    return g_strdup_printf("%s row %ld, column '%s': got %c:'%.500s', want the number %g",
                           t->sheet, row->row, column, c.type, c.value, want);
}

char *xf_check_date(const xf_table *t, const xf_row *row, const char *column, rr_date want)
{
    xf_cell c = xf_get(t, row, column);
    char iso[16];
    date_format_iso(want, iso, sizeof iso);
    if (want == RR_DATE_NONE ? c.type == '-' : c.type == 'd' && strcmp(c.value, iso) == 0)
        return NULL;
    return g_strdup_printf("%s row %ld, column '%s': got %c:'%.500s', want %s", t->sheet,
                           row->row, column, c.type, c.value,
                           want == RR_DATE_NONE ? "an empty cell" : iso);
}

const char *xf_note(const xf_book *b, const char *sheet, const char *needle)
{
    for (guint i = 0; i < b->notes->len; i++) {
        gchar **f = g_ptr_array_index(b->notes, i);
        if (strcmp(f[1], sheet) == 0 && strstr(f[3], needle))
            return f[3];
    }
    return NULL;
}

const GPtrArray *xf_texts(const xf_book *b, const char *sheet)
{
    static GPtrArray *none;
    if (!none)
        none = g_ptr_array_new();
    const GPtrArray *list = g_hash_table_lookup(b->sheet_texts, sheet);
    return list ? list : none;
}

const xf_row *xf_text_row(const xf_book *b, const char *sheet, const char *label)
{
    const GPtrArray *list = xf_texts(b, sheet);
    for (guint i = 0; i < list->len; i++) {
        const xf_row *row = g_ptr_array_index(list, i);
        if (strcmp(xf_cell_at(row, 0).value, label) == 0)
            return row;
    }
    return NULL;
}

const char *xf_text_value(const xf_book *b, const char *sheet, const char *label)
{
    const xf_row *row = xf_text_row(b, sheet, label);
    for (size_t i = 1; row && row->cells[i - 1] && row->cells[i]; i++) {
        xf_cell c = xf_cell_at(row, i);
        if (c.type != '-')
            return c.value;
    }
    return NULL;
}

bool xf_book_has_text(const xf_book *b, const char *needle)
{
    /* Every fact that carries cell text: row, text and note lines, and table headers. */
    for (guint i = 0; i < b->lines->len; i++) {
        gchar **f = g_ptr_array_index(b->lines, i);
        bool cells = strcmp(f[0], "row") == 0 || strcmp(f[0], "text") == 0 ||
                     strcmp(f[0], "note") == 0 || strcmp(f[0], "table") == 0;
        for (gchar **field = f + 2; cells && *field; field++)
            if (strstr(*field, needle))
                return true;
    }
    return false;
}

long xf_formula_count(const xf_book *b)
{
    return b->formulas;
}

size_t xf_chart_count(const xf_book *b)
{
    return b->charts->len;
}

const xf_chart *xf_chart_at(const xf_book *b, size_t i)
{
    return i < b->charts->len ? g_ptr_array_index(b->charts, i) : NULL;
}

bool xf_validation(const xf_book *b, const char *sheet, const char *type, const char **range,
                   const char **formula)
{
    for (guint i = 0; i < b->validations->len; i++) {
        gchar **f = g_ptr_array_index(b->validations, i);
        if (strcmp(f[1], sheet) == 0 && strcmp(f[2], type) == 0) {
            if (range)
                *range = f[3];
            if (formula)
                *formula = f[4];
            return true;
        }
    }
    return false;
}

/* ---- the workbook as printed ------------------------------------------------------ */

struct xf_print {
    GPtrArray *pages; /* xf_page*, owned with their strings */
    GPtrArray *lines; /* the split lines the pages point into */
};

char *xf_render_text(const char *xlsx, char **error)
{
    return run_reader("tests/render_facts.py", xlsx, error);
}

xf_print *xf_print_parse(const char *text)
{
    xf_print *p = g_new0(xf_print, 1);
    p->pages = g_ptr_array_new_with_free_func(g_free);
    p->lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    gchar **lines = g_strsplit(text ? text : "", "\n", -1);
    for (gchar **l = lines; *l; l++) {
        gchar **f = g_strsplit(*l, "\t", 7);
        if (g_strv_length(f) < 5 || strcmp(f[0], "page") != 0) {
            g_strfreev(f);
            continue;
        }
        g_ptr_array_add(p->lines, f);
        xf_page *page = g_new0(xf_page, 1);
        page->number = atoi(f[1]);
        page->sheet = f[2];
        page->body_pt = g_ascii_strtod(f[3], NULL);
        page->smallest_pt = g_ascii_strtod(f[4], NULL);
        page->header = f[5] ? f[5] : "";
        page->hashes = f[5] && f[6] ? atoi(f[6]) : 0;
        g_ptr_array_add(p->pages, page);
    }
    g_strfreev(lines);
    return p;
}

void xf_print_free(xf_print *print)
{
    if (!print)
        return;
    g_ptr_array_free(print->pages, TRUE);
    g_ptr_array_free(print->lines, TRUE);
    g_free(print);
}

size_t xf_page_count(const xf_print *print)
{
    return print->pages->len;
}

const xf_page *xf_page_at(const xf_print *print, size_t i)
{
    return g_ptr_array_index(print->pages, i);
}
