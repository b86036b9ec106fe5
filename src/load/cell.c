/* cell.c - one cell of a data row: its text, its place for messages, and the typed
 * values people write in it (ids, periods, dates, years, counts, figures). The
 * schemas (schema.c) read their rows through these. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "load/load_int.h"

/* The text of a cell, "" when the column or the field is absent. */
const char *cell_raw(const record *r, int column)
{
    int field = r->map[column];
    if (field < 0 || (size_t)field >= r->row->count)
        return "";
    return r->row->fields[field];
}

/* Where a cell is; a missing cell points at the row's start. */
static void cell_position(const record *r, int column, long *line, long *col)
{
    int field = r->map[column];
    if (field < 0 || (size_t)field >= r->row->count) {
        *line = r->row->line;
        *col = r->row->columns[0];
    } else {
        *line = r->row->lines[field];
        *col = r->row->columns[field];
    }
}

/* The spreadsheet letters of a 0-based field ("A", "Z", "AA"); false when they do not
 * fit in `size`. */
static bool column_letters(int field, char *buf, size_t size)
{
    char rev[8];
    size_t n = 0;
    for (int f = field + 1; f > 0 && n < sizeof rev; f = (f - 1) / 26)
        rev[n++] = (char)('A' + (f - 1) % 26);
    if (n + 1 > size)
        return false;
    for (size_t i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return true;
}

void cell_diag(loader *l, const record *r, int column, diag_severity severity, const char *fmt,
               ...)
{
    long line, col;
    cell_position(r, column, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    gchar *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* What a spreadsheet user sees beside the line: the column's letter and name. */
    int field = r->map[column];
    char letters[8];
    if (field >= 0 && column_letters(field, letters, sizeof letters))
        diag_add(l->diags, severity, l->path, line, col, "%s (%s %s, %s)", message,
                 tr("kolom", "column"), letters, l->spec->columns[column].name);
    else
        diag_add(l->diags, severity, l->path, line, col, "%s", message);
    g_free(message);
}

src_loc cell_row_loc(const loader *l, const record *r)
{
    return (src_loc){l->path, r->row->line, r->row->columns[0]};
}

src_loc cell_loc(const loader *l, const record *r, int column)
{
    src_loc loc = {l->path, 0, 0};
    cell_position(r, column, &loc.line, &loc.column);
    return loc;
}

/* Interns a cell's text. */
const char *cell_text(loader *l, const record *r, int column)
{
    return model_intern(l->model, cell_raw(r, column));
}

/* A required value: reports an empty cell and returns NULL. */
const char *cell_required_text(loader *l, const record *r, int column)
{
    const char *text = cell_raw(r, column);
    if (*text == '\0') {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("kolom '%s' is leeg; deze waarde is verplicht",
                     "column '%s' is empty; this value is required"),
                  l->spec->columns[column].name);
        return NULL;
    }
    return model_intern(l->model, text);
}

/* An id (plan_id, actie_id, codes): no spaces, '/' or '|', at most 64 bytes. */
bool load_is_valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return false;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p <= ' ' || *p == '/' || *p == '|' || *p == '"' || *p == 0x7F)
            return false;
    return true;
}

/* A required id cell; reports what is wrong and returns NULL. */
const char *cell_required_id(loader *l, const record *r, int column)
{
    const char *text = cell_required_text(l, r, column);
    if (text && !load_is_valid_id(text)) {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("'%s' is geen geldige code: schrijf haar zonder spaties, '/', '|' of '\"', "
                     "in ten hoogste 64 bytes (bijvoorbeeld 3.1.2-a)",
                     "'%s' is not a valid code: write it without spaces, '/', '|' or '\"', in at "
                     "most 64 bytes (for example 3.1.2-a)"),
                  text);
        return NULL;
    }
    return text;
}

/* A day written month first (01/25/2023, as an American export writes it) or year
 * first with slashes (2023/01/25): 1 or 2, with the day it means in the form to write
 * instead; 0 for anything else. */
static int swapped_day(const char *text, char out[16])
{
    int a, b, c;
    char s1, s2, end;
    if (sscanf(text, "%4d%c%2d%c%4d%c", &a, &s1, &b, &s2, &c, &end) != 5 || s1 != s2 ||
        (s1 != '/' && s1 != '-'))
        return 0;
    rr_date day = RR_DATE_NONE;
    int kind = 0;
    if (a > 31 && s1 == '/') /* 2023/01/25 */
        day = date_from_ymd(a, b, c), kind = 2;
    else if (a <= 12 && b > 12) /* 01/25/2023: month, day, year */
        day = date_from_ymd(c, a, b), kind = 1;
    if (day == RR_DATE_NONE)
        return 0;
    date_format_nl(day, out, 16);
    return kind;
}

/* Message for a period or date that did not parse. */
static void report_period_error(loader *l, const record *r, int column, parse_status status,
                                bool date_only)
{
    const char *text = cell_raw(r, column);
    const char *name = l->spec->columns[column].name;
    char meant[16];
    int swapped = swapped_day(text, meant);
    if (swapped) {
        cell_diag(l, r, column, DIAG_ERROR,
                  swapped == 1 ? tr("%s: '%s' zet de maand vóór de dag (Amerikaanse volgorde); "
                                    "schrijf dag-maand-jaar: %s",
                                    "%s: '%s' puts the month before the day (American order); "
                                    "write day-month-year: %s")
                               : tr("%s: '%s' zet het jaar voorop met '/'; schrijf "
                                    "dag-maand-jaar: %s",
                                    "%s: '%s' puts the year first with '/'; write "
                                    "day-month-year: %s"),
                  name, text, meant);
        return;
    }
    if (status == PARSE_ERR_YEAR) {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: het jaar in '%s' ligt niet tussen %d en %d; schrijf het jaar voluit, "
                     "bijvoorbeeld 2022",
                     "%s: the year in '%s' is not between %d and %d; write the full year, for "
                     "example 2022"),
                  name, text, RR_YEAR_MIN, RR_YEAR_MAX);
        return;
    }
    /* The other messages name the column and the text alone: one call, the text by
     * status (literals in a conditional, so the compiler still checks the formats). */
    cell_diag(l, r, column, DIAG_ERROR,
              status == PARSE_ERR_NO_SUCH_DAY
                  ? tr("%s: de datum '%s' bestaat niet; controleer dag en maand",
                       "%s: the date '%s' does not exist; check the day and month")
              : status == PARSE_ERR_CHECKMARK
                  ? tr("%s: '%s' begint met een vinkje; dat is een status: zet 'afgerond' met "
                       "deze datum in voortgang.csv en schrijf hier alleen de periode",
                       "%s: '%s' starts with a checkmark; that is a status: write 'afgerond' "
                       "with this date in voortgang.csv and only the period here")
              : status == PARSE_ERR_REVERSED
                  ? tr("%s: in '%s' ligt het einde vóór het begin; draai de twee om",
                       "%s: in '%s' the end lies before the start; swap the two")
              : date_only
                  ? tr("%s: '%s' is geen datum; schrijf bijvoorbeeld 14-02-2022, 2022-02-14 "
                       "of 14 februari 2022",
                       "%s: '%s' is not a date; write for example 14-02-2022, 2022-02-14 or "
                       "14 februari 2022")
                  : tr("%s: '%s' is geen periode; schrijf een datum (14-02-2022), maand "
                       "(februari 2022), jaar (2022), kwartaal (Q1 2023), halfjaar (H2 2022), "
                       "begin/medio/eind 2023, voorjaar/zomer/najaar 2022, twee daarvan met "
                       "'-' of 'tot' ertussen (2022-2025), of doorlopend/jaarlijks",
                       "%s: '%s' is not a period; write a date (14-02-2022), month (februari "
                       "2022), year (2022), quarter (Q1 2023), half year (H2 2022), "
                       "begin/medio/eind 2023, voorjaar/zomer/najaar 2022, two of those joined "
                       "by '-' or 'tot' (2022-2025), or doorlopend/jaarlijks"),
              name, text);
}

/* A period cell; an unparsable text is reported and marked invalid. */
period_cell cell_period(loader *l, const record *r, int column)
{
    period_cell pc = {cell_text(l, r, column), {PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE},
                      true};
    parse_status status = period_parse(pc.text, &pc.value);
    if (status != PARSE_OK) {
        report_period_error(l, r, column, status, false);
        pc.valid = false;
        pc.value = (period){PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE};
    }
    return pc;
}

/* A date cell; RR_DATE_NONE when empty or wrong (reported). */
rr_date cell_date(loader *l, const record *r, int column)
{
    const char *text = cell_raw(r, column);
    rr_date date = RR_DATE_NONE;
    if (*text == '\0')
        return date;
    parse_status status = date_parse(text, &date);
    if (status != PARSE_OK) {
        report_period_error(l, r, column, status, true);
        return RR_DATE_NONE;
    }
    return date;
}

/* A year (four digits, RR_YEAR_MIN..MAX); 0 when empty or wrong (reported). */
int cell_year(loader *l, const record *r, int column, bool required)
{
    const char *text = cell_raw(r, column);
    if (*text == '\0') {
        if (required)
            cell_required_text(l, r, column);
        return 0;
    }
    int year = 0;
    size_t n = strlen(text);
    bool digits = n == 4;
    for (size_t i = 0; digits && i < n; i++)
        digits = g_ascii_isdigit(text[i]);
    if (digits)
        year = atoi(text);
    if (!digits || year < RR_YEAR_MIN || year > RR_YEAR_MAX) {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: '%s' is geen jaartal; schrijf vier cijfers, bijvoorbeeld 2022",
                     "%s: '%s' is not a year; write four digits, for example 2022"),
                  l->spec->columns[column].name, text);
        return 0;
    }
    return year;
}

/* A count written with optional Dutch thousands dots: "51948", "51.948". */
bool cell_parse_count(const char *text, int64_t *out)
{
    int64_t value = 0;
    int digits = 0, group = -1;
    for (const char *p = text; *p; p++) {
        if (g_ascii_isdigit(*p)) {
            if (++digits > 15)
                return false;
            value = value * 10 + (*p - '0');
            if (group >= 0)
                group++;
        } else if (*p == '.' && digits > 0 && (group < 0 || group == 3)) {
            group = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || (group >= 0 && group != 3))
        return false;
    *out = value;
    return true;
}

/* A figure: digits, Dutch thousands dots ("1.234", "12.345.678") and at most one
 * decimal separator ("12,5"; "12.5" where the dot is not followed by exactly three
 * digits). Only digits and one '.' reach g_ascii_strtod. */
bool cell_parse_figure(const char *text, double *out)
{
    size_t n = strlen(text);
    if (n == 0 || n > 30 || !g_ascii_isdigit(text[0]) || !g_ascii_isdigit(text[n - 1]))
        return false;
    char clean[32];
    size_t k = 0;
    bool decimal = false;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (g_ascii_isdigit(c)) {
            clean[k++] = c;
            continue;
        }
        size_t digits_after = 0;
        while (i + 1 + digits_after < n && g_ascii_isdigit(text[i + 1 + digits_after]))
            digits_after++;
        bool grouping = c == '.' && digits_after == 3 && !decimal &&
                        (i + 4 == n || text[i + 4] == '.' || text[i + 4] == ',');
        if (grouping)
            continue;
        if ((c != ',' && c != '.') || decimal)
            return false;
        decimal = true;
        clean[k++] = '.';
    }
    clean[k] = '\0';
    *out = g_ascii_strtod(clean, NULL);
    return true;
}

/* Reports a second row with the same key in one file. */
bool cell_report_duplicate(loader *l, const record *r, int column, const char *what,
                           const src_loc *first)
{
    cell_diag(l, r, column, DIAG_ERROR,
              tr("%s '%s' komt al voor in regel %ld; geef elke rij een eigen code",
                 "%s '%s' already appears on line %ld; give every row its own code"),
              what, cell_raw(r, column), first->line);
    return false;
}
