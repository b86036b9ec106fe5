/* test_csvfile.c - positions, encodings, delimiters and errors of csvread.c. */
#include <glib.h>
#include <string.h>

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

Suite *csvread_suite(void)
{
    Suite *s = suite_create("csvread");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, csv_cases, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, field_size_is_capped);
    tcase_add_test(tc, too_many_columns_is_an_error_once);
    tcase_add_test(tc, file_info_counts_rows_and_hashes_bytes);
    tcase_add_test(tc, missing_file_is_a_read_error);
    suite_add_tcase(s, tc);
    return s;
}
