/*
 * spawn.h - the one way regiorapport runs another program (gnuplot, LibreOffice):
 * several at once, with a deadline, keeping what they print, and never leaving one
 * running.
 *
 * A program is started with fork and execve, without a shell: argv is passed as it
 * is, so every argument must be a word or a path the program built itself. Standard
 * input is /dev/null; standard output and error go to one pipe that spawn_wait_all()
 * reads, so a chatty program never blocks while it is waited for.
 *
 * Nothing it starts outlives the wait. Each program leads a process group of its
 * own, ended as a whole (SIGKILL) when the program ends, at the deadline, and when
 * regiorapport gets SIGINT, SIGTERM or SIGHUP (interrupt.h). A process that left
 * the group (setsid) is caught as far as Linux allows without cgroups: regiorapport
 * is a child subreaper (PR_SET_CHILD_SUBREAPER), so such a process becomes its child
 * once its own parent is gone, and every child that is not a running program is
 * killed and reaped ("what remains"). A process that escapes while its parent still
 * runs and then outlives regiorapport itself is beyond this design.
 *
 * Lifecycle: spawn_start() fills a caller-owned spawn_proc (also when it fails),
 * spawn_wait_all() finishes a batch of them, spawn_proc_release() frees what they
 * hold. At most SPAWN_RUNNING_MAX run at once.
 */
#ifndef RR_SPAWN_H
#define RR_SPAWN_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define SPAWN_RUNNING_MAX 32

/* One program run. */
typedef struct {
    pid_t pid;       /* -1 when it did not start or has been waited for */
    int out_fd;      /* read end of its output; -1 once read to the end */
    GString *output; /* the end of what it printed, or why it did not start (owned) */
    int status;      /* its wait status after spawn_wait_all(); -1 if it did not start */
    bool timed_out;  /* stopped at the deadline */
} spawn_proc;

/* Starts `argv[0]` (an absolute path) with `argv`. `env_set`: NULL, or a
 * NULL-terminated list of "NAME=VALUE" put into the program's copy of the
 * environment (replacing a variable of that name). false, with the reason in
 * p->output, when the system could not start a process (no pipe, no fork: a file
 * descriptor or process limit); a program that is missing or cannot run is a process
 * that exits with 127. p must be released either way. */
bool spawn_start(spawn_proc *p, char *const argv[], const char *const *env_set);

/* Reads the output of the n processes and reaps each as it ends (killing what it
 * left in its group), until all have ended or `deadline` (g_get_monotonic_time()
 * microseconds) has passed; then kills the process group of every one still running,
 * reaps it and marks it timed_out; last, kills and reaps what remains (see above).
 * Returns whether all ended before the deadline. Never blocks past the deadline by
 * more than a moment. */
bool spawn_wait_all(spawn_proc *procs, size_t n, gint64 deadline);

/* What spawn_wait_all_ticking() calls while it waits, about four times a second: `busy`
 * is how many of the processes still run. */
typedef void (*spawn_tick)(void *data, size_t busy);

/* spawn_wait_all(), calling `tick` (when not NULL) with `data` as it waits, so that the
 * caller can say how far the work is while it goes on. */
bool spawn_wait_all_ticking(spawn_proc *procs, size_t n, gint64 deadline, spawn_tick tick,
                            void *data);

/* Whether the process ran and exited with status 0. */
bool spawn_succeeded(const spawn_proc *p);

/* How the process ended, in words for a message, naming it `program` (g_free). */
char *spawn_describe_status(const spawn_proc *p, const char *program);

/* The last non-empty line of what the process printed, valid UTF-8 without control
 * characters, cut to max_chars characters (g_free; "" when none). */
char *spawn_last_line(const spawn_proc *p, size_t max_chars);

/* Frees what p holds (not p itself); closes its pipe if still open. */
void spawn_proc_release(spawn_proc *p);

/* For the signal handler (interrupt.c): kills every running program's group and
 * what remains, and reaps them. Async-signal-safe. */
void spawn_end_all(void);

#endif
