/*
 * diag.h - diagnostics: errors and warnings about the data, with their place.
 *
 * Stages add diagnostics instead of printing them, so one run collects every
 * problem, the command line prints them in GNU style and the workbook lists the
 * warnings. A diag_list owns copies of every path and message added to it.
 */
#ifndef RR_DIAG_H
#define RR_DIAG_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_severity;

typedef struct {
    char *path;      /* file the problem is in (owned) */
    long line;       /* 1-based; 0 when it concerns the whole file */
    long column;     /* 1-based, in characters; 0 when unknown */
    diag_severity severity;
    char *message;   /* in the current language (owned) */
    char *sheet;     /* a spreadsheet's sheet name: the place prints as Sheet!H12 (owned);
                      * NULL for text files, where it prints as line:column */
} diag;

typedef struct {
    diag *items;
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
    size_t dropped;  /* past DIAG_MAX_KEPT: counted, not kept */
    char **sheet_paths; /* files read from a sheet (diag_list_set_sheet), owned */
    char **sheet_names;
    size_t sheet_count;
} diag_list;

/* A pathological file must not make the diagnostics themselves exhaust memory. */
#define DIAG_MAX_KEPT 100000

void diag_list_init(diag_list *list);
void diag_list_release(diag_list *list);

/* From now on, diagnostics about `path` have line = sheet row and column = sheet
 * column of sheet `sheet`, and print as path:Sheet!H12 (sheetread.h). Copies both. */
void diag_list_set_sheet(diag_list *list, const char *path, const char *sheet);

/* The place of a diagnostic as printed after the path: ":12:8", ":Voortgang!H12",
 * ":12" or "" (whole file), into buf. */
void diag_place(const diag *d, char *buf, size_t size);

/* Adds a diagnostic; the message is formatted like printf. */
void diag_add(diag_list *list, diag_severity severity, const char *path, long line,
              long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The same with the arguments as a va_list, for a module's own message helpers. */
void diag_addv(diag_list *list, diag_severity severity, const char *path, long line,
               long column, const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/* Sorts by path, line and column (stable), so output follows the files. */
void diag_list_sort(diag_list *list);

/* Prints every diagnostic as "path:line:column: fout|waarschuwing: message" (in
 * English runs "error|warning"). */
void diag_list_print(const diag_list *list, FILE *out);

/* Prints one diagnostic the same way. */
void diag_print(const diag *d, FILE *out);

/* Writes `text` with its control characters made visible (\x1B, \u009B): a message
 * quotes the data, and an escape sequence from a file or an argument must not reach
 * the terminal. */
void diag_put_printable(const char *text, FILE *out);

#endif
