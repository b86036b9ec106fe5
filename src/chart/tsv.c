/* tsv.c - tab-separated files for gnuplot, with every label made safe to read. */
#include "chart/tsv.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "base/i18n.h"

/* Adds the error for a data file that could not be written. */
static void report_write_error(const tsv_file *f, int error)
{
    diag_add(f->diags, DIAG_ERROR, f->path, 0, 0, "%s: %s",
             tr("kan niet worden geschreven", "cannot be written"), i18n_strerror(error));
}

rr_error tsv_open(tsv_file *f, const char *prefix, const char *suffix, diag_list *diags)
{
    f->path = g_strconcat(prefix, suffix, NULL);
    f->row_started = false;
    f->diags = diags;
    f->file = fopen(f->path, "we");
    if (f->file)
        return RR_OK;
    report_write_error(f, errno);
    g_free(f->path);
    f->path = NULL;
    return RR_ERR_WRITE;
}

/* Starts the next field of the row. */
static void next_field(tsv_file *f)
{
    if (f->row_started)
        fputc('\t', f->file);
    f->row_started = true;
}

void tsv_text(tsv_file *f, const char *text, size_t max_chars)
{
    char *label = tsv_label(text, max_chars);
    next_field(f);
    /* gnuplot reads a backslash in a field as an escape (backslash-n is a line break,
     * backslash-x is x); doubled, it reads one. */
    for (const char *p = label; *p; p++) {
        if (*p == '\\')
            fputc('\\', f->file);
        fputc(*p, f->file);
    }
    g_free(label);
}

void tsv_text_middle(tsv_file *f, const char *text, size_t max_chars)
{
    char *label = tsv_label_middle(text, max_chars);
    tsv_text(f, label, 0);
    g_free(label);
}

void tsv_num(tsv_file *f, double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    next_field(f);
    /* g_ascii_formatd: always a '.', whatever LC_NUMERIC says (gnuplot reads "3,5" as 3). */
    if (!isfinite(value))
        fputs("NaN", f->file);
    else
        fputs(g_ascii_formatd(buf, sizeof buf, "%.15g", value), f->file);
}

void tsv_int(tsv_file *f, long long value)
{
    next_field(f);
    fprintf(f->file, "%lld", value);
}

void tsv_colour(tsv_file *f, uint32_t rgb)
{
    next_field(f);
    fprintf(f->file, "#%06X", (unsigned)(rgb & 0xFFFFFF));
}

void tsv_reader_number(tsv_file *f, double value, int decimals)
{
    next_field(f);
    if (!isfinite(value))
        return;
    bool en = i18n_lang() == LANG_EN;
    char group = en ? ',' : '.', point = en ? '.' : ',';
    char buf[400]; /* "%.0f" of the largest double has 309 digits */
    g_ascii_formatd(buf, sizeof buf, decimals > 0 ? (decimals > 1 ? "%.2f" : "%.1f") : "%.0f",
                    value < 0 ? -value : value);
    char *dot = strchr(buf, '.');
    size_t int_len = dot ? (size_t)(dot - buf) : strlen(buf);
    if (value < 0)
        fputc('-', f->file);
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            fputc(group, f->file);
        fputc(buf[i], f->file);
    }
    if (dot) {
        fputc(point, f->file);
        fputs(dot + 1, f->file);
    }
}

void tsv_end_row(tsv_file *f)
{
    fputc('\n', f->file);
    f->row_started = false;
}

void tsv_end_block(tsv_file *f)
{
    fputs("\n\n", f->file);
    f->row_started = false;
}

rr_error tsv_close(tsv_file *f)
{
    if (!f->file)
        return RR_OK;
    if (f->row_started)
        tsv_end_row(f);
    bool bad = ferror(f->file) != 0;
    int error = bad ? EIO : 0;
    if (fclose(f->file) != 0 && !bad) {
        bad = true;
        error = errno;
    }
    f->file = NULL;
    if (bad)
        report_write_error(f, error);
    g_free(f->path);
    f->path = NULL;
    return bad ? RR_ERR_WRITE : RR_OK;
}

rr_error tsv_open_both(tsv_file *a, const char *suffix_a, tsv_file *b, const char *suffix_b,
                       const char *prefix, diag_list *diags)
{
    rr_error err = tsv_open(a, prefix, suffix_a, diags);
    if (err)
        return err;
    err = tsv_open(b, prefix, suffix_b, diags);
    if (err)
        tsv_close(a);
    return err;
}

rr_error tsv_close_both(tsv_file *a, tsv_file *b)
{
    rr_error err = tsv_close(a);
    rr_error second = tsv_close(b);
    return err ? err : second;
}

/* Characters that would split a row or that nobody can see: written as a space. */
static bool is_control(gunichar c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029;
}

char *tsv_label(const char *text, size_t max_chars)
{
    char *valid = g_utf8_make_valid(text ? text : "", -1);
    GString *out = g_string_sized_new(strlen(valid) + 8);
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        char last = out->len ? out->str[out->len - 1] : ' ';
        if (is_control(c)) {
            if (last != ' ')
                g_string_append_c(out, ' ');
        } else if (c == '"') {
            /* Opening after a space or bracket, closing elsewhere: “like this”. */
            bool opening = last == ' ' || last == '(' || last == '[';
            g_string_append(out, opening ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
        } else {
            g_string_append_unichar(out, c);
        }
    }
    g_free(valid);
    char *label = g_strstrip(g_string_free(out, FALSE));
    if (max_chars > 1 && (size_t)g_utf8_strlen(label, -1) > max_chars) {
        char *cut = g_utf8_offset_to_pointer(label, (glong)max_chars - 1);
        *cut = '\0';
        g_strchomp(label);
        char *shortened = g_strconcat(label, "\xE2\x80\xA6", NULL);
        g_free(label);
        label = shortened;
    }
    return label;
}

/* The byte offset of the character at `index` in `label`. */
static size_t char_offset(const char *label, glong index)
{
    return (size_t)(g_utf8_offset_to_pointer(label, index) - label);
}

char *tsv_label_middle(const char *text, size_t max_chars)
{
    char *label = tsv_label(text, 0);
    glong len = g_utf8_strlen(label, -1);
    /* Below 12 characters a middle cut leaves nothing readable at either end. */
    if (max_chars < 12 || (size_t)len <= max_chars)
        return label;
    glong keep = (glong)max_chars - 3; /* " … " */
    glong head = keep / 2, tail_start = len - (keep - head);
    /* Cut at word ends, so no word is shown in part. The tail starts at the start of
     * the word it would cut into (within ten characters: its years, say), and the
     * head gives up as many; then the head ends at a space in its last two thirds. */
    glong back = tail_start;
    while (back > tail_start - 10 && back > head + 1 &&
           label[char_offset(label, back - 1)] != ' ')
        back--;
    if (back > head + 1 && label[char_offset(label, back - 1)] == ' ') {
        head -= tail_start - back;
        tail_start = back;
    } else {
        for (glong i = tail_start, stop = tail_start + (len - tail_start) / 2; i < stop; i++) {
            if (label[char_offset(label, i)] == ' ') {
                tail_start = i + 1;
                break;
            }
        }
    }
    for (glong i = head; i > head / 3; i--) {
        if (label[char_offset(label, i)] == ' ') {
            head = i;
            break;
        }
    }
    GString *out = g_string_new_len(label, (gssize)char_offset(label, head));
    while (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    const char *tail = label + char_offset(label, tail_start);
    while (*tail == ' ')
        tail++;
    g_string_append(out, " \xE2\x80\xA6 ");
    g_string_append(out, tail);
    g_free(label);
    return g_string_free(out, FALSE);
}

double tsv_date_x(rr_date date, double day_fraction)
{
    if (date == RR_DATE_NONE)
        return NAN;
    int year, month, day;
    date_to_ymd(date, &year, &month, &day);
    double days = date_days_in_month(year, 2) == 29 ? 366.0 : 365.0;
    rr_date jan1 = date_from_ymd(year, 1, 1);
    return year + ((double)(date - jan1) + day_fraction) / days;
}

double tsv_axis_step(double max, double *top)
{
    if (!isfinite(max) || max <= 0)
        max = 1;
    double magnitude = 1;
    while (magnitude * 10 <= max / 5)
        magnitude *= 10;
    while (magnitude > max / 5 && magnitude > 1e-6)
        magnitude /= 10;
    static const double factors[] = {1, 2, 2.5, 5, 10};
    double step = magnitude;
    for (size_t k = 0; k < G_N_ELEMENTS(factors); k++) {
        step = magnitude * factors[k];
        if (max / step <= 6)
            break;
    }
    int n = 1;
    while (n * step < max * 1.12)
        n++;
    *top = n * step;
    return step;
}
