/* interrupt.c - SIGINT, SIGTERM, SIGHUP, SIGPIPE: end the children, remove the
 * temporary files, then die of the signal as if it had not been caught. */
#include "base/interrupt.h"

#include <string.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/spawn.h"

/* SIGPIPE too: the paths are printed after a commit and before the previous versions
 * are removed, and a reader that went away must not leave those behind. */
static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#define SIGNAL_COUNT (sizeof SIGNALS / sizeof SIGNALS[0])

static void held_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < SIGNAL_COUNT; i++)
        sigaddset(set, SIGNALS[i]);
}

/* Runs with all four signals blocked (sa_mask), so never twice at once. */
static void on_signal(int sig)
{
    spawn_end_all();
    atomic_remove_temporaries();
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    /* Pending while blocked; unblocking it delivers it with its default action, so the
     * parent sees "killed by sig" (a shell: 128 + sig), as without the handler. */
    raise(sig);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    _exit(128 + sig); /* not reached */
}

void interrupt_install(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    held_set(&action.sa_mask);
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        struct sigaction old;
        if (sigaction(SIGNALS[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(SIGNALS[i], &action, NULL);
    }
}

void interrupt_hold(sigset_t *old)
{
    sigset_t set;
    held_set(&set);
    sigprocmask(SIG_BLOCK, &set, old);
}

void interrupt_release(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void interrupt_child_reset(const sigset_t *old)
{
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        struct sigaction now;
        if (sigaction(SIGNALS[i], NULL, &now) == 0 && now.sa_handler != SIG_IGN &&
            now.sa_handler != SIG_DFL) {
            struct sigaction dfl;
            memset(&dfl, 0, sizeof dfl);
            dfl.sa_handler = SIG_DFL;
            sigemptyset(&dfl.sa_mask);
            sigaction(SIGNALS[i], &dfl, NULL);
        }
    }
    sigprocmask(SIG_SETMASK, old, NULL);
}
