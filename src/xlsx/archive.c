/* archive.c - reading a finished xlsx back before it is put in place (libarchive). */
#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <string.h>

#include "base/i18n.h"
#include "xlsx/cells.h"

/* How much of the start of an XML part is kept to find its root element, and of its
 * end to find the end tag. */
#define XML_HEAD 1024
#define XML_TAIL 256

/* The start and end of one part as it is read. */
typedef struct {
    char head[XML_HEAD + 1]; /* NUL-terminated */
    size_t head_len;
    char tail[2 * XML_TAIL];
    size_t tail_len;
    la_int64_t size;
} part_ends;

static void part_add(part_ends *p, const char *bytes, size_t n)
{
    if (n == 0)
        return; /* libarchive may hand an empty block without a buffer */
    size_t to_head = MIN(n, XML_HEAD - p->head_len);
    memcpy(p->head + p->head_len, bytes, to_head);
    p->head_len += to_head;
    if (n >= XML_TAIL) {
        memcpy(p->tail, bytes + n - XML_TAIL, XML_TAIL);
        p->tail_len = XML_TAIL;
    } else {
        if (p->tail_len + n > sizeof p->tail) {
            memmove(p->tail, p->tail + p->tail_len - XML_TAIL, XML_TAIL);
            p->tail_len = XML_TAIL;
        }
        memcpy(p->tail + p->tail_len, bytes, n);
        p->tail_len += n;
    }
    p->size += (la_int64_t)n;
}

/* Whether the part ends with the end tag of its root element (or is one empty root
 * element): a part cut off while libxlsxwriter wrote it does not. */
static bool xml_is_whole(const part_ends *p)
{
    const char *s = p->head, *end = p->head + p->head_len;
    /* Skip the declaration and any other <? ?> or <! > before the root. */
    while (s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        if (!lt || lt + 1 >= end)
            return false;
        if (lt[1] != '?' && lt[1] != '!') {
            s = lt + 1;
            break;
        }
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt)
            return false;
        s = gt + 1;
    }
    size_t name_len = strcspn(s, " \t\r\n/>");
    if (s + name_len >= end || name_len == 0)
        return false;
    size_t n = p->tail_len;
    while (n > 0 && g_ascii_isspace(p->tail[n - 1]))
        n--;
    char *want = g_strdup_printf("</%.*s>", (int)name_len, s);
    size_t want_len = strlen(want);
    bool whole = n >= want_len && memcmp(p->tail + n - want_len, want, want_len) == 0;
    g_free(want);
    /* A root with no content: "<root .../>" and nothing after it. */
    const char *gt = memchr(s, '>', (size_t)(end - s));
    if (!whole && (la_int64_t)p->head_len == p->size && gt && gt[-1] == '/') {
        whole = true;
        for (const char *q = gt + 1; q < end; q++)
            whole = whole && g_ascii_isspace(*q);
    }
    return whole;
}

/* Reads the current entry to its end; the libarchive error or NULL. */
static const char *read_part(struct archive *a, part_ends *p)
{
    const void *block;
    size_t size;
    la_int64_t offset;
    int r;
    while ((r = archive_read_data_block(a, &block, &size, &offset)) == ARCHIVE_OK)
        part_add(p, block, size);
    /* libarchive checks each part's size and CRC-32 at its end; a mismatch is a
     * warning there, a failure here. */
    return r == ARCHIVE_EOF ? NULL : archive_error_string(a) ? archive_error_string(a) : "?";
}

rr_error xlsx_archive_check(const char *path, const char *shown, diag_list *diags)
{
    struct archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    const char *problem = NULL;
    char *detail = NULL;
    size_t parts = 0;
    if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK)
        problem = archive_error_string(a);
    struct archive_entry *entry;
    int r = ARCHIVE_OK;
    while (!problem && (r = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
        part_ends *p = g_new0(part_ends, 1);
        const char *name = archive_entry_pathname(entry);
        problem = read_part(a, p);
        if (!problem && archive_entry_size_is_set(entry) && archive_entry_size(entry) != p->size)
            problem = tr("een deel heeft de verkeerde grootte", "a part has the wrong size");
        bool xml = name && (g_str_has_suffix(name, ".xml") || g_str_has_suffix(name, ".rels"));
        if (!problem && xml && !xml_is_whole(p))
            problem = tr("een deel is afgebroken", "a part is cut off");
        if (problem && name)
            detail = g_strdup(name);
        g_free(p);
        parts++;
    }
    if (!problem && r != ARCHIVE_EOF)
        problem = archive_error_string(a) ? archive_error_string(a) : "?";
    if (!problem && parts == 0)
        problem = tr("het archief is leeg", "the archive is empty");
    if (problem)
        diag_add(diags, DIAG_ERROR, shown, 0, 0, "%s: %s%s%s%s",
                 tr("is onvolledig geschreven (is de schijf vol?)",
                    "was written incompletely (is the disk full?)"),
                 problem, detail ? " (" : "", detail ? detail : "", detail ? ")" : "");
    g_free(detail);
    archive_read_free(a);
    return problem ? RR_ERR_WRITE : RR_OK;
}
