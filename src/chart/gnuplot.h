/*
 * gnuplot.h - running gnuplot processes: several at once, with a deadline, keeping
 * what they print. Used by the chart module only.
 *
 * A process is started with fork and execve, without a shell: argv is passed as it
 * is, so every argument must be a word or a path the program built itself (see
 * charts.h). Standard input is /dev/null; standard output and error go to one pipe
 * that gnuplot_wait_all() reads, so a chatty gnuplot never blocks while it is
 * waited for. Each process leads a process group of its own, so that stopping it
 * also stops anything it started (a wrapper script's children).
 *
 * Lifecycle: gnuplot_start() fills a caller-owned gnuplot_proc (also when it fails),
 * gnuplot_wait_all() finishes a batch of them, gnuplot_proc_release() frees what
 * they hold.
 */
#ifndef RR_GNUPLOT_H
#define RR_GNUPLOT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* One gnuplot process. */
typedef struct {
    pid_t pid;       /* -1 when it did not start or has been waited for */
    int out_fd;      /* read end of its output; -1 once read to the end */
    GString *output; /* the end of what it printed, or why it did not start (owned) */
    int status;      /* its wait status after gnuplot_wait_all(); -1 if it did not start */
    bool timed_out;  /* stopped at the deadline */
} gnuplot_proc;

/* Starts `argv[0]` (an absolute path) with `argv`. false, with the reason in
 * p->output, when the system could not start a process (no pipe, no fork: a file
 * descriptor or process limit); a program that is missing or cannot run is a
 * process that exits with 127. p must be released either way. */
bool gnuplot_start(gnuplot_proc *p, char *const argv[]);

/* Reads the output of the n processes and reaps each as it ends, until all have
 * ended or `deadline` (g_get_monotonic_time() microseconds) has passed; then kills
 * the process group of every one still running (SIGKILL), reaps it, marks it
 * timed_out and says so in its output. Also kills what an ended process left
 * running in its group. Returns whether all ended before the deadline. Never
 * blocks past the deadline by more than a moment. */
bool gnuplot_wait_all(gnuplot_proc *procs, size_t n, gint64 deadline);

/* What gnuplot_wait_all_ticking() calls while it waits, about four times a second:
 * `busy` is how many of the processes still run. */
typedef void (*gnuplot_tick)(void *data, size_t busy);

/* gnuplot_wait_all(), calling `tick` (when not NULL) with `data` as it waits, so that
 * the caller can say how far the drawing is while it goes on. */
bool gnuplot_wait_all_ticking(gnuplot_proc *procs, size_t n, gint64 deadline,
                              gnuplot_tick tick, void *data);

/* Whether the process ran and exited with status 0. */
bool gnuplot_succeeded(const gnuplot_proc *p);

/* How the process ended, in words for a note (g_free). */
char *gnuplot_describe_status(const gnuplot_proc *p);

/* Frees what p holds (not p itself); closes its pipe if still open. */
void gnuplot_proc_release(gnuplot_proc *p);

#endif
