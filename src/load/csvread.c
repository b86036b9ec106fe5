/* csvread.c - encoding, delimiter, positions and limits around libcsv. */
#include "load/csvread.h"

#include <csv.h>
#include <errno.h>
#include <glib.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

typedef struct {
    const char *path;
    diag_list *diags;
    csvread_row_fn on_row;
    void *ctx;
    char delimiter;
    bool stop;          /* a fatal problem was reported: ignore the rest */

    /* Position of the next byte, and of the byte just fed. */
    long line, column;
    bool after_cr;
    long last_line, last_column;

    /* The field being read. */
    bool field_open;
    long field_line, field_column;
    size_t field_bytes;

    /* The row being built: field texts back to back, each NUL-terminated. */
    GString *text;
    GArray *offsets;    /* size_t: start of each field in text */
    GArray *lines;      /* long */
    GArray *columns;    /* long */
    GPtrArray *pointers;
    bool too_many_reported;
    size_t rows_seen;   /* including the header */
} reader;

/* ------------------------------------------------------------------------- */
/* Positions                                                                  */
/* ------------------------------------------------------------------------- */

/* Moves the position past byte c: CRLF, CR and LF each end one line; a column is a
 * character, so UTF-8 continuation bytes do not move it (unless single_byte). */
static void advance(long *line, long *column, bool *after_cr, unsigned char c, bool single_byte)
{
    if (c == '\n') {
        if (!*after_cr) {
            (*line)++;
            *column = 1;
        }
        *after_cr = false;
    } else if (c == '\r') {
        (*line)++;
        *column = 1;
        *after_cr = true;
    } else {
        *after_cr = false;
        if (single_byte || (c & 0xC0) != 0x80)
            (*column)++;
    }
}

/* Line and column of byte `offset` in buf. */
static void position_of(const unsigned char *buf, size_t offset, bool single_byte, long *line,
                        long *column)
{
    bool after_cr = false;
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++)
        advance(line, column, &after_cr, buf[i], single_byte);
}

/* ------------------------------------------------------------------------- */
/* libcsv callbacks                                                           */
/* ------------------------------------------------------------------------- */

/* libcsv: one field ended. Its start is where we saw it open, or, for an empty
 * field, the delimiter or line end that closed it. */
static void on_field(void *data, size_t len, void *user)
{
    reader *r = user;
    long line = r->field_open ? r->field_line : r->last_line;
    long column = r->field_open ? r->field_column : r->last_column;
    r->field_open = false;
    if (r->stop)
        return;
    if (r->offsets->len >= CSV_MAX_FIELDS) {
        if (!r->too_many_reported)
            diag_add(r->diags, DIAG_ERROR, r->path, line, column,
                     tr("meer dan %d kolommen in deze regel; verwijder de overtollige kolommen",
                        "more than %d columns on this line; remove the extra columns"),
                     CSV_MAX_FIELDS);
        r->too_many_reported = true;
        return;
    }
    size_t offset = r->text->len;
    g_string_append_len(r->text, data ? data : "", (gssize)len);
    g_string_append_c(r->text, '\0');
    g_array_append_val(r->offsets, offset);
    g_array_append_val(r->lines, line);
    g_array_append_val(r->columns, column);
}

/* libcsv: one row ended. Hands it to the caller and starts a new one. */
static void on_row_end(int terminator, void *user)
{
    (void)terminator;
    reader *r = user;
    r->field_open = false;
    if (!r->stop && r->offsets->len > 0) {
        g_ptr_array_set_size(r->pointers, 0);
        for (guint i = 0; i < r->offsets->len; i++)
            g_ptr_array_add(r->pointers, r->text->str + g_array_index(r->offsets, size_t, i));
        csvread_row row = {
            .count = r->offsets->len,
            .fields = (const char *const *)r->pointers->pdata,
            .lines = (const long *)(void *)r->lines->data,
            .columns = (const long *)(void *)r->columns->data,
            .line = g_array_index(r->lines, long, 0),
        };
        r->on_row(&row, r->ctx);
        r->rows_seen++;
    }
    g_string_truncate(r->text, 0);
    g_array_set_size(r->offsets, 0);
    g_array_set_size(r->lines, 0);
    g_array_set_size(r->columns, 0);
    r->too_many_reported = false;
}

/* ------------------------------------------------------------------------- */
/* Feeding libcsv                                                             */
/* ------------------------------------------------------------------------- */

/* Bytes at which libcsv may end a field: only there can a callback fire. */
static bool ends_chunk(unsigned char c, char delimiter)
{
    return c == (unsigned char)delimiter || c == '"' || c == '\r' || c == '\n';
}

/* Reports a quoting error at the start of the field it concerns. */
static void report_quote_error(reader *r)
{
    long line = r->field_open ? r->field_line : r->last_line;
    long column = r->field_open ? r->field_column : r->last_column;
    diag_add(r->diags, DIAG_ERROR, r->path, line, column,
             tr("aanhalingsteken op een verkeerde plaats in dit veld; zet het hele veld tussen "
                "dubbele aanhalingstekens en verdubbel de aanhalingstekens erin (\"zo \"\"dus\"\"\")",
                "quote in the wrong place in this field; put the whole field in double quotes "
                "and double the quotes inside (\"like \"\"this\"\"\")"));
    r->stop = true;
}

/* Gives buf to libcsv in chunks that end at a delimiter, quote or line end, so that
 * every callback knows the position of the byte that triggered it. */
static void feed(reader *r, struct csv_parser *parser, const unsigned char *buf, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len && !r->stop; i++) {
        unsigned char c = buf[i];
        if (!r->field_open && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            r->field_open = true;
            r->field_line = r->line;
            r->field_column = r->column;
            r->field_bytes = 0;
        }
        r->last_line = r->line;
        r->last_column = r->column;
        advance(&r->line, &r->column, &r->after_cr, c, false);
        if (r->field_open && ++r->field_bytes > CSV_MAX_FIELD_BYTES) {
            diag_add(r->diags, DIAG_ERROR, r->path, r->field_line, r->field_column,
                     tr("veld langer dan %zu bytes; is er een aanhalingsteken niet gesloten? "
                        "Lange teksten horen in een apart document, verwijs ernaar in 'bron'",
                        "field longer than %zu bytes; is a quote left open? Long texts belong "
                        "in a separate document: refer to it in 'bron'"),
                     CSV_MAX_FIELD_BYTES);
            r->stop = true;
            return;
        }
        if (ends_chunk(c, r->delimiter)) {
            size_t n = i + 1 - start;
            if (csv_parse(parser, buf + start, n, on_field, on_row_end, r) != n) {
                report_quote_error(r);
                return;
            }
            start = i + 1;
        }
    }
    if (!r->stop && start < len) {
        size_t n = len - start;
        if (csv_parse(parser, buf + start, n, on_field, on_row_end, r) != n)
            report_quote_error(r);
    }
}

/* ------------------------------------------------------------------------- */
/* Encoding                                                                   */
/* ------------------------------------------------------------------------- */

/* Converts Windows-1252 to UTF-8 with iconv. Returns the new text (g_free) or NULL
 * after reporting the first byte that Windows-1252 does not define. */
static char *convert_cp1252(const char *path, const unsigned char *buf, size_t len,
                            diag_list *diags, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand is geen UTF-8 en Windows-1252 wordt hier niet ondersteund; "
                    "sla het op als 'CSV UTF-8'",
                    "file is not UTF-8 and Windows-1252 is not supported here; save it as "
                    "'CSV UTF-8'"));
        return NULL;
    }
    size_t capacity = len * 3 + 1; /* every Windows-1252 byte is at most 3 bytes of UTF-8 */
    char *out = g_malloc(capacity);
    char *in_p = (char *)buf, *out_p = out;
    size_t in_left = len, out_left = capacity - 1;
    if (iconv(cd, &in_p, &in_left, &out_p, &out_left) == (size_t)-1) {
        long line, column;
        size_t offset = (size_t)((const unsigned char *)in_p - buf);
        position_of(buf, offset, true, &line, &column);
        diag_add(diags, DIAG_ERROR, path, line, column,
                 tr("byte 0x%02X is geen geldig teken in UTF-8 of Windows-1252; verwijder het "
                    "of sla het bestand op als 'CSV UTF-8'",
                    "byte 0x%02X is not a valid character in UTF-8 or Windows-1252; remove it "
                    "or save the file as 'CSV UTF-8'"),
                 *(const unsigned char *)in_p);
        g_free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *out_p = '\0';
    *out_len = (size_t)(out_p - out);
    return out;
}

/* Chooses ';' when the header line has more semicolons than commas outside quotes:
 * Dutch Excel saves with ';'. */
static char detect_delimiter(const char *text, size_t len)
{
    size_t commas = 0, semicolons = 0;
    bool quoted = false, seen_text = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) {
            if (seen_text)
                break;
        } else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == ';')
            semicolons++;
        if (c != '\n' && c != '\r')
            seen_text = true;
    }
    return semicolons > commas ? ';' : ',';
}

/* ------------------------------------------------------------------------- */
/* Public                                                                     */
/* ------------------------------------------------------------------------- */

/* Parses UTF-8 text (no BOM, no NUL) with libcsv and streams its rows. */
static void parse_text(reader *r, const char *text, size_t len)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diag_add(r->diags, DIAG_ERROR, r->path, 0, 0, "%s", rr_strerror(RR_ERR_NOMEM));
        return;
    }
    csv_set_delim(&parser, (unsigned char)r->delimiter);
    r->text = g_string_sized_new(256);
    r->offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
    r->lines = g_array_new(FALSE, FALSE, sizeof(long));
    r->columns = g_array_new(FALSE, FALSE, sizeof(long));
    r->pointers = g_ptr_array_new();
    r->line = 1;
    r->column = 1;

    feed(r, &parser, (const unsigned char *)text, len);
    if (!r->stop && csv_fini(&parser, on_field, on_row_end, r) != 0) {
        diag_add(r->diags, DIAG_ERROR, r->path, r->field_line, r->field_column,
                 tr("aanhalingsteken wordt nergens gesloten; sluit het veld af met \"",
                    "quote is never closed; end the field with \""));
    }
    csv_free(&parser);
    g_string_free(r->text, TRUE);
    g_array_free(r->offsets, TRUE);
    g_array_free(r->lines, TRUE);
    g_array_free(r->columns, TRUE);
    g_ptr_array_free(r->pointers, TRUE);
}

rr_error csvread_buffer(const char *path, const char *bytes, size_t size, csvread_row_fn on_row,
                         void *ctx, diag_list *diags, csvread_info *info)
{
    csvread_info local;
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    info->bytes = size;
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, size);
    g_strlcpy(info->sha256, digest, sizeof info->sha256);
    g_free(digest);

    const unsigned char *buf = (const unsigned char *)bytes;
    size_t len = size;
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
        info->had_bom = true;
        buf += 3;
        len -= 3;
    }

    const unsigned char *nul = memchr(buf, '\0', len);
    if (nul) {
        long line, column;
        position_of(buf, (size_t)(nul - buf), false, &line, &column);
        diag_add(diags, DIAG_ERROR, path, line, column,
                 tr("NUL-byte in het bestand: dit is geen tekstbestand; sla het op als CSV",
                    "NUL byte in the file: this is not a text file; save it as CSV"));
        return RR_OK;
    }

    char *converted = NULL;
    const char *text = (const char *)buf;
    const gchar *invalid;
    if (!g_utf8_validate((const gchar *)buf, (gssize)len, &invalid)) {
        long line, column;
        position_of(buf, (size_t)((const unsigned char *)invalid - buf), false, &line, &column);
        size_t converted_len = 0;
        converted = convert_cp1252(path, buf, len, diags, &converted_len);
        if (!converted)
            return RR_OK;
        diag_add(diags, DIAG_WARNING, path, line, column,
                 tr("bestand is geen UTF-8; gelezen als Windows-1252 (zoals Excel opslaat). "
                    "Sla het op als 'CSV UTF-8' om dit te voorkomen",
                    "file is not UTF-8; read as Windows-1252 (as Excel saves). Save it as "
                    "'CSV UTF-8' to avoid this"));
        info->was_cp1252 = true;
        text = converted;
        len = converted_len;
    }

    reader r = {
        .path = path,
        .diags = diags,
        .on_row = on_row,
        .ctx = ctx,
        .delimiter = detect_delimiter(text, len),
    };
    info->delimiter = r.delimiter;
    parse_text(&r, text, len);
    info->rows = r.rows_seen > 0 ? r.rows_seen - 1 : 0;
    g_free(converted);
    return RR_OK;
}

rr_error csvread_file(const char *path, csvread_row_fn on_row, void *ctx, diag_list *diags,
                       csvread_info *info)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, tr("kan het bestand niet openen: %s",
                                                   "cannot open the file: %s"),
                 g_strerror(errno));
        return RR_ERR_READ;
    }
    GString *content = g_string_sized_new(64 * 1024);
    char chunk[64 * 1024];
    size_t n;
    bool too_big = false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (content->len + n > CSV_MAX_FILE_BYTES) {
            too_big = true;
            break;
        }
        g_string_append_len(content, chunk, (gssize)n);
    }
    bool failed = ferror(f);
    int saved_errno = errno;
    fclose(f);
    rr_error err = RR_OK;
    if (failed) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, tr("kan het bestand niet lezen: %s",
                                                   "cannot read the file: %s"),
                 g_strerror(saved_errno));
        err = RR_ERR_READ;
    } else if (too_big) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand is groter dan %zu MiB; splits het (voortgang-*.csv mag in delen)",
                    "file is larger than %zu MiB; split it (voortgang-*.csv may come in parts)"),
                 CSV_MAX_FILE_BYTES / (1024 * 1024));
    } else {
        err = csvread_buffer(path, content->str, content->len, on_row, ctx, diags, info);
    }
    g_string_free(content, TRUE);
    return err;
}
