/* spawn.c - child programs with a deadline, their output captured, none left behind. */
#define _GNU_SOURCE /* syscall, SYS_getdents64, prctl's PR_SET_CHILD_SUBREAPER */
#include "base/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/interrupt.h"

extern char **environ;

/* How much of a process's output is kept: its error comes last, after any warnings. */
#define OUTPUT_KEPT 8192
/* How long the last of a group and what it left may take to die after SIGKILL. */
#define END_TRIES 200
#define END_PAUSE_NS (10 * 1000 * 1000)

/* The leaders (= process groups) of the programs running now; 0 is a free slot.
 * Changed only while the signals are held, read by the signal handler. */
static pid_t running[SPAWN_RUNNING_MAX];

static bool is_running_program(pid_t pid)
{
    for (size_t i = 0; i < SPAWN_RUNNING_MAX; i++)
        if (running[i] == pid && pid > 0)
            return true;
    return false;
}

static void forget(pid_t pid)
{
    sigset_t old;
    interrupt_hold(&old);
    for (size_t i = 0; i < SPAWN_RUNNING_MAX; i++)
        if (running[i] == pid)
            running[i] = 0;
    interrupt_release(&old);
}

/* ---- what remains: children that are no running program ------------------------- */

/* One entry of getdents64 (the kernel's layout). */
struct dirent_raw {
    uint64_t ino;
    int64_t off;
    unsigned short reclen;
    unsigned char type;
    char name[];
};

/* A decimal number without sign from `s` up to `end` (or its NUL); -1 if none. */
static long parse_number(const char *s, const char *end)
{
    long n = 0;
    const char *p = s;
    for (; (!end || p < end) && *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (*p - '0');
    return p == s ? -1 : n;
}

/* The parent and process group of /proc/NAME, from its stat line. Async-signal-safe. */
static bool read_stat(int proc_fd, const char *name, pid_t *ppid, pid_t *pgrp)
{
    char path[64];
    size_t len = strlen(name);
    if (len > sizeof path - sizeof "/stat")
        return false;
    memcpy(path, name, len);
    memcpy(path + len, "/stat", sizeof "/stat");
    int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    /* "pid (comm) S ppid pgrp ...": comm may hold anything, so from the last ')'. */
    char *p = NULL;
    for (char *q = buf; *q; q++)
        if (*q == ')')
            p = q;
    if (!p || p[1] != ' ' || !p[2] || p[3] != ' ')
        return false;
    p += 4;
    long parent = parse_number(p, NULL);
    while (*p && *p != ' ')
        p++;
    long group = *p ? parse_number(p + 1, NULL) : -1;
    if (parent < 0 || group < 0)
        return false;
    *ppid = (pid_t)parent;
    *pgrp = (pid_t)group;
    return true;
}

/* Kills and reaps every child of this process that is neither a running program nor
 * in the group of one: what a program left behind and the subreaper made ours.
 * Returns how many it found. Async-signal-safe (raw system calls only). */
static int sweep_orphans(void)
{
    pid_t self = getpid();
    int dir = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return 0;
    int found = 0;
    _Alignas(8) char buf[4096];
    long n;
    while ((n = syscall(SYS_getdents64, dir, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            const struct dirent_raw *d = (const struct dirent_raw *)(buf + off);
            off += d->reclen;
            long pid = parse_number(d->name, NULL);
            pid_t ppid, pgrp;
            if (pid <= 0 || !read_stat(dir, d->name, &ppid, &pgrp) || ppid != self)
                continue;
            if (is_running_program((pid_t)pid) || is_running_program(pgrp))
                continue;
            found++;
            if (pgrp == pid)
                kill(-(pid_t)pid, SIGKILL);
            kill((pid_t)pid, SIGKILL);
            waitpid((pid_t)pid, NULL, WNOHANG);
        }
    }
    close(dir);
    return found;
}

/* Kills process group `group` (0: none) and what remains, until nothing is left or
 * END_TRIES pauses have passed. Async-signal-safe. */
static void end_remains(pid_t group)
{
    for (int tries = 0; tries < END_TRIES; tries++) {
        bool members = group > 0 && kill(-group, SIGKILL) == 0;
        int orphans = sweep_orphans();
        if (!members && orphans == 0)
            return;
        struct timespec pause = {0, END_PAUSE_NS};
        nanosleep(&pause, NULL);
    }
}

void spawn_end_all(void)
{
    pid_t groups[SPAWN_RUNNING_MAX];
    for (size_t i = 0; i < SPAWN_RUNNING_MAX; i++) {
        groups[i] = running[i];
        if (groups[i] > 0) {
            kill(-groups[i], SIGKILL);
            kill(groups[i], SIGKILL);
        }
    }
    for (size_t i = 0; i < SPAWN_RUNNING_MAX; i++) {
        if (groups[i] <= 0)
            continue;
        while (waitpid(groups[i], NULL, 0) < 0 && errno == EINTR)
            ;
        running[i] = 0;
    }
    for (size_t i = 0; i < SPAWN_RUNNING_MAX; i++)
        if (groups[i] > 0)
            end_remains(groups[i]);
    end_remains(0);
}

/* ---- starting ---------------------------------------------------------------------- */

/* The environment for the program: this one with env_set put in (g_strfreev). */
static char **program_environment(const char *const *env_set)
{
    char **env = g_get_environ();
    for (const char *const *e = env_set; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        char *name = g_strndup(*e, (gsize)(eq - *e));
        env = g_environ_setenv(env, name, eq + 1, TRUE);
        g_free(name);
    }
    return env;
}

/* A free slot in `running`, or -1. Call with the signals held. */
static int free_slot(void)
{
    for (int i = 0; i < SPAWN_RUNNING_MAX; i++)
        if (running[i] == 0)
            return i;
    return -1;
}

/* fork and exec with the signals held, so that the handler never misses a program
 * and the child never runs the handler. The pid, or -1 with errno. */
static pid_t fork_program(char *const argv[], char **envp, int null_fd, int out_fd)
{
    sigset_t old;
    interrupt_hold(&old);
    int slot = free_slot();
    pid_t pid = slot < 0 ? -1 : fork();
    if (slot < 0)
        errno = EAGAIN;
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and execve. A process group of its
         * own, so that ending it ends whatever it started too. */
        setpgid(0, 0);
        interrupt_child_reset(&old);
        if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(out_fd, STDOUT_FILENO) < 0 ||
            dup2(out_fd, STDERR_FILENO) < 0)
            _exit(127);
        execve(argv[0], argv, envp ? envp : environ);
        _exit(127);
    }
    int error = errno;
    if (pid > 0) {
        setpgid(pid, pid); /* also here: the child may not have run yet */
        running[slot] = pid;
    }
    interrupt_release(&old);
    errno = error;
    return pid;
}

bool spawn_start(spawn_proc *p, char *const argv[], const char *const *env_set)
{
    *p = (spawn_proc){.pid = -1, .out_fd = -1, .output = g_string_new(NULL), .status = -1};
    static bool subreaper = false;
    if (!subreaper) { /* orphans of our programs become ours, so that we can end them */
        prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L);
        subreaper = true;
    }
    char **envp = env_set ? program_environment(env_set) : NULL;
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
    pid_t pid = fork_program(argv, envp, null_fd, pipe_fd[1]);
    if (pid < 0) {
        g_string_append_printf(p->output, "fork: %s", i18n_strerror(errno));
        goto out;
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
    g_strfreev(envp);
    return p->pid > 0;
}

/* ---- waiting ----------------------------------------------------------------------- */

/* Reads what is waiting on p's pipe; closes it at its end. */
static void read_output(spawn_proc *p)
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

/* After p was reaped: ends what it left behind, reads what is left in its pipe (a
 * child of it may have held the pipe open) and closes it. */
static void finish(spawn_proc *p, pid_t group)
{
    forget(group);
    end_remains(group);
    char buf[4096];
    ssize_t got;
    while (p->out_fd >= 0 && (got = read(p->out_fd, buf, sizeof buf)) > 0)
        g_string_append_len(p->output, buf, got);
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
}

/* Reaps p without waiting when it has ended; true then. */
static bool reap_if_ended(spawn_proc *p)
{
    int status = 0;
    pid_t waited = waitpid(p->pid, &status, WNOHANG);
    if (waited == 0 || (waited < 0 && errno == EINTR))
        return false;
    p->status = waited == p->pid ? status : -1;
    pid_t group = p->pid;
    p->pid = -1;
    finish(p, group);
    return true;
}

/* Whether p still needs watching: running, or its pipe not yet read to the end. */
static bool is_busy(const spawn_proc *p)
{
    return p->pid > 0 || p->out_fd >= 0;
}

/* Stops p at the deadline: its whole process group, then reaps it. */
static void stop(spawn_proc *p)
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
        pid_t group = p->pid;
        p->pid = -1;
        p->timed_out = true;
        finish(p, group);
    }
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
}

bool spawn_wait_all(spawn_proc *procs, size_t n, gint64 deadline)
{
    return spawn_wait_all_ticking(procs, n, deadline, NULL, NULL);
}

bool spawn_wait_all_ticking(spawn_proc *procs, size_t n, gint64 deadline, spawn_tick tick,
                            void *data)
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
    end_remains(0);
    g_free(pfds);
    return in_time;
}

/* ---- results ----------------------------------------------------------------------- */

bool spawn_succeeded(const spawn_proc *p)
{
    return p->status >= 0 && WIFEXITED(p->status) && WEXITSTATUS(p->status) == 0;
}

char *spawn_describe_status(const spawn_proc *p, const char *program)
{
    int status = p->status;
    if (p->timed_out)
        return g_strdup_printf(tr("%s gestopt: de tijd was om", "%s stopped: the time was up"),
                               program);
    if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return g_strdup_printf(tr("%s kon niet starten", "%s could not start"), program);
    if (status >= 0 && WIFEXITED(status))
        return g_strdup_printf(tr("afgesloten met status %d", "exit status %d"),
                               WEXITSTATUS(status));
    if (status >= 0 && WIFSIGNALED(status))
        return g_strdup_printf(tr("gestopt door signaal %d", "killed by signal %d"),
                               WTERMSIG(status));
    return g_strdup(tr("niet gestart", "not started"));
}

char *spawn_last_line(const spawn_proc *p, size_t max_chars)
{
    if (!p->output)
        return g_strdup("");
    char *text = g_utf8_make_valid(p->output->str, (gssize)p->output->len);
    char **lines = g_strsplit(text, "\n", -1);
    const char *last = "";
    for (char **l = lines; *l; l++)
        if (*g_strstrip(*l))
            last = *l;
    GString *line = g_string_new(NULL);
    glong count = 0;
    for (const char *c = last; *c && (size_t)count < max_chars; c = g_utf8_next_char(c), count++) {
        gunichar u = g_utf8_get_char(c);
        if (g_unichar_iscntrl(u)) /* no escape sequence reaches a terminal */
            g_string_append_c(line, ' ');
        else
            g_string_append_unichar(line, u);
    }
    if (*last && g_utf8_strlen(last, -1) > (glong)max_chars)
        g_string_append(line, "…");
    g_strfreev(lines);
    g_free(text);
    return g_string_free(line, FALSE);
}

void spawn_proc_release(spawn_proc *p)
{
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->out_fd = -1;
    if (p->output)
        g_string_free(p->output, TRUE);
    p->output = NULL;
}
