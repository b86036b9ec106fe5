/*
 * statusview.h - the meeting summary as terminal text (`regiorapport status`).
 *
 * Only formats what analysis_new() computed: no status, deadline or signal is
 * derived here. Every text from the data is cleaned before it reaches the terminal
 * (control characters become spaces), so a title cannot move the cursor or change
 * colours. Columns are aligned by characters (g_utf8_strlen), not bytes.
 */
#ifndef RR_STATUSVIEW_H
#define RR_STATUSVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "analyse/analyse.h"
#include "load/model.h"

/* Titles in the list of red actions are cut to this many characters. */
#define STATUSVIEW_TITLE_MAX 60

/* Whether to colour output written to fd: a terminal, NO_COLOR not set (whatever its
 * value, https://no-color.org) and TERM not "dumb". */
bool statusview_use_colour(int fd);

/* `text` made safe for a terminal line: invalid UTF-8 replaced, control and line
 * break characters turned into spaces, format characters (bidi overrides) dropped,
 * then cut to max_chars characters ending in "…" when longer (0: no limit).
 * The caller frees the result with g_free. */
char *statusview_clean(const char *text, size_t max_chars);

/* Writes the summary: the header (the report date, and per region when they differ the
 * start of the meeting period and the next meeting), the table of owners, the red
 * actions and the owners without an update in their period. ANSI colours only when
 * `colour`. */
void statusview_print(FILE *out, const rr_analysis *an, bool colour);

#endif
