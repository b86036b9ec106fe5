/* diag.c - collecting and printing diagnostics. */
#include "base/diag.h"

#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

void diag_list_init(diag_list *list)
{
    memset(list, 0, sizeof *list);
}

void diag_list_release(diag_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        g_free(list->items[i].path);
        g_free(list->items[i].message);
        g_free(list->items[i].sheet);
    }
    g_free(list->items);
    for (size_t i = 0; i < list->sheet_count; i++) {
        g_free(list->sheet_paths[i]);
        g_free(list->sheet_names[i]);
    }
    g_free(list->sheet_paths);
    g_free(list->sheet_names);
    memset(list, 0, sizeof *list);
}

void diag_list_set_sheet(diag_list *list, const char *path, const char *sheet)
{
    list->sheet_paths = g_renew(char *, list->sheet_paths, list->sheet_count + 1);
    list->sheet_names = g_renew(char *, list->sheet_names, list->sheet_count + 1);
    list->sheet_paths[list->sheet_count] = g_strdup(path);
    list->sheet_names[list->sheet_count] = g_strdup(sheet);
    list->sheet_count++;
}

/* The sheet that `path` was read from, or NULL; the latest setting wins. */
static const char *sheet_of(const diag_list *list, const char *path)
{
    for (size_t i = list->sheet_count; i-- > 0;)
        if (strcmp(list->sheet_paths[i], path) == 0)
            return list->sheet_names[i];
    return NULL;
}

void diag_add(diag_list *list, diag_severity severity, const char *path, long line,
              long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, severity, path, line, column, fmt, ap);
    va_end(ap);
}

void diag_addv(diag_list *list, diag_severity severity, const char *path, long line,
               long column, const char *fmt, va_list ap)
{
    if (severity == DIAG_ERROR)
        list->errors++;
    else
        list->warnings++;
    if (list->count >= DIAG_MAX_KEPT) {
        list->dropped++;
        return;
    }
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->items = g_renew(diag, list->items, list->capacity);
    }
    diag *d = &list->items[list->count++];
    d->path = g_strdup(path ? path : "");
    d->line = line;
    d->column = column;
    d->severity = severity;
    d->message = g_strdup_vprintf(fmt, ap);
    const char *sheet = line > 0 && column > 0 ? sheet_of(list, d->path) : NULL;
    d->sheet = sheet ? g_strdup(sheet) : NULL;
}

/* Orders diagnostics by file, then position; errors before warnings at one place. */
static gint compare_diag(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    const diag *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return (int)y->severity - (int)x->severity;
}

void diag_list_sort(diag_list *list)
{
    /* g_qsort_with_data is a stable merge sort, so equal places keep their order. */
    if (list->count > 1)
        g_qsort_with_data(list->items, (gint)list->count, sizeof(diag),
                          compare_diag, NULL);
}

/* Writes text with its control characters made visible (\x1B, \u009B): a message
 * quotes the data, and an escape sequence from a file must not reach the terminal. */
void diag_put_printable(const char *text, FILE *out)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\x%02X", *p);
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            fprintf(out, "\\u%04X", *++p);
        else
            fputc(*p, out);
    }
}

void diag_place(const diag *d, char *buf, size_t size)
{
    if (d->sheet && d->line > 0 && d->column > 0) {
        /* Spreadsheet columns: A..Z, AA..ZZ, AAA.. (bijective base 26). */
        char letters[16];
        int n = 0;
        for (long c = d->column; c > 0 && n < (int)sizeof letters; c = (c - 1) / 26)
            letters[n++] = (char)('A' + (c - 1) % 26);
        GString *s = g_string_new(":");
        g_string_append_printf(s, "%s!", d->sheet);
        while (n > 0)
            g_string_append_c(s, letters[--n]);
        g_string_append_printf(s, "%ld", d->line);
        g_strlcpy(buf, s->str, size);
        g_string_free(s, TRUE);
    } else if (d->line > 0 && d->column > 0) {
        g_snprintf(buf, size, ":%ld:%ld", d->line, d->column);
    } else if (d->line > 0) {
        g_snprintf(buf, size, ":%ld", d->line);
    } else if (size > 0) {
        buf[0] = '\0';
    }
}

void diag_print(const diag *d, FILE *out)
{
    const char *kind = d->severity == DIAG_ERROR ? tr("fout", "error")
                                                 : tr("waarschuwing", "warning");
    char place[160];
    diag_place(d, place, sizeof place);
    diag_put_printable(d->path, out);
    diag_put_printable(place, out);
    fprintf(out, ": %s: ", kind);
    diag_put_printable(d->message, out);
    fputc('\n', out);
}

void diag_list_print(const diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->count; i++)
        diag_print(&list->items[i], out);
}
