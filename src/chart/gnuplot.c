/* gnuplot.c - running gnuplot processes side by side, with a deadline. */
#include "chart/gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/i18n.h"

extern char **environ;

/* How much of a process's output is kept: its error comes last, after any warnings. */
#define OUTPUT_KEPT 8192

bool gnuplot_start(gnuplot_proc *p, char *const argv[])
{
    *p = (gnuplot_proc){.pid = -1, .out_fd = -1, .output = g_string_new(NULL), .status = -1,
                        .timed_out = false};
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pipe_fd[2] = {-1, -1};
    if (null_fd < 0 || pipe(pipe_fd) != 0) {
        g_string_append(p->output, i18n_strerror(errno));
        goto out;
    }
    fcntl(pipe_fd[0], F_SETFD, FD_CLOEXEC);
    fcntl(pipe_fd[1], F_SETFD, FD_CLOEXEC);
    /* Non-blocking, so that what a finished process left in its pipe can be read
     * without waiting for a child of it that still holds the pipe open. */
    fcntl(pipe_fd[0], F_SETFL, O_NONBLOCK);
    pid_t pid = fork();
    if (pid < 0) {
        g_string_append_printf(p->output, "fork: %s", i18n_strerror(errno));
        goto out;
    }
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and execve. A process group of its
         * own, so that a deadline stops whatever it started too. */
        setpgid(0, 0);
        if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(pipe_fd[1], STDOUT_FILENO) < 0 ||
            dup2(pipe_fd[1], STDERR_FILENO) < 0)
            _exit(127);
        execve(argv[0], argv, environ);
        _exit(127);
    }
    setpgid(pid, pid); /* also here: the child may not have run yet */
    p->pid = pid;
    p->out_fd = pipe_fd[0];
    pipe_fd[0] = -1;
out:
    if (null_fd >= 0)
        close(null_fd);
    for (int i = 0; i < 2; i++)
        if (pipe_fd[i] >= 0)
            close(pipe_fd[i]);
    return p->pid > 0;
}

/* Reads what is waiting on p's pipe; closes it at its end. */
static void read_output(gnuplot_proc *p)
{
    char buf[4096];
    ssize_t n = read(p->out_fd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        close(p->out_fd);
        p->out_fd = -1;
        return;
    }
    g_string_append_len(p->output, buf, n);
    if (p->output->len > 2 * OUTPUT_KEPT)
        g_string_erase(p->output, 0, (gssize)(p->output->len - OUTPUT_KEPT));
}

/* Reaps p without waiting when it has ended; true then. */
static bool reap_if_ended(gnuplot_proc *p)
{
    int status = 0;
    pid_t waited = waitpid(p->pid, &status, WNOHANG);
    if (waited == 0 || (waited < 0 && errno == EINTR))
        return false;
    p->status = waited == p->pid ? status : -1;
    /* Anything it left running in its group goes too (the group outlives its leader
     * only while it has members, so the number is not reused). */
    kill(-p->pid, SIGKILL);
    p->pid = -1;
    /* What it wrote is in the pipe already; a child of it may have held the pipe
     * open, so read what is there (non-blocking) and close it. */
    char buf[4096];
    ssize_t got;
    while (p->out_fd >= 0 && (got = read(p->out_fd, buf, sizeof buf)) > 0)
        g_string_append_len(p->output, buf, got);
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
    return true;
}

/* Whether p still needs watching: running, or its pipe not yet read to the end. */
static bool is_busy(const gnuplot_proc *p)
{
    return p->pid > 0 || p->out_fd >= 0;
}

/* Stops p at the deadline: its whole process group, then reaps it. */
static void stop(gnuplot_proc *p)
{
    if (p->pid > 0) {
        kill(-p->pid, SIGKILL);
        kill(p->pid, SIGKILL);
        int status = 0;
        pid_t waited;
        do
            waited = waitpid(p->pid, &status, 0);
        while (waited < 0 && errno == EINTR);
        p->status = waited == p->pid ? status : -1;
        p->pid = -1;
        p->timed_out = true;
        g_string_append(p->output, tr("\ngnuplot gestopt: de tijd voor de grafieken was om",
                                      "\ngnuplot stopped: the time for the charts was up"));
    }
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
}

bool gnuplot_wait_all(gnuplot_proc *procs, size_t n, gint64 deadline)
{
    return gnuplot_wait_all_ticking(procs, n, deadline, NULL, NULL);
}

bool gnuplot_wait_all_ticking(gnuplot_proc *procs, size_t n, gint64 deadline,
                              gnuplot_tick tick, void *data)
{
    struct pollfd *pfds = g_new(struct pollfd, n + 1);
    bool in_time = true;
    for (;;) {
        size_t busy = 0, polled = 0;
        for (size_t i = 0; i < n; i++) {
            if (procs[i].pid > 0)
                reap_if_ended(&procs[i]);
            busy += is_busy(&procs[i]);
            if (procs[i].out_fd >= 0)
                pfds[polled++] = (struct pollfd){.fd = procs[i].out_fd, .events = POLLIN};
        }
        if (busy == 0)
            break;
        gint64 left_ms = (deadline - g_get_monotonic_time()) / 1000;
        if (left_ms <= 0) {
            in_time = false;
            break;
        }
        if (tick)
            tick(data, busy);
        /* A process that closed its pipe but runs on is looked at every 50 ms; with a
         * tick, every process every 250 ms. */
        int wait_ms = (int)MIN(left_ms, polled != busy ? 50 : tick ? 250 : 1000);
        int ready = poll(pfds, polled, wait_ms);
        for (size_t k = 0; ready > 0 && k < polled; k++) {
            if (!pfds[k].revents)
                continue;
            for (size_t i = 0; i < n; i++)
                if (procs[i].out_fd == pfds[k].fd)
                    read_output(&procs[i]);
        }
    }
    for (size_t i = 0; i < n; i++)
        stop(&procs[i]);
    g_free(pfds);
    return in_time;
}

bool gnuplot_succeeded(const gnuplot_proc *p)
{
    return p->status >= 0 && WIFEXITED(p->status) && WEXITSTATUS(p->status) == 0;
}

char *gnuplot_describe_status(const gnuplot_proc *p)
{
    int status = p->status;
    if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return g_strdup(tr("gnuplot kon niet starten", "gnuplot could not start"));
    if (status >= 0 && WIFEXITED(status))
        return g_strdup_printf(tr("afgesloten met status %d", "exit status %d"),
                               WEXITSTATUS(status));
    if (status >= 0 && WIFSIGNALED(status))
        return g_strdup_printf(tr("gestopt door signaal %d", "killed by signal %d"),
                               WTERMSIG(status));
    return g_strdup(tr("niet gestart", "not started"));
}

void gnuplot_proc_release(gnuplot_proc *p)
{
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
    if (p->output)
        g_string_free(p->output, TRUE);
    p->output = NULL;
}
