/* progressline.c - progress as one terminal line on stderr (see progressline.h). */
#include "cli/progressline.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/progress.h"

static bool shown;           /* a line is on the terminal now */
static gint64 last_drawn;    /* monotonic µs; a million rows must not mean a million writes */
static const char *last_stage;

/* Redraws the line at most ten times a second, and at every new stage and the end. */
static void draw(const char *stage, size_t done, size_t total)
{
    gint64 now = g_get_monotonic_time();
    bool new_stage = stage != last_stage;
    if (!new_stage && done != total && now - last_drawn < 100000)
        return;
    last_drawn = now;
    last_stage = stage;
    if (total > 0)
        fprintf(stderr, "\r\033[K%s %zu/%zu", stage, done, total);
    else if (done > 0)
        fprintf(stderr, "\r\033[K%s %zu", stage, done);
    else
        fprintf(stderr, "\r\033[K%s", stage);
    fflush(stderr);
    shown = true;
}

void progressline_start(bool quiet)
{
    if (!quiet && isatty(STDERR_FILENO))
        progress_set_sink(draw);
}

void progressline_clear(void)
{
    if (!shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    shown = false;
    last_stage = NULL;
}

void progressline_stop(void)
{
    progress_set_sink(NULL);
    progressline_clear();
}
