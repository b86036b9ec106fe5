/*
 * progressline.h - progress on the terminal: one line on stderr, rewritten in place.
 *
 * Shown only when stderr is a terminal and --quiet was not given; a pipe, a file or a
 * test never sees it. The line is cleared before anything else is printed to stderr.
 */
#ifndef RR_PROGRESSLINE_H
#define RR_PROGRESSLINE_H

#include <stdbool.h>

/* Starts showing progress when stderr is a terminal and `quiet` is false. */
void progressline_start(bool quiet);

/* Clears the line (when one is shown), so that messages start on a clean line. */
void progressline_clear(void);

/* Clears the line and stops showing progress. */
void progressline_stop(void);

#endif
