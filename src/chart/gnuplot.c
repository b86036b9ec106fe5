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
    *p = (gnuplot_proc){.pid = -1, .out_fd = -1, .output = g_string_new(NULL), .status = -1};
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pipe_fd[2] = {-1, -1};
    if (null_fd < 0 || pipe(pipe_fd) != 0) {
        g_string_append(p->output, g_strerror(errno));
        goto out;
    }
    fcntl(pipe_fd[0], F_SETFD, FD_CLOEXEC);
    fcntl(pipe_fd[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        g_string_append_printf(p->output, "fork: %s", g_strerror(errno));
        goto out;
    }
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and execve. */
        if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(pipe_fd[1], STDOUT_FILENO) < 0 ||
            dup2(pipe_fd[1], STDERR_FILENO) < 0)
            _exit(127);
        execve(argv[0], argv, environ);
        _exit(127);
    }
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

/* Polls every open pipe until all are closed; false when the deadline passed first. */
static bool read_all_output(gnuplot_proc *procs, size_t n, gint64 deadline)
{
    struct pollfd *pfds = g_new(struct pollfd, n);
    bool in_time = true;
    for (;;) {
        size_t open_count = 0;
        for (size_t i = 0; i < n; i++)
            if (procs[i].out_fd >= 0)
                pfds[open_count++] = (struct pollfd){.fd = procs[i].out_fd, .events = POLLIN};
        if (open_count == 0)
            break;
        gint64 left_ms = (deadline - g_get_monotonic_time()) / 1000;
        if (left_ms <= 0) {
            in_time = false;
            break;
        }
        int ready = poll(pfds, open_count, (int)MIN(left_ms, 1000));
        if (ready < 0 && errno != EINTR)
            break;
        for (size_t k = 0; ready > 0 && k < open_count; k++) {
            if (!pfds[k].revents)
                continue;
            for (size_t i = 0; i < n; i++)
                if (procs[i].out_fd == pfds[k].fd)
                    read_output(&procs[i]);
        }
    }
    g_free(pfds);
    return in_time;
}

void gnuplot_wait_all(gnuplot_proc *procs, size_t n, int timeout_seconds)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout_seconds * G_USEC_PER_SEC;
    bool in_time = read_all_output(procs, n, deadline);
    for (size_t i = 0; i < n; i++) {
        gnuplot_proc *p = &procs[i];
        if (p->pid <= 0)
            continue;
        if (!in_time && p->out_fd >= 0) {
            kill(p->pid, SIGKILL);
            g_string_append_printf(p->output,
                                   tr("\ngnuplot gestopt na %d seconden",
                                      "\ngnuplot stopped after %d seconds"),
                                   timeout_seconds);
        }
        int status = 0;
        pid_t waited;
        do
            waited = waitpid(p->pid, &status, 0);
        while (waited < 0 && errno == EINTR);
        p->status = waited == p->pid ? status : -1;
        p->pid = -1;
    }
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
