/* test_cli.c - the binary as a user runs it: exit statuses and messages. */
#include <glib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

typedef struct {
    const char *name;
    const char *args[8];
    int status;
    const char *out_needle; /* in stdout, or NULL */
    const char *err_needle; /* in stderr, or NULL */
} cli_case;

static const cli_case cases[] = {
    {"help", {"--help", NULL}, 0, "validate", NULL},
    {"help in English", {"--lang", "en", "--help", NULL}, 0, "Usage: regiorapport", NULL},
    {"version", {"--version", NULL}, 0, "regiorapport 0.", NULL},
    {"command help", {"validate", "--help", NULL}, 0, "Afsluitcode", NULL},
    {"no command", {NULL}, 2, NULL, "Gebruik"},
    {"unknown command", {"frobnicate", NULL}, 2, NULL, "onbekende opdracht 'frobnicate'"},
    {"unknown option", {"validate", "--frob", NULL}, 2, NULL, "onbekende optie: --frob"},
    {"option without value", {"validate", "--data", NULL}, 2, NULL, "mist een waarde"},
    {"bad --as-of", {"validate", "--as-of", "31-02-2022", NULL}, 2, NULL, "--as-of verwacht"},
    {"bad --lang", {"validate", "--lang", "fr", NULL}, 2, NULL, "--lang verwacht nl of en"},
    {"unexpected argument", {"validate", "extra", NULL}, 2, NULL, "onverwacht argument"},
    {"--region as a path", {"report", "--region", "../x", "--charts", "none", NULL}, 2, NULL,
     "--region verwacht de naam van een regiomap"},
    {"--region unknown", {"report", "--region", "nergens", "--charts", "none", NULL}, 1, NULL,
     "regio 'nergens' bestaat niet"},
    {"missing data folder", {"validate", "--data", "/nonexistent-rr", NULL}, 1,
     "/nonexistent-rr: error: kan de map niet lezen", NULL},
    {"shipped data validates", {"validate", "--as-of", "2023-01-15", NULL}, 0,
     "0 fouten, ", NULL},
    {"shipped data in English", {"validate", "--lang", "en", "--as-of", "2023-01-15", NULL}, 0,
     "0 errors, ", NULL},
};

START_TEST(cli_cases)
{
    const cli_case *c = &cases[_i];
    const char *args[10];
    int n = 0;
    for (; c->args[n]; n++)
        args[n] = c->args[n];
    /* Run against the shipped data unless the case names --data itself. */
    bool has_data = false;
    for (int i = 0; i < n; i++)
        has_data |= strcmp(args[i], "--data") == 0;
    if (!has_data && n > 0 && strcmp(args[0], "validate") == 0 && strcmp(c->name, "unexpected argument") != 0) {
        args[n++] = "--data";
        args[n++] = tu_data_dir();
    }
    args[n] = NULL;
    char *out = NULL, *err = NULL;
    int status = tu_run(args, &out, &err);
    ck_assert_msg(status == c->status, "%s: exit %d, expected %d\nstdout:\n%s\nstderr:\n%s",
                  c->name, status, c->status, out, err);
    if (c->out_needle)
        ck_assert_msg(strstr(out, c->out_needle), "%s: stdout lacks '%s':\n%s", c->name,
                      c->out_needle, out);
    if (c->err_needle)
        ck_assert_msg(strstr(err, c->err_needle), "%s: stderr lacks '%s':\n%s", c->name,
                      c->err_needle, err);
    g_free(out);
    g_free(err);
}
END_TEST

/* A tree with several kinds of damage at once: every one is reported, exit 1. */
START_TEST(hostile_tree_reports_everything_and_exits_1)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2022-10-01,klaar,,\n");
    tu_write(dir, "regio-a/gemeente-b/acties.csv", "actie_id,plan_id,titel\n1.1,lp,caf\x81\n");
    tu_write(dir, "regio-a/Gemeente C/gemeente.csv", "gemeente_id,naam\nx,y\n");
    const char *args[] = {"validate", "--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = NULL, *err = NULL;
    int status = tu_run(args, &out, &err);
    ck_assert_int_eq(status, 1);
    /* Each error at its own place: the cell, the byte, the folder. */
    char *where = g_strdup_printf("%s/regio-a/gemeente-b/voortgang.csv:2:16", dir);
    tu_assert_said(out, where, DIAG_ERROR, "status|'klaar'");
    g_free(where);
    where = g_strdup_printf("%s/regio-a/gemeente-b/acties.csv:2:11", dir);
    tu_assert_said(out, where, DIAG_ERROR, "0x81");
    g_free(where);
    where = g_strdup_printf("%s/regio-a/Gemeente C", dir);
    tu_assert_said(out, where, DIAG_ERROR, "mapnaam|'gemeente-c'");
    g_free(where);
    ck_assert_msg(strstr(out, " fouten, "), "%s", out);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cases");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, cli_cases, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, hostile_tree_reports_everything_and_exits_1);
    suite_add_tcase(s, tc);
    return s;
}
