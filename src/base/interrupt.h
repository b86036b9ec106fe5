/*
 * interrupt.h - what happens when regiorapport gets SIGINT, SIGTERM or SIGHUP (or
 * SIGPIPE: a closed pipe on standard output or error): every
 * child program it started is ended with whatever it started (spawn.h), every
 * temporary file and folder is removed (atomic.h), and the signal is raised again
 * with its default action, so the caller sees the conventional status (the shell's
 * 128 + the signal's number).
 *
 * The handler runs only async-signal-safe calls (kill, waitpid, open, getdents64,
 * unlinkat, ...): the lists it reads are changed only while the signals are held
 * (interrupt_hold). regiorapport has one thread, so holding them in it is enough.
 * A signal that arrives while the signals are held waits until they are released:
 * an atomic_commit() is never cut in half.
 */
#ifndef RR_INTERRUPT_H
#define RR_INTERRUPT_H

#include <signal.h>

/* Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGPIPE, except for a signal
 * the program was started with ignored (a background job's SIGINT), which stays
 * ignored. */
void interrupt_install(void);

/* Holds the four signals (they wait, pending) and stores the previous mask in *old. */
void interrupt_hold(sigset_t *old);

/* Restores the mask interrupt_hold() stored; a pending signal is handled now. */
void interrupt_release(const sigset_t *old);

/* In a child between fork and exec: the four signals get their default action back
 * (unless ignored) and the mask `old` (from interrupt_hold) is restored, so the
 * program runs as if started from a shell. Async-signal-safe. */
void interrupt_child_reset(const sigset_t *old);

#endif
