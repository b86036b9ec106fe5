/* infile.c - opening an input file: regular files only, never blocking, size capped. */
#include "base/infile.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"

/* What a path that is not a regular file is, for messages. */
static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("een map", "a folder");
    if (S_ISFIFO(mode))
        return tr("een named pipe (FIFO)", "a named pipe (FIFO)");
    if (S_ISSOCK(mode))
        return tr("een socket", "a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return tr("een apparaat", "a device");
    return tr("geen gewoon bestand", "not a regular file");
}

/* Reports why path cannot be opened; a link that leads nowhere says so. */
static void report_unopenable(const char *path, int err, diag_list *diags)
{
    struct stat st;
    gchar *target = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? g_file_read_link(path, NULL)
                                                                  : NULL;
    if (target && err == ELOOP)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("is een link die in een kring naar zichzelf wijst (via '%s'); vervang hem "
                    "door het bestand zelf",
                    "is a link that points round in a loop to itself (via '%s'); replace it "
                    "with the file itself"),
                 target);
    else if (target && err == ENOENT)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("is een link naar '%s', dat niet bestaat; zet het bestand terug of "
                    "verwijder de link",
                    "is a link to '%s', which does not exist; put the file back or remove "
                    "the link"),
                 target);
    else
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("kan het bestand niet openen: %s", "cannot open the file: %s"),
                 i18n_strerror(err));
    g_free(target);
}

static void report_not_regular(const char *path, mode_t mode, const char *fix, diag_list *diags)
{
    diag_add(diags, DIAG_ERROR, path, 0, 0,
             tr("is %s, geen gewoon bestand, en wordt niet gelezen; %s",
                "is %s, not a regular file, and is not read; %s"),
             kind_of(mode), fix);
}

/* The stat before the open only spares a FIFO's writer a wake-up and names a folder
 * (open() of a folder succeeds); the fstat after it is what decides. */
int infile_open(const char *path, const char *fix, diag_list *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        report_unopenable(path, errno, diags);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        report_not_regular(path, st.st_mode, fix, diags);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        report_unopenable(path, errno, diags);
        return -1;
    }
    if (fstat(fd, &st) != 0) {
        report_unopenable(path, errno, diags);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        report_not_regular(path, st.st_mode, fix, diags);
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads fd to its end into content, stopping past max_bytes (*too_big); false with
 * errno set when a read fails. */
static bool read_all(int fd, size_t max_bytes, GString *content, bool *too_big)
{
    char chunk[64 * 1024];
    *too_big = false;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        if (content->len + (size_t)n > max_bytes) {
            *too_big = true;
            return true;
        }
        g_string_append_len(content, chunk, n);
    }
}

infile_status infile_read(const char *path, size_t max_bytes, const char *fix, char **bytes,
                          size_t *size, diag_list *diags)
{
    *bytes = NULL;
    *size = 0;
    int fd = infile_open(path, fix, diags);
    if (fd < 0)
        return INFILE_FAILED;
    struct stat st;
    size_t hint = fstat(fd, &st) == 0 && st.st_size > 0 && (size_t)st.st_size <= max_bytes
                      ? (size_t)st.st_size + 1
                      : 64 * 1024;
    GString *content = g_string_sized_new(hint);
    bool too_big;
    bool ok = read_all(fd, max_bytes, content, &too_big);
    int saved_errno = errno;
    close(fd);
    if (!ok) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("kan het bestand niet lezen: %s", "cannot read the file: %s"),
                 i18n_strerror(saved_errno));
        g_string_free(content, TRUE);
        return INFILE_FAILED;
    }
    if (too_big) {
        g_string_free(content, TRUE);
        return INFILE_TOO_BIG;
    }
    *size = content->len;
    *bytes = g_string_free(content, FALSE);
    return INFILE_OK;
}
