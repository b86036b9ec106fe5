/* csvread.c - encoding, delimiter, positions and limits around libcsv. */
#include "load/csvread.h"

#include <csv.h>
#include <glib.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/infile.h"

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
            .delimiter = r->delimiter,
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

/* Names the UTF-16 or UTF-32 form of a file (Excel's "Unicode text" is UTF-16LE with a
 * byte order mark), or returns NULL. Without a mark, text that is mostly ASCII shows
 * the form by where its NUL bytes fall in the first 4 KiB. */
static const char *wide_encoding(const unsigned char *buf, size_t len)
{
    if (len >= 4 && memcmp(buf, "\xFF\xFE\0\0", 4) == 0)
        return "UTF-32";
    if (len >= 4 && memcmp(buf, "\0\0\xFE\xFF", 4) == 0)
        return "UTF-32";
    if (len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF)))
        return "UTF-16";
    size_t n = (len < 4096 ? len : 4096) / 4 * 4, quads = n / 4;
    if (quads == 0)
        return NULL;
    size_t nul[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        nul[i % 4] += buf[i] == 0;
    if (nul[1] + nul[2] == 2 * quads && (nul[0] == quads) != (nul[3] == quads))
        return "UTF-32";
    /* UTF-16: one byte of (almost) every pair NUL, the other (almost) never. */
    size_t even = nul[0] + nul[2], odd = nul[1] + nul[3], pairs = 2 * quads;
    if ((odd * 4 >= pairs * 3 && even * 4 < pairs) || (even * 4 >= pairs * 3 && odd * 4 < pairs))
        return "UTF-16";
    return NULL;
}

/* Counts the multi-byte characters and the invalid bytes of buf as UTF-8. */
static void utf8_census(const unsigned char *buf, size_t len, size_t *multibyte, size_t *invalid)
{
    *multibyte = *invalid = 0;
    size_t at = 0;
    while (at < len) {
        const gchar *end;
        bool valid = g_utf8_validate_len((const gchar *)buf + at, len - at, &end);
        size_t stop = (size_t)((const unsigned char *)end - buf);
        for (size_t i = at; i < stop; i++)
            *multibyte += buf[i] >= 0xC0;
        if (valid)
            break;
        (*invalid)++;
        at = stop + 1;
    }
}

/* At most this many bytes of a UTF-8 file are named one by one; the rest are counted. */
#define STRAY_BYTES_NAMED 20

/* Reports every byte of buf that is not UTF-8, at its own line and column (a stray byte
 * counts as one character, as an editor shows it), with the Windows-1252 character it
 * probably was. */
static void report_stray_bytes(const char *path, const unsigned char *buf, size_t len,
                               diag_list *diags)
{
    long line = 1, column = 1;
    bool after_cr = false;
    size_t at = 0, stray = 0;
    while (at < len) {
        const gchar *end;
        bool valid = g_utf8_validate_len((const gchar *)buf + at, len - at, &end);
        size_t stop = (size_t)((const unsigned char *)end - buf);
        for (size_t i = at; i < stop; i++)
            advance(&line, &column, &after_cr, buf[i], false);
        if (valid)
            break;
        if (++stray <= STRAY_BYTES_NAMED) {
            gchar *guess = g_convert((const gchar *)buf + stop, 1, "UTF-8", "WINDOWS-1252", NULL,
                                     NULL, NULL);
            gchar *as = guess ? g_strdup_printf(tr(" (in Windows-1252: '%s')",
                                                   " (in Windows-1252: '%s')"), guess)
                              : g_strdup("");
            diag_add(diags, DIAG_ERROR, path, line, column,
                     tr("byte 0x%02X is geen UTF-8, terwijl de rest van het bestand UTF-8 "
                        "is%s; typ dit teken opnieuw, of sla het bestand op als 'CSV UTF-8'",
                        "byte 0x%02X is not UTF-8, while the rest of the file is UTF-8%s; "
                        "type this character again, or save the file as 'CSV UTF-8'"),
                     buf[stop], as);
            g_free(as);
            g_free(guess);
        }
        advance(&line, &column, &after_cr, buf[stop], true);
        at = stop + 1;
    }
    if (stray > STRAY_BYTES_NAMED)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("nog %zu bytes die geen UTF-8 zijn (alleen de eerste %d staan hierboven); "
                    "sla het bestand op als 'CSV UTF-8'",
                    "%zu more bytes that are not UTF-8 (only the first %d are listed above); "
                    "save the file as 'CSV UTF-8'"),
                 stray - STRAY_BYTES_NAMED, STRAY_BYTES_NAMED);
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

/* Parses UTF-8 text (no BOM, no NUL) with libcsv and streams its rows; the text's first
 * line is line `first_line` of the file. */
static void parse_text(reader *r, const char *text, size_t len, long first_line)
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
    r->line = first_line;
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

/* Excel's "sep=;" first line names the delimiter and is no header. Returns the length
 * of that line with its line end (0 when there is none) and sets *delimiter; a
 * delimiter this reader does not take is reported and returns (size_t)-1. */
static size_t sep_line(const char *path, const char *text, size_t len, char *delimiter,
                       diag_list *diags)
{
    if (len < 5 || g_ascii_strncasecmp(text, "sep=", 4) != 0)
        return 0;
    size_t end = 5;
    if (end < len && text[end] == '\r')
        end++;
    if (end < len && text[end] == '\n')
        end++;
    if (end < len && end == 5) /* more text after "sep=X": an ordinary header */
        return 0;
    char c = text[4];
    if (c != ',' && c != ';') {
        diag_add(diags, DIAG_ERROR, path, 1, 5,
                 tr("de eerste regel 'sep=' noemt een scheidingsteken dat hier niet gelezen "
                    "wordt; sla het bestand op met ';' of ',' tussen de velden",
                    "the first line 'sep=' names a delimiter that is not read here; save the "
                    "file with ';' or ',' between the fields"));
        return (size_t)-1;
    }
    *delimiter = c;
    diag_add(diags, DIAG_WARNING, path, 1, 1,
             tr("de eerste regel 'sep=%c' noemt alleen het scheidingsteken (zoals Excel "
                "schrijft); gelezen met '%c' tussen de velden, de kopregel is regel 2",
                "the first line 'sep=%c' only names the delimiter (as Excel writes it); read "
                "with '%c' between the fields, the header is line 2"),
             c, c);
    return end;
}

/* A whole-file encoding error (UTF-16/32, NUL byte) when there is one; true if so. */
static bool unreadable_encoding(const char *path, const unsigned char *buf, size_t len,
                                diag_list *diags)
{
    const char *wide = wide_encoding(buf, len);
    if (wide) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand is %s (in Excel 'Unicode-tekst'), geen UTF-8; open het in Excel "
                    "en kies Bestand > Opslaan als > 'CSV UTF-8 (door komma's gescheiden)'",
                    "file is %s (Excel's 'Unicode Text'), not UTF-8; open it in Excel and "
                    "choose File > Save As > 'CSV UTF-8 (Comma delimited)'"),
                 wide);
        return true;
    }
    const unsigned char *nul = memchr(buf, '\0', len);
    if (nul) {
        long line, column;
        position_of(buf, (size_t)(nul - buf), false, &line, &column);
        diag_add(diags, DIAG_ERROR, path, line, column,
                 tr("NUL-byte in het bestand: dit is geen tekstbestand; sla het op als CSV",
                    "NUL byte in the file: this is not a text file; save it as CSV"));
        return true;
    }
    return false;
}

/*
 * The text of buf as UTF-8, or NULL after an error; *owned is set to the copy to g_free
 * when the text is not buf itself. A file with no invalid
 * byte is UTF-8. A file with at least one multi-byte UTF-8 character is UTF-8 too, and
 * each invalid byte in it is an error at its place (read as U+FFFD, so the rest of the
 * file is still checked): Windows-1252 text almost never forms a UTF-8 character by
 * chance, while one pasted word in a UTF-8 file is common. Only a file with bytes above
 * 0x7F none of which form a UTF-8 character is read as Windows-1252, with a warning.
 */
static const char *decode(const char *path, const unsigned char *buf, size_t len,
                          diag_list *diags, size_t *out_len, char **owned, csvread_info *info)
{
    size_t multibyte, invalid;
    *owned = NULL;
    *out_len = len;
    utf8_census(buf, len, &multibyte, &invalid);
    if (invalid == 0)
        return (const char *)buf;
    if (multibyte > 0) {
        report_stray_bytes(path, buf, len, diags);
        *owned = g_utf8_make_valid((const gchar *)buf, (gssize)len);
        *out_len = strlen(*owned);
        return *owned;
    }
    const gchar *first;
    g_utf8_validate((const gchar *)buf, (gssize)len, &first);
    long line, column;
    position_of(buf, (size_t)((const unsigned char *)first - buf), true, &line, &column);
    char *converted = convert_cp1252(path, buf, len, diags, out_len);
    if (!converted)
        return NULL;
    diag_add(diags, DIAG_WARNING, path, line, column,
             tr("bestand is geen UTF-8; gelezen als Windows-1252 (zoals Excel opslaat). "
                "Sla het op als 'CSV UTF-8' om dit te voorkomen",
                "file is not UTF-8; read as Windows-1252 (as Excel saves). Save it as "
                "'CSV UTF-8' to avoid this"));
    info->was_cp1252 = true;
    *owned = converted;
    return converted;
}

/* The length of text without a DOS end-of-file mark: a Ctrl-Z (0x1A) alone on the last
 * line, as old DOS programs end a file, is ignored with a warning that names it; in
 * any other place it is data (and said where it is wrong). */
static size_t without_dos_eof(const char *path, const char *text, size_t len, diag_list *diags)
{
    size_t end = len;
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        end--;
    if (end == 0 || text[end - 1] != '\x1A' || (end > 1 && text[end - 2] != '\n' &&
                                                text[end - 2] != '\r'))
        return len;
    long line, column;
    position_of((const unsigned char *)text, end - 1, false, &line, &column);
    diag_add(diags, DIAG_WARNING, path, line, column, "%s",
             tr("de laatste regel is alleen Ctrl-Z (\\x1A), het einde-teken van oude "
                "DOS-programma's; die regel wordt niet gelezen",
                "the last line is only Ctrl-Z (\\x1A), the end mark of old DOS programs; that "
                "line is not read"));
    return end - 1;
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
    if (unreadable_encoding(path, buf, len, diags))
        return RR_OK;
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
        info->had_bom = true;
        buf += 3;
        len -= 3;
    }
    char *owned;
    const char *text = decode(path, buf, len, diags, &len, &owned, info);
    if (!text)
        return RR_OK;

    len = without_dos_eof(path, text, len, diags);
    reader r = {.path = path, .diags = diags, .on_row = on_row, .ctx = ctx};
    size_t skip = sep_line(path, text, len, &r.delimiter, diags);
    if (skip != (size_t)-1) {
        if (skip == 0)
            r.delimiter = detect_delimiter(text, len);
        info->delimiter = r.delimiter;
        parse_text(&r, text + skip, len - skip, skip ? 2 : 1);
        info->rows = r.rows_seen > 0 ? r.rows_seen - 1 : 0;
    }
    g_free(owned);
    return RR_OK;
}

rr_error csvread_file(const char *path, csvread_row_fn on_row, void *ctx, diag_list *diags,
                       csvread_info *info)
{
    char *content;
    size_t size;
    switch (infile_read(path, CSV_MAX_FILE_BYTES,
                        tr("zet hier het CSV-bestand neer, of geef dit een andere naam",
                           "put the CSV file here, or give this another name"),
                        &content, &size, diags)) {
    case INFILE_FAILED:
        return RR_ERR_READ;
    case INFILE_TOO_BIG:
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand is groter dan %zu MiB; splits het (voortgang-*.csv mag in delen)",
                    "file is larger than %zu MiB; split it (voortgang-*.csv may come in parts)"),
                 CSV_MAX_FILE_BYTES / (1024 * 1024));
        return RR_OK;
    case INFILE_OK:
        break;
    }
    rr_error err = csvread_buffer(path, content, size, on_row, ctx, diags, info);
    g_free(content);
    return err;
}
