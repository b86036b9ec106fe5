/* atomic.c - temporary files and folders beside their destination, swapped in together. */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE (glibc 2.28 and later) */
#include "base/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <stdint.h>

#include "base/i18n.h"
#include "base/interrupt.h"
#include "base/pdf.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* ---- the temporary names the signal handler removes -------------------------------- */

/* Every temporary file and folder not yet removed, and every folder made for outputs
 * that is to go again when it stays empty. Changed only while the signals are held,
 * read by the handler. */
typedef struct {
    char *path;      /* owned copy */
    bool empty_only; /* a folder made for outputs: removed only when empty */
} tracked_path;
static tracked_path *tracked;
static size_t tracked_len, tracked_cap;
static bool committed_any;

static void track_as(const char *path, bool empty_only)
{
    char *copy = g_strdup(path);
    sigset_t old;
    interrupt_hold(&old);
    if (tracked_len == tracked_cap) {
        size_t cap = tracked_cap ? 2 * tracked_cap : 16;
        tracked_path *grown = g_new(tracked_path, cap);
        if (tracked_len)
            memcpy(grown, tracked, tracked_len * sizeof *grown);
        tracked_path *gone = tracked;
        tracked = grown; /* the handler sees the old list or the whole new one */
        tracked_cap = cap;
        g_free(gone);
    }
    tracked[tracked_len++] = (tracked_path){copy, empty_only};
    interrupt_release(&old);
}

static void track(const char *path)
{
    track_as(path, false);
}

static void untrack(const char *path)
{
    char *gone = NULL;
    sigset_t old;
    interrupt_hold(&old);
    for (size_t i = tracked_len; i-- > 0;)
        if (strcmp(tracked[i].path, path) == 0) {
            gone = tracked[i].path;
            tracked[i] = tracked[--tracked_len];
            break;
        }
    interrupt_release(&old);
    g_free(gone);
}

/* One entry of getdents64 (the kernel's layout). */
struct dirent_raw {
    uint64_t ino;
    int64_t off;
    unsigned short reclen;
    unsigned char type;
    char name[];
};

/* Removes dirfd/name and what is below it with system calls only (no malloc, no
 * stdio): async-signal-safe, for the handler. */
static void remove_at(int dirfd, const char *name, int depth)
{
    if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT)
        return;
    if (depth > 16)
        return;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    /* Removing entries while reading the folder may hide some: read again until empty. */
    for (int pass = 0; pass < 8; pass++) {
        bool any = false;
        _Alignas(8) char buf[2048];
        long n;
        lseek(fd, 0, SEEK_SET);
        while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
            for (long off = 0; off < n;) {
                const struct dirent_raw *d = (const struct dirent_raw *)(buf + off);
                off += d->reclen;
                if (strcmp(d->name, ".") == 0 || strcmp(d->name, "..") == 0)
                    continue;
                any = true;
                remove_at(fd, d->name, depth + 1);
            }
        }
        if (!any)
            break;
    }
    close(fd);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

void atomic_remove_temporaries(void)
{
    for (size_t i = 0; i < tracked_len; i++)
        if (!tracked[i].empty_only)
            remove_at(AT_FDCWD, tracked[i].path, 0);
    /* Then the folders made for outputs, now without their temporary files. */
    for (size_t i = 0; i < tracked_len; i++)
        if (tracked[i].empty_only)
            unlinkat(AT_FDCWD, tracked[i].path, AT_REMOVEDIR);
}

bool atomic_anything_committed(void)
{
    return committed_any;
}

/* The one set of messages for every output. */
static void fail(diag_list *diags, const char *path, const char *what, int error)
{
    diag_add(diags, DIAG_ERROR, path, 0, 0, "%s: %s", what, i18n_strerror(error));
}

#define CANNOT_CREATE tr("kan niet worden aangemaakt", "cannot be created")
#define CANNOT_WRITE tr("kan niet worden geschreven", "cannot be written")
#define CANNOT_PLACE tr("kan niet op zijn plaats worden gezet", "cannot be put in place")

/* "DIR/.NAME.XXXXXX" for final_path DIR/NAME: a dot name, so a loader never reads a
 * leftover as data, and no ".csv" or ".xlsx" at its end. g_free. */
static char *temporary_template(const char *final_path)
{
    char *dir = g_path_get_dirname(final_path);
    char *base = g_path_get_basename(final_path);
    char *name = g_strdup_printf(".%s.XXXXXX", base);
    char *tmp = g_build_filename(dir, name, NULL);
    g_free(name);
    g_free(base);
    g_free(dir);
    return tmp;
}

rr_error atomic_file_start(atomic_out *out, const char *final_path, int *fd, diag_list *diags)
{
    *out = (atomic_out){.kind = ATOMIC_FILE};
    char *tmp = temporary_template(final_path);
    /* Held from the name's making to its listing, so a signal never misses it. */
    sigset_t old;
    interrupt_hold(&old);
    int tmp_fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
    int error = errno;
    if (tmp_fd >= 0)
        track(tmp);
    interrupt_release(&old);
    if (tmp_fd < 0) {
        fail(diags, final_path, CANNOT_CREATE, error);
        g_free(tmp);
        return RR_ERR_WRITE;
    }
    if (fd)
        *fd = tmp_fd;
    else
        close(tmp_fd);
    out->final_path = g_strdup(final_path);
    out->tmp_path = tmp;
    return RR_OK;
}

/* Writes all of `bytes` to fd; false (errno set) on failure. */
static bool write_all(int fd, const char *bytes, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, bytes, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        bytes += n;
        size -= (size_t)n;
    }
    return true;
}

rr_error atomic_file_bytes(atomic_out *out, const char *final_path, const char *bytes,
                           size_t size, diag_list *diags)
{
    int fd = -1;
    rr_error err = atomic_file_start(out, final_path, &fd, diags);
    if (err != RR_OK)
        return err;
    bool ok = write_all(fd, bytes, size);
    int error = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok)
        return RR_OK;
    fail(diags, final_path, CANNOT_WRITE, error);
    atomic_discard(out);
    return RR_ERR_WRITE;
}

rr_error atomic_folder_start(atomic_out *out, const char *final_path, diag_list *diags)
{
    *out = (atomic_out){.kind = ATOMIC_FOLDER};
    char *parent = g_path_get_dirname(final_path);
    int made = g_mkdir_with_parents(parent, 0755);
    int error = errno;
    g_free(parent);
    char *tmp = made == 0 ? temporary_template(final_path) : NULL;
    sigset_t old;
    interrupt_hold(&old);
    bool created = tmp && g_mkdtemp_full(tmp, 0755);
    if (tmp && !created)
        error = errno;
    if (created)
        track(tmp);
    interrupt_release(&old);
    if (created) {
        out->final_path = g_strdup(final_path);
        out->tmp_path = tmp;
        return RR_OK;
    }
    fail(diags, final_path, CANNOT_CREATE, error);
    g_free(tmp);
    return RR_ERR_WRITE;
}

/* ---- committing ------------------------------------------------------------------ */

/* fsync of one file or folder by path; 0 or an errno value. */
static int sync_path(const char *path, bool folder)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
    if (fd < 0)
        return errno;
    int error = fsync(fd) == 0 ? 0 : errno;
    /* Some file systems cannot sync a folder; that is not a lost write. */
    if (folder && (error == EINVAL || error == EROFS))
        error = 0;
    close(fd);
    return error;
}

/* fsync of every file and folder below and at `path` (links are not followed); 0 or
 * the first errno value. */
static int sync_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    if (!dir)
        return errno ? errno : EIO;
    int error = 0;
    const char *name;
    while (!error && (name = g_dir_read_name(dir)) != NULL) {
        char *child = g_build_filename(path, name, NULL);
        GStatBuf st;
        if (g_lstat(child, &st) != 0)
            error = errno;
        else if (S_ISDIR(st.st_mode))
            error = sync_tree(child);
        else if (S_ISREG(st.st_mode))
            error = sync_path(child, false);
        g_free(child);
    }
    g_dir_close(dir);
    return error ? error : sync_path(path, true);
}

/* Exchanges two paths in one step; -1 with errno when the system cannot. */
static int exchange(const char *a, const char *b)
{
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

/* Moves a name that exists nowhere else; with create_only never over anything. */
static int place_new(const atomic_out *out)
{
    if (!out->create_only)
        return g_rename(out->tmp_path, out->final_path) == 0 ? 0 : errno;
    if (syscall(SYS_renameat2, AT_FDCWD, out->tmp_path, AT_FDCWD, out->final_path,
                RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    /* No RENAME_NOREPLACE here: a file by a link (which never replaces), a folder by a
     * rename after the check kind_fits() made. */
    if (out->kind == ATOMIC_FILE)
        return link(out->tmp_path, out->final_path) == 0 && g_unlink(out->tmp_path) == 0
                   ? 0
                   : errno;
    return g_rename(out->tmp_path, out->final_path) == 0 ? 0 : errno;
}

/* Replaces out->tmp_path by `path` on the signal handler's list and in out. */
static void retarget(atomic_out *out, char *path)
{
    track(path);
    untrack(out->tmp_path);
    g_free(out->tmp_path);
    out->tmp_path = path;
}

/* Puts out's new version at final_path. Afterwards tmp_path holds the previous version,
 * or nothing when there was none. 0 or an errno value. */
static int swap_in(atomic_out *out)
{
    GStatBuf st;
    out->had_previous = g_lstat(out->final_path, &st) == 0;
    if (!out->had_previous) {
        if (errno != ENOENT)
            return errno;
        /* Nothing to keep: tmp_path names nothing from now on. */
        return place_new(out);
    }
    if (out->create_only)
        return EEXIST;
    if (exchange(out->tmp_path, out->final_path) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    /* No exchange on this file system: the previous version goes aside first (a file
     * by a second link, so its name is never missing; a folder by a rename). */
    char *aside = g_strconcat(out->tmp_path, ".old", NULL);
    int error = 0;
    track(aside);
    if ((out->kind == ATOMIC_FILE ? link(out->final_path, aside)
                                  : g_rename(out->final_path, aside)) != 0)
        error = errno;
    else if (g_rename(out->tmp_path, out->final_path) != 0) {
        error = errno;
        if (out->kind == ATOMIC_FILE)
            g_unlink(aside);
        else
            g_rename(aside, out->final_path);
    }
    if (error) {
        untrack(aside);
        g_free(aside);
        return error;
    }
    retarget(out, aside);
    return 0;
}

/* Undoes swap_in() after a later output of the group failed. Best effort: the system
 * just did the same renames in this folder. */
static void swap_back(atomic_out *out)
{
    if (!out->had_previous) {
        g_rename(out->final_path, out->tmp_path);
        return;
    }
    if (exchange(out->tmp_path, out->final_path) == 0)
        return;
    char *stash = g_strconcat(out->tmp_path, ".new", NULL);
    if (g_rename(out->final_path, stash) == 0 && g_rename(out->tmp_path, out->final_path) == 0)
        retarget(out, stash);
    else
        g_free(stash);
}

/* An error unless final_path is missing or of out's kind: a file never replaces a
 * folder, nor a folder a file (an exchange would do either without a word). */
static bool kind_fits(const atomic_out *out, diag_list *diags)
{
    GStatBuf st;
    if (g_lstat(out->final_path, &st) != 0)
        return true;
    bool folder = S_ISDIR(st.st_mode);
    if (out->kind == ATOMIC_FOLDER && !folder) {
        diag_add(diags, DIAG_ERROR, out->final_path, 0, 0, "%s",
                 tr("hier hoort een map, maar er staat een bestand met deze naam; verwijder "
                    "of hernoem dat bestand",
                    "a folder goes here, but a file has this name; remove or rename that file"));
        return false;
    }
    if (out->kind == ATOMIC_FILE && (folder || !S_ISREG(st.st_mode))) {
        diag_add(diags, DIAG_ERROR, out->final_path, 0, 0, "%s",
                 tr("hier hoort een bestand, maar er staat iets anders (een map?) met deze "
                    "naam; verwijder of hernoem het",
                    "a file goes here, but something else (a folder?) has this name; remove "
                    "or rename it"));
        return false;
    }
    return true;
}

/* With create_only: an error when something has final_path's name already. */
static bool is_free(const atomic_out *out, diag_list *diags)
{
    GStatBuf st;
    if (!out->create_only || g_lstat(out->final_path, &st) != 0)
        return true;
    diag_add(diags, DIAG_ERROR, out->final_path, 0, 0, "%s",
             tr("bestaat al; er is niets overschreven", "exists already; nothing was replaced"));
    return false;
}

static rr_error commit_held(atomic_out *const *outs, size_t n, diag_list *diags);

rr_error atomic_commit(atomic_out *const *outs, size_t n, diag_list *diags)
{
    /* A signal now waits until the group is in place or back as it was. */
    sigset_t old;
    interrupt_hold(&old);
    rr_error err = commit_held(outs, n, diags);
    if (err == RR_OK && n > 0)
        committed_any = true;
    interrupt_release(&old);
    return err;
}

static rr_error commit_held(atomic_out *const *outs, size_t n, diag_list *diags)
{
    for (size_t i = 0; i < n; i++) {
        atomic_out *o = outs[i];
        int error = o->kind == ATOMIC_FOLDER ? sync_tree(o->tmp_path)
                                             : sync_path(o->tmp_path, false);
        if (error) {
            fail(diags, o->final_path, CANNOT_WRITE, error);
            return RR_ERR_WRITE;
        }
        if (!kind_fits(o, diags) || !is_free(o, diags))
            return RR_ERR_WRITE;
    }
    for (size_t i = 0; i < n; i++) {
        int error = swap_in(outs[i]);
        if (error == EEXIST && outs[i]->create_only)
            is_free(outs[i], diags); /* made meanwhile: says so */
        else if (error)
            fail(diags, outs[i]->final_path, CANNOT_PLACE, error);
        if (error) {
            while (i-- > 0)
                swap_back(outs[i]);
            return RR_ERR_WRITE;
        }
    }
    /* The renames themselves reach the disk with an fsync of each folder. */
    for (size_t i = 0; i < n; i++) {
        char *parent = g_path_get_dirname(outs[i]->final_path);
        sync_path(parent, true);
        g_free(parent);
    }
    return RR_OK;
}

void atomic_remove_tree(const char *path)
{
    GStatBuf st;
    if (g_lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        GDir *dir = g_dir_open(path, 0, NULL);
        const char *name;
        while (dir && (name = g_dir_read_name(dir)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            atomic_remove_tree(child);
            g_free(child);
        }
        if (dir)
            g_dir_close(dir);
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

void atomic_discard(atomic_out *out)
{
    if (out->tmp_path) {
        atomic_remove_tree(out->tmp_path);
        untrack(out->tmp_path);
    }
    g_free(out->tmp_path);
    g_free(out->final_path);
    out->tmp_path = out->final_path = NULL;
}

/* ---- files other programs wrote, scratch folders ----------------------------------- */

/* Copies `from` into the open file fd; 0 or an errno value. */
static int copy_into(const char *from, int fd)
{
    char *bytes = NULL;
    gsize size = 0;
    GError *error = NULL;
    if (!g_file_get_contents(from, &bytes, &size, &error)) {
        g_error_free(error);
        return EIO;
    }
    int result = write_all(fd, bytes, size) ? 0 : errno;
    g_free(bytes);
    return result;
}

rr_error atomic_file_adopt(atomic_out *out, const char *written, const char *final_path,
                           atomic_check check, diag_list *diags)
{
    *out = (atomic_out){.kind = ATOMIC_FILE};
    GStatBuf st;
    if (g_lstat(written, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, final_path, 0, 0, "%s",
                 tr("is niet gemaakt", "was not made"));
        return RR_ERR_WRITE;
    }
    if (check == ATOMIC_PDF && !pdf_is_complete(written)) {
        diag_add(diags, DIAG_ERROR, final_path, 0, 0, "%s",
                 tr("is geen volledige PDF (zonder '%PDF-' aan het begin of '%%EOF' aan "
                    "het eind); is de schijf vol?",
                    "is no complete PDF (no '%PDF-' at its start or '%%EOF' at its end); "
                    "is the disk full?"));
        return RR_ERR_WRITE;
    }
    int fd = -1;
    rr_error err = atomic_file_start(out, final_path, &fd, diags);
    if (err != RR_OK)
        return err;
    /* The rename replaces the empty file mkstemp made, keeping its unguessable name. */
    int error = g_rename(written, out->tmp_path) == 0 ? 0 : errno;
    if (error == EXDEV)
        error = copy_into(written, fd);
    if (close(fd) != 0 && !error)
        error = errno;
    if (!error)
        return RR_OK;
    fail(diags, final_path, CANNOT_WRITE, error);
    atomic_discard(out);
    return RR_ERR_WRITE;
}

char *atomic_scratch_folder(const char *template)
{
    char *path = g_strdup(template);
    sigset_t old;
    interrupt_hold(&old);
    bool made = g_mkdtemp(path) != NULL;
    int error = errno;
    if (made)
        track(path);
    interrupt_release(&old);
    if (made)
        return path;
    g_free(path);
    errno = error;
    return NULL;
}

void atomic_scratch_remove(char *path)
{
    if (!path)
        return;
    atomic_remove_tree(path);
    untrack(path);
    g_free(path);
}

rr_error atomic_make_folder(const char *path, char **made, diag_list *diags)
{
    *made = NULL;
    if (g_file_test(path, G_FILE_TEST_IS_DIR))
        return RR_OK;
    sigset_t old;
    interrupt_hold(&old);
    int result = g_mkdir_with_parents(path, 0755);
    int error = errno;
    if (result == 0) {
        track_as(path, true);
        *made = g_strdup(path);
    }
    interrupt_release(&old);
    if (result == 0)
        return RR_OK;
    fail(diags, path, CANNOT_CREATE, error);
    return RR_ERR_WRITE;
}

void atomic_made_folder_release(char *made, bool keep)
{
    if (!made)
        return;
    if (!keep)
        g_rmdir(made); /* only when empty */
    untrack(made);
    g_free(made);
}
