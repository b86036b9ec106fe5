/*
 * textfit.h - how much room a text takes when LibreOffice or Excel prints it, so a
 * page of fixed size (the handout) can give each row the height its wrapped text
 * needs and cut a text that would not fit at a word, with "…".
 *
 * Widths are the advance widths of Carlito, which has Calibri's metrics (the
 * workbook's font): the same on the reader's Excel and on LibreOffice with
 * fonts-crosextra-carlito. Lines break at spaces, as both programs break them; a
 * word longer than a line is broken by characters. Estimates err on the side of one
 * line too many, never one too few.
 */
#ifndef RR_TEXTFIT_H
#define RR_TEXTFIT_H

#include <stdbool.h>

/* Points per character of a column width (Excel's unit: the width of a digit of
 * the default font, Calibri 11), as the text in a cell gets it: the width that the
 * column's text can fill, padding left out. */
double textfit_column_points(double width_chars);

/* The narrower room Excel gives the same column (7 pixels a character): where a row's
 * height must hold a text's lines, wrapping in it never counts a line too few. */
double textfit_column_points_excel(double width_chars);

/* The width of `text` (UTF-8) in points at `size` points, bold or not. */
double textfit_width(const char *text, double size, bool bold);

/* The lines `text` wraps to in `width` points at `size` points. At least 1. */
int textfit_lines(const char *text, double width, double size, bool bold);

/* `text` cut to at most `max_lines` lines of `width` points: whole when it fits,
 * else its first words and "…" ending the last line. g_free. *lines (may be NULL)
 * gets the lines the result takes. */
char *textfit_cut(const char *text, double width, double size, bool bold, int max_lines,
                  int *lines);

#endif
