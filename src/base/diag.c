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
    }
    g_free(list->items);
    memset(list, 0, sizeof *list);
}

void diag_add(diag_list *list, diag_severity severity, const char *path, long line,
              long column, const char *fmt, ...)
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
    va_list ap;
    va_start(ap, fmt);
    diag *d = &list->items[list->count++];
    d->path = g_strdup(path ? path : "");
    d->line = line;
    d->column = column;
    d->severity = severity;
    d->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
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
static void put_printable(const char *text, FILE *out)
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

void diag_print(const diag *d, FILE *out)
{
    const char *kind = d->severity == DIAG_ERROR ? tr("fout", "error")
                                                 : tr("waarschuwing", "warning");
    put_printable(d->path, out);
    if (d->line > 0 && d->column > 0)
        fprintf(out, ":%ld:%ld", d->line, d->column);
    else if (d->line > 0)
        fprintf(out, ":%ld", d->line);
    fprintf(out, ": %s: ", kind);
    put_printable(d->message, out);
    fputc('\n', out);
}

void diag_list_print(const diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->count; i++)
        diag_print(&list->items[i], out);
}
