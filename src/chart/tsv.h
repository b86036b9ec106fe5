/*
 * tsv.h - the tab-separated files that the gnuplot scripts read; used by the
 * chart module only (charts.c, chartdata.c).
 *
 * This is where text from the data becomes gnuplot input, so it is the one place
 * that decides what a field may hold. gnuplot 5.4 reads these files with
 * `set datafile separator "\t"` and `set datafile commentschars ""`; then only a tab
 * or a line break (which split a row) and a straight double quote (which ends a
 * field early) change how a row is read. tsv_label() removes exactly those. gnuplot
 * also reads a backslash as an escape ("\n" is a line break, "\x" is "x"), so
 * tsv_text() doubles every backslash. The
 * scripts use every field as a string value or a number, never as code, so nothing
 * else needs escaping: backquotes, `system(`, '@', '<', '|' stay as they are.
 *
 * Numbers are written locale-independently ("NaN": nothing to draw); dates as
 * fractional years (tsv_date_x), so that an axis tick at a whole number falls on
 * 1 January.
 */
#ifndef RR_TSV_H
#define RR_TSV_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/diag.h"
#include "load/period.h"
#include "base/error.h"

/* A data file being written, row by row. */
typedef struct {
    FILE *file;
    char *path;
    bool row_started;
    diag_list *diags; /* where a failure is reported (not owned) */
} tsv_file;

/* Opens prefix+suffix for writing. RR_ERR_WRITE, with an error in `diags`, when it
 * cannot; then tsv_close() need not be called. Failures found by tsv_close() go to
 * the same list. */
rr_error tsv_open(tsv_file *f, const char *prefix, const char *suffix, diag_list *diags);

/* Appends a field to the current row. Write errors are found by tsv_close(). */
void tsv_text(tsv_file *f, const char *text, size_t max_chars); /* tsv_label */
void tsv_text_middle(tsv_file *f, const char *text, size_t max_chars); /* tsv_label_middle */
void tsv_num(tsv_file *f, double value);                        /* NaN if not finite */
void tsv_int(tsv_file *f, long long value);
void tsv_colour(tsv_file *f, uint32_t rgb);                     /* "#RRGGBB" */
/* A number for a reader: "3.060" and "3,1" in Dutch, "3,060" and "3.1" in English;
 * an empty field when not finite. */
void tsv_reader_number(tsv_file *f, double value, int decimals);

/* Ends the row; ends a block (gnuplot's `index`) with two blank lines. */
void tsv_end_row(tsv_file *f);
void tsv_end_block(tsv_file *f);

/* Ends an open row and closes the file. RR_ERR_WRITE, with an error in the list given
 * to tsv_open(), when anything written did not reach the disk. Does nothing for a
 * closed file. */
rr_error tsv_close(tsv_file *f);

/* Two files written side by side (PREFIX+SUFFIX_A, PREFIX+SUFFIX_B): both open, or
 * neither (the first is closed again when the second cannot open). */
rr_error tsv_open_both(tsv_file *a, const char *suffix_a, tsv_file *b, const char *suffix_b,
                       const char *prefix, diag_list *diags);

/* Closes both; the first one's error, else the second's. */
rr_error tsv_close_both(tsv_file *a, tsv_file *b);

/*
 * `text` as one field: valid UTF-8; tabs, line breaks and other control characters
 * as one space; straight double quotes as typographic ones (“ ”); trimmed; cut to
 * max_chars characters with "…" (0: no limit). Free with g_free.
 */
char *tsv_label(const char *text, size_t max_chars);

/* Like tsv_label(), but a text longer than max_chars (12 or more) keeps its start and
 * its end and loses its middle, cut at word ends where one is near: "Regio-aanpak
 * Huiselijk … 2021-2024 (regioplan HGKM)". Titles differ most at their ends (years,
 * places), so a cut at the end would hide exactly what tells them apart. g_free. */
char *tsv_label_middle(const char *text, size_t max_chars);

/* A date as a fractional year; day_fraction 0 is the start of the day, 1 its end.
 * NaN for RR_DATE_NONE. */
double tsv_date_x(rr_date date, double day_fraction);

/* A round axis step (1, 2, 2.5 or 5 times a power of ten) for about five ticks from
 * 0 to max; *top becomes the axis end, a whole number of steps with room above max
 * for a label. */
double tsv_axis_step(double max, double *top);

#endif
