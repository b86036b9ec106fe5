/*
 * progress.h - how far a long run is, for the command line to show.
 *
 * Stages call progress_step(); it does nothing until the command line installs a sink
 * (progress_set_sink), which it does only for a terminal (src/cli/progressline.c). So
 * the stages never print, and tests and pipes see nothing of it.
 */
#ifndef RR_PROGRESS_H
#define RR_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* `stage` is a text in the run's language (static); `total` 0 when not known. */
typedef void (*progress_sink)(const char *stage, size_t done, size_t total);

/* Installs the sink (NULL: none). Process-wide, as the language is. */
void progress_set_sink(progress_sink sink);

/* Whether a sink is installed: a stage may skip work done only to report progress. */
bool progress_active(void);

/* Reports that `done` of `total` items of `stage` are done. */
void progress_step(const char *stage, size_t done, size_t total);

#endif
