/* test_status.c - `regiorapport status`: the meeting summary as the terminal shows it. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "base/i18n.h"
#include "cli/harness.h"
#include "cli/statusview.h"
#include "suites.h"
#include "testutil.h"

Suite *status_suite(void);

#define GOLDEN_DIR "tests/golden"

/* Runs `status` with the arguments (NULL-terminated); returns stdout, checks the exit. */
static char *run_status(int expected_exit, const char *const *args)
{
    const char *argv[16] = {"status"};
    int n = 1;
    for (; args[n - 1]; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    char *out = NULL, *err = NULL;
    int status = tu_run(argv, &out, &err);
    ck_assert_msg(status == expected_exit,
                  "status exited %d, expected %d\nstdout:\n%s\nstderr:\n%s", status,
                  expected_exit, out, err);
    g_free(err);
    return out;
}

/* The first line where a and b differ (1-based; 0 when equal), for a readable failure;
 * sets *line_a and *line_b (g_free) when they differ. */
static int first_difference(const char *a, const char *b, char **line_a, char **line_b)
{
    char **la = g_strsplit(a, "\n", -1), **lb = g_strsplit(b, "\n", -1);
    guint na = g_strv_length(la), nb = g_strv_length(lb);
    int line = 0;
    for (guint i = 0; i < MAX(na, nb) && line == 0; i++) {
        const char *x = i < na ? la[i] : NULL, *y = i < nb ? lb[i] : NULL;
        if (!x || !y || strcmp(x, y) != 0) {
            line = (int)i + 1;
            *line_a = g_strdup(x ? x : "(end of output)");
            *line_b = g_strdup(y ? y : "(end of file)");
        }
    }
    g_strfreev(la);
    g_strfreev(lb);
    return line;
}

/* ---- golden output on the shipped data ---------------------------------------- */

static const struct {
    const char *lang;
    const char *golden;
} golden_cases[] = {
    {"nl", GOLDEN_DIR "/status-nl.txt"},
    {"en", GOLDEN_DIR "/status-en.txt"},
};

START_TEST(golden_status_on_shipped_data)
{
    const char *args[] = {"--data", tu_data_dir(), "--as-of", "2023-01-15", "--since",
                          "2022-12-01", "--lang", golden_cases[_i].lang, NULL};
    char *out = run_status(0, args);
    ck_assert_msg(strchr(out, '\x1b') == NULL, "colour codes in output that is not a terminal");
    char *expected = NULL;
    ck_assert_msg(g_file_get_contents(golden_cases[_i].golden, &expected, NULL, NULL),
                  "cannot read %s (run the tests from the repository root)",
                  golden_cases[_i].golden);
    char *got_line = NULL, *want_line = NULL;
    int line = first_difference(out, expected, &got_line, &want_line);
    ck_assert_msg(line == 0,
                  "%s differs at line %d:\n got: %s\nwant: %s\nWhole output:\n%s\n"
                  "If the change is intended, regenerate with:\n  regiorapport status --data %s "
                  "--as-of 2023-01-15 --since 2022-12-01 --lang %s > %s",
                  golden_cases[_i].golden, line, got_line, want_line, out, tu_data_dir(),
                  golden_cases[_i].lang, golden_cases[_i].golden);
    g_free(got_line);
    g_free(want_line);
    g_free(expected);
    g_free(out);
}
END_TEST

/* ---- the --since default --------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *meetings;     /* regio-a/overleggen.csv, or NULL for none */
    const char *since_option; /* --since, or NULL */
    const char *since;        /* expected in the header */
    const char *next;         /* expected next meeting */
} since_case;

static const since_case since_cases[] = {
    {"an RAO meeting before --as-of", "datum,soort,omschrijving\n07-12-2022,rao,RAO\n", NULL,
     "sinds 07-12-2022", "volgend overleg 18-01-2023"},
    {"no meetings: as-of minus 42 days", NULL, NULL, "sinds 04-12-2022",
     "volgend overleg 26-02-2023"},
    {"a bestuurlijk overleg does not count",
     "datum,soort,omschrijving\n20-12-2022,bestuurlijk-overleg,BO\n", NULL, "sinds 04-12-2022",
     "volgend overleg 26-02-2023"},
    {"the latest RAO strictly before --as-of",
     "datum,soort,omschrijving\n07-12-2022,rao,RAO\n15-01-2023,rao,RAO\n"
     "10-01-2023,evaluatie,evaluatie\n",
     NULL, "sinds 07-12-2022", "volgend overleg 26-02-2023"},
    {"a meeting without soort is an RAO", "datum,soort,omschrijving\n03-01-2023,,overleg\n",
     NULL, "sinds 03-01-2023", "volgend overleg 14-02-2023"},
    {"--since wins", "datum,soort,omschrijving\n07-12-2022,rao,RAO\n", "2022-11-01",
     "sinds 01-11-2022", "volgend overleg 18-01-2023"},
};

START_TEST(since_defaults)
{
    const since_case *c = &since_cases[_i];
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    if (c->meetings)
        tu_write(dir, "regio-a/overleggen.csv", c->meetings);
    const char *args[] = {"--data", dir, "--as-of", "2023-01-15",
                          c->since_option ? "--since" : NULL, c->since_option, NULL};
    char *out = run_status(0, args);
    char *header = g_strndup(out, strcspn(out, "\n"));
    ck_assert_msg(strstr(header, c->since), "%s: header lacks '%s': %s", c->name, c->since, header);
    ck_assert_msg(strstr(header, c->next), "%s: header lacks '%s': %s", c->name, c->next, header);
    g_free(header);
    g_free(out);
    tu_tmpdir_free(dir);
}
END_TEST

/* Regions meet on their own days: each gets its own line, and the owners without an
 * update carry their own date. */
START_TEST(regions_with_their_own_meetings)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort,omschrijving\n07-12-2022,rao,RAO\n");
    tu_write(dir, "regio-c/regio.csv", "regio_id,naam,centrumgemeente,veilig_thuis,bron\n"
                                       "regio-c,Regio C,Stad C,,test\n");
    tu_write(dir, "regio-c/plannen.csv",
             "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
             "bovenliggend_plan,evaluatie,bron\n"
             "ra,Aanpak,regio-aanpak,2021,2024,,,,,test\n");
    tu_write(dir, "regio-c/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "c1,ra,,,Actie C,,2024,,,test\n");
    const char *args[] = {"--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = run_status(0, args);
    const char *want[] = {
        "Overlegoverzicht per 15-01-2023\n"
        "  Regio A: wijzigingen sinds 07-12-2022, volgend overleg 18-01-2023\n"
        "  Regio C: wijzigingen sinds 04-12-2022, volgend overleg 26-02-2023\n\n",
        "Geen update sinds het vorige overleg: Regio C (sinds 04-12-2022).\n",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        ck_assert_msg(strstr(out, want[i]), "lacks [%s]:\n%s", want[i], out);
    g_free(out);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- layout ------------------------------------------------------------------------ */

/* The character offset of the last field of a line (after the last run of spaces). */
static long last_field_offset(const char *line)
{
    const char *p = strrchr(line, ' ');
    return g_utf8_strlen(line, p ? p + 1 - line : 0);
}

START_TEST(columns_align_with_utf8_names)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv",
             "gemeente_id,naam,cbs_code,inwoners,inwoners_peiljaar,bron\n"
             "gemeente-b,Súdwest-Fryslân ĲÆ,GM0001,10000,2022,test\n");
    tu_write(dir, "regio-a/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "r1,rv,,,Regionale actie,,2024,,,test\n");
    const char *args[] = {"--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = run_status(0, args);
    char **lines = g_strsplit(out, "\n", -1);
    /* lines[2] is the table heading, [3] a rule, then Regio A, the municipality. */
    ck_assert_msg(g_str_has_prefix(lines[2], "Regio / gemeente"), "%s", out);
    long update_column = g_utf8_strlen(lines[2], strstr(lines[2], "Update") - lines[2]);
    ck_assert_msg(g_str_has_prefix(lines[4], "Regio A"), "%s", out);
    ck_assert_msg(g_str_has_prefix(lines[5], "  Súdwest-Fryslân ĲÆ"), "%s", out);
    for (int i = 4; i <= 5; i++)
        ck_assert_msg(last_field_offset(lines[i]) == update_column,
                      "line %d: its last column starts at %ld, the heading's at %ld:\n%s", i + 1,
                      last_field_offset(lines[i]), update_column, out);
    ck_assert_int_eq(g_utf8_strlen(lines[3], -1), g_utf8_strlen(lines[2], -1));
    g_strfreev(lines);
    g_free(out);
    tu_tmpdir_free(dir);
}
END_TEST

/* Removes ANSI SGR sequences. */
static char *strip_sgr(const char *text)
{
    GRegex *re = g_regex_new("\x1b\\[[0-9;]*m", 0, 0, NULL);
    char *plain = g_regex_replace_literal(re, text, -1, 0, "", 0, NULL);
    g_regex_unref(re);
    return plain;
}

/* The summary of a tree as printed in-process, with or without colour. */
static char *summary_of(const char *dir, bool colour)
{
    rr_options opts;
    memset(&opts, 0, sizeof opts);
    opts.data_dir = dir;
    opts.as_of = date_from_ymd(2023, 1, 15);
    opts.today = tu_today();
    opts.since = RR_DATE_NONE;
    rr_model *model = NULL;
    diag_list diags;
    diag_list_init(&diags);
    ck_assert_int_eq(harness_load(&opts, &model, &diags), RR_OK);
    rr_analysis *an = analysis_new(model, opts.as_of, opts.since);
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    statusview_print(mem, an, colour);
    fclose(mem);
    analysis_free(an);
    model_free(model);
    diag_list_release(&diags);
    return text;
}

START_TEST(colour_changes_nothing_but_colour)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    /* An overdue action, so the red list and the overdue count get colour too. */
    tu_write(dir, "regio-a/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "r1,rv,,,Regionale actie,,2022,,,test\n");
    i18n_set_lang(LANG_NL);
    char *plain = summary_of(dir, false);
    char *coloured = summary_of(dir, true);
    ck_assert_msg(strchr(plain, '\x1b') == NULL, "%s", plain);
    ck_assert_msg(strstr(coloured, "\x1b[1;31m1\x1b[0m"), "no red overdue count:\n%s", coloured);
    char *stripped = strip_sgr(coloured);
    ck_assert_str_eq(stripped, plain);
    g_free(stripped);
    free(plain);
    free(coloured);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(colour_only_on_a_terminal_without_no_color)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    unsetenv("NO_COLOR");
    ck_assert(!statusview_use_colour(fds[1])); /* a pipe is not a terminal */
    close(fds[0]);
    close(fds[1]);
}
END_TEST

/* ---- what reaches the terminal from the data ------------------------------------ */

typedef struct {
    const char *in;
    size_t max;
    const char *out;
} clean_case;

static const clean_case clean_cases[] = {
    {"Training", 0, "Training"},
    {"a\x1b[2Jb", 0, "a [2Jb"},
    {"regel 1\nregel 2\r\n", 0, "regel 1 regel 2  "},
    {"tab\there", 0, "tab here"},
    {"bidi\xe2\x80\xaeoverride", 0, "bidioverride"},
    {"c1\xc2\x9b" "31m", 0, "c1 31m"},
    {"caf\xff", 0, "caf\xef\xbf\xbd"},
    {"0123456789", 10, "0123456789"},
    {"0123456789a", 10, "012345678…"},
    {"ééééééééééé", 10, "ééééééééé…"},
    {"1234567 9abc", 9, "1234567…"},
};

START_TEST(clean_text_for_the_terminal)
{
    const clean_case *c = &clean_cases[_i];
    char *got = statusview_clean(c->in, c->max);
    ck_assert_msg(strcmp(got, c->out) == 0, "case %d: got '%s', want '%s'", _i, got, c->out);
    g_free(got);
}
END_TEST

START_TEST(control_codes_in_titles_never_reach_the_terminal)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "r1,rv,,,\"\x1b]0;pwned\x07\x1b[2JWissen\",,2022,,,test\n");
    const char *args[] = {"--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = run_status(0, args);
    ck_assert_msg(strchr(out, '\x1b') == NULL && strchr(out, '\x07') == NULL, "%s", out);
    ck_assert_msg(strstr(out, "regio-a/r1") && strstr(out, "Wissen"), "%s", out);
    g_free(out);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- errors ------------------------------------------------------------------------- */

START_TEST(data_errors_go_to_stderr_with_exit_1)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,klaar,,\n");
    const char *args[] = {"status", "--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 1);
    ck_assert_str_eq(out, "");
    ck_assert_msg(strstr(err, "voortgang.csv:2:") && strstr(err, "'klaar'"), "%s", err);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(help_and_usage)
{
    const char *help[] = {"status", "--help", NULL};
    const char *help_en[] = {"status", "--lang", "en", "--help", NULL};
    const char *bad[] = {"status", "--out", "x", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(help, &out, &err), 0);
    ck_assert_msg(strstr(out, "Gebruik: regiorapport status") && strstr(out, "NO_COLOR"), "%s",
                  out);
    g_free(out);
    g_free(err);
    ck_assert_int_eq(tu_run(help_en, &out, &err), 0);
    ck_assert_msg(strstr(out, "Usage: regiorapport status"), "%s", out);
    g_free(out);
    g_free(err);
    ck_assert_int_eq(tu_run(bad, &out, &err), 2);
    ck_assert_msg(strstr(err, "--out hoort niet bij 'status'"), "%s", err);
    g_free(out);
    g_free(err);
}
END_TEST

START_TEST(warnings_are_one_line_on_stderr)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/notities.csv", "a,b\n1,2\n"); /* unknown file: warning */
    const char *args[] = {"status", "--data", dir, "--as-of", "2023-01-15", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 0);
    ck_assert_msg(strstr(err, "1 waarschuwing in de gegevens") && !strstr(err, "notities.csv"), "%s", err);
    ck_assert_msg(g_str_has_prefix(out, "Overlegoverzicht per 15-01-2023"), "%s", out);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("terminal");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, golden_status_on_shipped_data, 0, G_N_ELEMENTS(golden_cases));
    tcase_add_loop_test(tc, since_defaults, 0, G_N_ELEMENTS(since_cases));
    tcase_add_test(tc, regions_with_their_own_meetings);
    tcase_add_test(tc, columns_align_with_utf8_names);
    tcase_add_test(tc, colour_changes_nothing_but_colour);
    tcase_add_test(tc, colour_only_on_a_terminal_without_no_color);
    tcase_add_loop_test(tc, clean_text_for_the_terminal, 0, G_N_ELEMENTS(clean_cases));
    tcase_add_test(tc, control_codes_in_titles_never_reach_the_terminal);
    tcase_add_test(tc, data_errors_go_to_stderr_with_exit_1);
    tcase_add_test(tc, help_and_usage);
    tcase_add_test(tc, warnings_are_one_line_on_stderr);
    suite_add_tcase(s, tc);
    return s;
}
