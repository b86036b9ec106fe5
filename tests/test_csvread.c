/* test_csvfile.c - positions, encodings, delimiters and errors of csvread.c. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/csvread.h"
#include "suites.h"
#include "testutil.h"

/* Renders every row as "field@line:col|field@line:col\n". */
static void collect(const csvread_row *row, void *ctx)
{
    GString *s = ctx;
    for (size_t i = 0; i < row->count; i++)
        g_string_append_printf(s, "%s%s@%ld:%ld", i ? "|" : "", row->fields[i], row->lines[i],
                               row->columns[i]);
    g_string_append_c(s, '\n');
}

typedef struct {
    const char *name;
    const char *input;
    size_t size;          /* 0: strlen(input) */
    const char *rows;     /* expected rendering, or NULL when not checked */
    long line, column;    /* expected diagnostic position, 0 when none expected */
    diag_severity severity;
    const char *needle;   /* expected in the diagnostic's message */
} csv_case;

static const csv_case cases[] = {
    {"comma", "a,b\n1,2\n", 0, "a@1:1|b@1:3\n1@2:1|2@2:3\n", 0, 0, 0, NULL},
    {"semicolon and CRLF", "a;b\r\n1;2\r\n", 0, "a@1:1|b@1:3\n1@2:1|2@2:3\n", 0, 0, 0, NULL},
    {"BOM stripped", "\xEF\xBB\xBF" "a,b\n1,2\n", 0, "a@1:1|b@1:3\n1@2:1|2@2:3\n", 0, 0, 0, NULL},
    {"quoted newline keeps counting lines", "a,b\n\"x\ny\",2\n3,4\n", 0,
     "a@1:1|b@1:3\nx\ny@2:1|2@3:4\n3@4:1|4@4:3\n", 0, 0, 0, NULL},
    {"quoted CRLF inside field", "a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", 0,
     "a@1:1|b@1:3\nx\r\ny@2:1|2@3:4\n3@4:1|4@4:3\n", 0, 0, 0, NULL},
    {"doubled quotes", "a\n\"he said \"\"hi\"\"\"\n", 0, "a@1:1\nhe said \"hi\"@2:1\n", 0, 0, 0,
     NULL},
    {"empty lines skipped", "a,b\n\n\n1,2\n", 0, "a@1:1|b@1:3\n1@4:1|2@4:3\n", 0, 0, 0, NULL},
    {"trailing empty field", "a,b,\n", 0, "a@1:1|b@1:3|@1:5\n", 0, 0, 0, NULL},
    {"empty fields in the middle", "a,,c\n", 0, "a@1:1|@1:3|c@1:4\n", 0, 0, 0, NULL},
    {"no final newline", "a,b\n1,2", 0, "a@1:1|b@1:3\n1@2:1|2@2:3\n", 0, 0, 0, NULL},
    {"columns count characters, not bytes", "é€,b\n", 0, "é€@1:1|b@1:4\n", 0, 0, 0, NULL},
    {"spaces around unquoted fields trimmed", " a , b \n", 0, "a@1:2|b@1:6\n", 0, 0, 0, NULL},
    {"semicolon wins when the header has more", "\"a,b\";c;d\n1;2;3\n", 0,
     "a,b@1:1|c@1:7|d@1:9\n1@2:1|2@2:3|3@2:5\n", 0, 0, 0, NULL},
    {"comma inside quotes with comma delimiter", "a,b\n\"1,5\",2\n", 0,
     "a@1:1|b@1:3\n1,5@2:1|2@2:7\n", 0, 0, 0, NULL},
    {"Windows-1252 converted with a warning", "a,b\ncaf\xE9,\x80 5\n", 0,
     "a@1:1|b@1:3\ncafé@2:1|€ 5@2:6\n", 2, 4, DIAG_WARNING, "Windows-1252"},
    {"undefined Windows-1252 byte", "a,b\n1,\x81\n", 0, "", 2, 3, DIAG_ERROR, "0x81"},
    /* A UTF-8 file with one stray Windows-1252 byte stays UTF-8 (no mojibake of its
     * other characters), with an error at that byte; the rows are still read. */
    {"stray Windows-1252 byte in a UTF-8 file", "a,b\n\xE2\x82\xAC 3.000,caf\xE9 \xC3\xA9\xC3\xA9n\n",
     0, "a@1:1|b@1:3\n\xE2\x82\xAC 3.000@2:1|caf\xEF\xBF\xBD \xC3\xA9\xC3\xA9n@2:9\n", 2, 12,
     DIAG_ERROR, "0xE9 is geen UTF-8"},
    {"stray byte blamed at its own place, not at a quote mark", "a\n\xE2\x80\x9D x\ny\nz\x92w\n", 0,
     NULL, 4, 2, DIAG_ERROR, "0x92"},
    /* Excel's "sep=;" line names the delimiter; the header is line 2. */
    {"sep=; first line", "sep=;\na;b\n1;2\n", 0, "a@2:1|b@2:3\n1@3:1|2@3:3\n", 1, 1,
     DIAG_WARNING, "'sep=;'"},
    {"SEP=, over a header with more semicolons", "\xEF\xBB\xBFSEP=,\r\na;b,c\r\n", 0,
     "a;b@2:1|c@2:5\n", 1, 1, DIAG_WARNING, "'sep=,'"},
    {"sep= naming another delimiter", "sep=|\na|b\n", 0, "", 1, 5, DIAG_ERROR, "'sep='"},
    {"a header that only starts with sep=", "sep=x,b\n", 0, "sep=x@1:1|b@1:7\n", 0, 0, 0, NULL},
    {"NUL byte", "a,b\n1,x\0y\n", 10, "", 2, 4, DIAG_ERROR, "NUL"},
    {"unclosed quote at the end", "a,b\n1,\"open\n2,3\n", 0, NULL, 2, 3, DIAG_ERROR,
     "nergens gesloten"},
    {"quote in the middle of a field", "a,b\n1,x\"y\n", 0, NULL, 2, 3, DIAG_ERROR,
     "verkeerde plaats"},
    {"text after a closing quote", "a,b\n1,\"x\"y\n", 0, NULL, 2, 3, DIAG_ERROR,
     "verkeerde plaats"},
};

START_TEST(csv_cases)
{
    const csv_case *c = &cases[_i];
    GString *rows = g_string_new(NULL);
    diag_list diags;
    diag_list_init(&diags);
    size_t size = c->size ? c->size : strlen(c->input);
    csvread_buffer("t.csv", c->input, size, collect, rows, &diags, NULL);
    char *all = tu_diags_text(&diags);
    if (c->rows)
        ck_assert_msg(strcmp(rows->str, c->rows) == 0, "%s: rows\n%s\nexpected\n%s", c->name,
                      rows->str, c->rows);
    if (c->line) {
        ck_assert_msg(tu_find_diag(&diags, "t.csv", c->line, c->column, c->severity, c->needle),
                      "%s: expected %ld:%ld '%s', got:\n%s", c->name, c->line, c->column,
                      c->needle, all);
        ck_assert_uint_eq(diags.count, 1);
    } else {
        ck_assert_msg(diags.count == 0, "%s: unexpected diagnostics:\n%s", c->name, all);
    }
    g_free(all);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
}
END_TEST

START_TEST(field_size_is_capped)
{
    size_t n = CSV_MAX_FIELD_BYTES + 10;
    char *input = g_malloc(n + 8);
    memcpy(input, "a\n\"", 3);
    memset(input + 3, 'x', n);
    GString *rows = g_string_new(NULL);
    diag_list diags;
    diag_list_init(&diags);
    csvread_buffer("t.csv", input, n + 3, collect, rows, &diags, NULL);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "t.csv", 2, 1, DIAG_ERROR, "langer dan"));
    ck_assert_uint_eq(diags.errors, 1);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
    g_free(input);
}
END_TEST

START_TEST(too_many_columns_is_an_error_once)
{
    GString *input = g_string_new("a\n");
    for (int i = 0; i < CSV_MAX_FIELDS + 5; i++)
        g_string_append(input, "x,");
    g_string_append(input, "\n");
    GString *rows = g_string_new(NULL);
    diag_list diags;
    diag_list_init(&diags);
    csvread_buffer("t.csv", input->str, input->len, collect, rows, &diags, NULL);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "t.csv", 2, 0, DIAG_ERROR, "kolommen"));
    ck_assert_uint_eq(diags.errors, 1);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
    g_string_free(input, TRUE);
}
END_TEST

START_TEST(file_info_counts_rows_and_hashes_bytes)
{
    const char *input = "a,b\n1,2\n3,4\n";
    csvread_info info;
    diag_list diags;
    diag_list_init(&diags);
    GString *rows = g_string_new(NULL);
    csvread_buffer("t.csv", input, strlen(input), collect, rows, &diags, &info);
    ck_assert_uint_eq(info.rows, 2);
    ck_assert_uint_eq(info.bytes, strlen(input));
    ck_assert_int_eq(info.delimiter, ',');
    /* sha256sum of the same bytes */
    char *expected = g_compute_checksum_for_string(G_CHECKSUM_SHA256, input, -1);
    ck_assert_str_eq(info.sha256, expected);
    g_free(expected);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
}
END_TEST

START_TEST(missing_file_is_a_read_error)
{
    diag_list diags;
    diag_list_init(&diags);
    GString *rows = g_string_new(NULL);
    ck_assert_int_eq(csvread_file("/nonexistent/x.csv", collect, rows, &diags, NULL),
                     RR_ERR_READ);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "x.csv", 0, 0, DIAG_ERROR, "kan het bestand"));
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
}
END_TEST

/* UTF-16 and UTF-32 (Excel's "Unicode text"), with and without byte order mark: one
 * error that names the encoding and how to save as UTF-8, not "NUL byte". */
static const struct {
    const char *bytes;
    size_t size;
    const char *encoding;
} wide_cases[] = {
    {"\xFF\xFE" "a\0\t\0b\0\n\0", 10, "UTF-16"},
    {"\xFE\xFF\0a\0,\0b\0\n", 10, "UTF-16"},
    {"a\0c\0t\0i\0e\0,\0b\0\n\0", 16, "UTF-16"},
    {"\0a\0c\0t\0i\0e\0,\0b\0\n", 16, "UTF-16"},
    {"\xFF\xFE\0\0a\0\0\0", 8, "UTF-32"},
    {"a\0\0\0,\0\0\0b\0\0\0\n\0\0\0", 16, "UTF-32"},
    {"\0\0\0a\0\0\0,\0\0\0b\0\0\0\n", 16, "UTF-32"},
};

START_TEST(wide_encodings_are_named)
{
    GString *rows = g_string_new(NULL);
    diag_list diags;
    diag_list_init(&diags);
    csvread_buffer("t.csv", wide_cases[_i].bytes, wide_cases[_i].size, collect, rows, &diags,
                   NULL);
    char *all = tu_diags_text(&diags);
    ck_assert_msg(diags.count == 1 && tu_find_diag(&diags, "t.csv", 0, 0, DIAG_ERROR,
                                                   wide_cases[_i].encoding) &&
                      strstr(all, "CSV UTF-8") && !strstr(all, "NUL"),
                  "case %d: %s", _i, all);
    ck_assert_str_eq(rows->str, "");
    g_free(all);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
}
END_TEST

/* Reads dir/name with csvread_file; returns the diagnostics as text (g_free) and
 * asserts it is a read error that took less than a second (a FIFO must not block). */
static char *read_special(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    diag_list diags;
    diag_list_init(&diags);
    GString *rows = g_string_new(NULL);
    gint64 start = g_get_monotonic_time();
    ck_assert_int_eq(csvread_file(path, collect, rows, &diags, NULL), RR_ERR_READ);
    ck_assert_msg(g_get_monotonic_time() - start < G_USEC_PER_SEC, "%s took too long", name);
    ck_assert_str_eq(rows->str, "");
    ck_assert_uint_eq(diags.errors, 1);
    ck_assert_str_eq(diags.items[0].path, path);
    char *all = tu_diags_text(&diags);
    diag_list_release(&diags);
    g_string_free(rows, TRUE);
    g_free(path);
    return all;
}

/* Only regular files are read: a FIFO, a device, a folder, a dangling link and a link
 * loop each get an error at the path that says what it is. */
START_TEST(only_regular_files_are_read)
{
    char *dir = tu_mkdtemp();
    char *fifo = g_build_filename(dir, "voortgang.csv", NULL);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    char *folder = g_build_filename(dir, "acties.csv", NULL);
    ck_assert_int_eq(g_mkdir(folder, 0700), 0);
    char *device = g_build_filename(dir, "themas.csv", NULL);
    ck_assert_int_eq(symlink("/dev/zero", device), 0);
    char *dangling = g_build_filename(dir, "begroting.csv", NULL);
    ck_assert_int_eq(symlink("weg.csv", dangling), 0);
    char *loop = g_build_filename(dir, "cijfers.csv", NULL);
    ck_assert_int_eq(symlink("cijfers.csv", loop), 0);
    static const struct {
        const char *name, *says;
    } expect[] = {
        {"voortgang.csv", "is een named pipe (FIFO), geen gewoon bestand"},
        {"acties.csv", "is een map, geen gewoon bestand"},
        {"themas.csv", "is een apparaat, geen gewoon bestand"},
        {"begroting.csv", "is een link naar 'weg.csv', dat niet bestaat"},
        {"cijfers.csv", "is een link die in een kring naar zichzelf wijst"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        char *all = read_special(dir, expect[i].name);
        ck_assert_msg(strstr(all, expect[i].says), "%s: %s", expect[i].name, all);
        g_free(all);
    }
    g_free(fifo);
    g_free(folder);
    g_free(device);
    g_free(dangling);
    g_free(loop);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *csvread_suite(void)
{
    Suite *s = suite_create("csvread");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, csv_cases, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, field_size_is_capped);
    tcase_add_test(tc, too_many_columns_is_an_error_once);
    tcase_add_test(tc, file_info_counts_rows_and_hashes_bytes);
    tcase_add_test(tc, missing_file_is_a_read_error);
    tcase_add_loop_test(tc, wide_encodings_are_named, 0, (int)G_N_ELEMENTS(wide_cases));
    tcase_add_test(tc, only_regular_files_are_read);
    suite_add_tcase(s, tc);
    return s;
}
