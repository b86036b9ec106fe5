/* progressline.c - progress as one terminal line on stderr (see progressline.h). */
#include "cli/progressline.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/progress.h"

static bool shown;           /* a line is on the terminal now */
static bool dumb;            /* TERM=dumb: no escape sequences, spaces clear the line */
static size_t shown_width;   /* characters of the line shown, for a dumb terminal */
static gint64 last_drawn;    /* monotonic µs; a million rows must not mean a million writes */
static const char *last_stage;

/* Puts `text` on the line in place of what is there: "\r\033[K" and the text, or on a
 * dumb terminal (which may not know ESC[K) the text padded with spaces over the
 * previous one, as git does. */
static void put_line(const char *text)
{
    size_t width = (size_t)g_utf8_strlen(text, -1);
    if (dumb)
        fprintf(stderr, "\r%s%*s", text, shown_width > width ? (int)(shown_width - width) : 0,
                "");
    else
        fprintf(stderr, "\r\033[K%s", text);
    shown_width = width;
}

/* Redraws the line at most ten times a second, and at every new stage and the end. */
static void draw(const char *stage, size_t done, size_t total)
{
    gint64 now = g_get_monotonic_time();
    bool new_stage = stage != last_stage;
    if (!new_stage && done != total && now - last_drawn < 100000)
        return;
    last_drawn = now;
    last_stage = stage;
    char *text = total > 0  ? g_strdup_printf("%s %zu/%zu", stage, done, total)
                 : done > 0 ? g_strdup_printf("%s %zu", stage, done)
                            : g_strdup(stage);
    put_line(text);
    g_free(text);
    fflush(stderr);
    shown = true;
}

void progressline_start(bool quiet)
{
    const char *term = getenv("TERM");
    dumb = term && strcmp(term, "dumb") == 0;
    if (!quiet && isatty(STDERR_FILENO))
        progress_set_sink(draw);
}

void progressline_clear(void)
{
    if (!shown)
        return;
    put_line("");
    fputc('\r', stderr);
    fflush(stderr);
    shown = false;
    shown_width = 0;
    last_stage = NULL;
}

void progressline_stop(void)
{
    progress_set_sink(NULL);
    progressline_clear();
}
