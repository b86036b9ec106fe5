/* pdf.c - is a PDF complete; its dates and identifiers made reproducible. */
#include "base/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Readers look for the trailer in the file's last 1,024 bytes. */
#define TAIL_BYTES 1024

/* The last `needle` in the n bytes at `hay` (which may hold NUL bytes), or NULL. */
static const char *find_last(const char *hay, size_t n, const char *needle)
{
    size_t len = strlen(needle);
    for (size_t i = n >= len ? n - len + 1 : 0; i-- > 0;)
        if (memcmp(hay + i, needle, len) == 0)
            return hay + i;
    return NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == '\0';
}

/* Whether the tail of a PDF is "startxref OFFSET %%EOF" and white space. */
static bool has_trailer(const char *tail, size_t n)
{
    while (n > 0 && is_space(tail[n - 1]))
        n--;
    if (n < 5 || memcmp(tail + n - 5, "%%EOF", 5) != 0)
        return false;
    const char *start = find_last(tail, n - 5, "startxref");
    if (!start)
        return false;
    const char *p = start + strlen("startxref"), *end = tail + n - 5;
    while (p < end && is_space(*p))
        p++;
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    if (p == digits)
        return false;
    while (p < end && is_space(*p))
        p++;
    return p == end;
}

bool pdf_is_complete(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    struct stat st;
    char head[5], tail[TAIL_BYTES];
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > (off_t)sizeof head &&
              pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
              memcmp(head, "%PDF-", sizeof head) == 0;
    if (ok) {
        size_t n = st.st_size < TAIL_BYTES ? (size_t)st.st_size : TAIL_BYTES;
        ok = pread(fd, tail, n, st.st_size - (off_t)n) == (ssize_t)n && has_trailer(tail, n);
    }
    close(fd);
    return ok;
}

/* ---- reproducible dates and identifiers ------------------------------------------- */

/* A place in the file whose hex digits become the digest. */
typedef struct {
    char *at;
    size_t len;
} hex_run;

/* Whether `key` (a PDF name such as "/ID") starts at p and ends there (the next byte
 * is no regular character of a name). */
static bool key_at(const char *p, const char *end, const char *key)
{
    size_t len = strlen(key);
    if ((size_t)(end - p) <= len || memcmp(p, key, len) != 0)
        return false;
    char next = p[len];
    return is_space(next) || strchr("()<>[]{}/%", next) != NULL;
}

/* A date "(D:YYYYMMDDHHmmSS" after a key: its digits become `digits` (as many as it
 * has); an offset "+HH'mm" becomes "+00'00", as the digits are in UTC. */
static void restamp_date(char *p, const char *end, const char *digits)
{
    while (p < end && is_space(*p))
        p++;
    if (end - p < 3 || memcmp(p, "(D:", 3) != 0)
        return;
    p += 3;
    for (size_t i = 0; p < end && *p >= '0' && *p <= '9' && i < 14; p++, i++)
        *p = digits[i];
    if (p < end && (*p == '+' || *p == '-')) {
        *p++ = '+';
        for (; p < end && ((*p >= '0' && *p <= '9') || *p == '\''); p++)
            if (*p != '\'')
                *p = '0';
    }
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Clears the hex digits from p on and remembers where they were. */
static char *take_hex(char *p, const char *end, GArray *runs)
{
    hex_run run = {p, 0};
    while (p < end && is_hex(*p))
        *p++ = '0';
    run.len = (size_t)(p - run.at);
    if (run.len > 0)
        g_array_append_val(runs, run);
    return p;
}

/* "/ID [<hex> <hex>]": both strings. */
static void clear_id(char *p, const char *end, GArray *runs)
{
    while (p < end && is_space(*p))
        p++;
    if (p >= end || *p++ != '[')
        return;
    while (p < end && *p != ']') {
        if (*p == '<')
            p = take_hex(p + 1, end, runs);
        else
            p++;
    }
}

int pdf_set_time(const char *path, time_t when)
{
    gchar *bytes = NULL;
    gsize size = 0;
    if (!g_file_get_contents(path, &bytes, &size, NULL))
        return EIO;
    char digits[16];
    struct tm utc;
    if (!gmtime_r(&when, &utc) || strftime(digits, sizeof digits, "%Y%m%d%H%M%S", &utc) != 14) {
        g_free(bytes);
        return EINVAL;
    }
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(hex_run));
    char *end = bytes + size;
    for (char *p = bytes; p < end; p++) {
        if (*p != '/')
            continue;
        if (key_at(p, end, "/CreationDate"))
            restamp_date(p + strlen("/CreationDate"), end, digits);
        else if (key_at(p, end, "/ModDate"))
            restamp_date(p + strlen("/ModDate"), end, digits);
        else if (key_at(p, end, "/ID"))
            clear_id(p + 3, end, runs);
        else if (key_at(p, end, "/DocChecksum")) {
            char *q = p + strlen("/DocChecksum");
            while (q < end && is_space(*q))
                q++;
            if (q < end && *q == '/')
                take_hex(q + 1, end, runs);
        }
    }
    /* The same content gives the same digest, so the same identifiers. */
    char *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, size);
    for (guint i = 0; i < runs->len; i++) {
        hex_run *run = &g_array_index(runs, hex_run, i);
        for (size_t k = 0; k < run->len; k++)
            run->at[k] = g_ascii_toupper(digest[k % 64]);
    }
    int result = g_file_set_contents(path, bytes, (gssize)size, NULL) ? 0 : EIO;
    g_free(digest);
    g_array_free(runs, TRUE);
    g_free(bytes);
    return result;
}
