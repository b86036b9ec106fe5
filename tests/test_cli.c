/* test_cli.c - the binary as a user runs it: exit statuses and messages. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/options.h"
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
    {"-h", {"-h", NULL}, 0, "Opdrachten:", NULL},
    {"help in English", {"--lang", "en", "--help", NULL}, 0, "Usage: regiorapport", NULL},
    {"version", {"--version", NULL}, 0, "regiorapport ", NULL},
    {"-V", {"-V", NULL}, 0, "regiorapport ", NULL},
    {"-V after a command", {"template", "-V", NULL}, 0, "regiorapport ", NULL},
    {"command help", {"validate", "--help", NULL}, 0, "Afsluitcode", NULL},
    {"command -h", {"status", "-h", NULL}, 0, "--region REGIO", NULL},
    {"help COMMAND", {"help", "template", NULL}, 0, "template [OPTIES] GEMEENTE|REGIO", NULL},
    {"no command", {NULL}, 2, NULL, "Gebruik"},
    {"unknown command", {"frobnicate", NULL}, 2, NULL, "onbekende opdracht 'frobnicate'"},
    {"command: did you mean", {"valdate", NULL}, 2, NULL, "bedoelt u 'validate'?"},
    {"unknown option", {"validate", "--frob", NULL}, 2, NULL, "onbekende optie: --frob"},
    {"option: did you mean", {"report", "--chrts", "none", NULL}, 2, NULL,
     "onbekende optie: --chrts; bedoelt u '--charts'?"},
    {"option with = named without its value", {"validate", "--frob=x", NULL}, 2, NULL,
     "onbekende optie: --frob\n"},
    {"option without value", {"validate", "--data", NULL}, 2, NULL, "--data mist een waarde"},
    {"option of another command", {"validate", "--out", "x", NULL}, 2, NULL,
     "--out hoort niet bij 'validate'"},
    {"bad --as-of", {"validate", "--as-of", "31-02-2022", NULL}, 2, NULL,
     "--as-of verwacht een datum"},
    {"--as-of before 1900-03-01", {"validate", "--as-of", "1900-01-01", NULL}, 2, NULL,
     "--as-of verwacht een datum"},
    {"--as-of after 9999", {"validate", "--as-of", "10000-01-01", NULL}, 2, NULL,
     "--as-of verwacht een datum"},
    {"--since after --as-of", {"validate", "--as-of", "2023-01-15", "--since", "2023-01-16",
     NULL}, 2, NULL, "--since ligt na --as-of"},
    {"bad --lang", {"validate", "--lang", "fr", NULL}, 2, NULL, "--lang verwacht nl of en"},
    {"--langx is no --lang", {"validate", "--langx", "en", NULL}, 2, NULL,
     "onbekende optie: --langx; bedoelt u '--lang'?"},
    {"--langXYZ before the command", {"--langXYZ", "en", "validate", NULL}, 2, NULL,
     "onbekende optie: --langXYZ"},
    {"--lang after a mistake still sets the language", {"validate", "--frob", "--lang", "en",
     NULL}, 2, NULL, "unknown option: --frob"},
    {"empty --data", {"validate", "--data", "", NULL}, 2, NULL,
     "--data verwacht een map, geen lege tekst"},
    {"empty --out=", {"report", "--out=", NULL}, 2, NULL, "--out verwacht een map"},
    {"unexpected argument", {"validate", "extra", NULL}, 2, NULL, "onverwacht argument 'extra'"},
    {"missing argument", {"template", NULL}, 2, NULL, "GEMEENTE|REGIO ontbreekt"},
    {"--region as a path", {"report", "--region", "../x", "--charts", "none", NULL}, 2, NULL,
     "--region verwacht de naam van een regiomap"},
    {"--region unknown", {"report", "--region", "nergens", "--charts", "none", NULL}, 1, NULL,
     "regio 'nergens' bestaat niet"},
    {"status --region unknown", {"status", "--region", "nergens", NULL}, 1, NULL,
     "regio 'nergens' bestaat niet"},
    {"--region: did you mean", {"validate", "--region", "gelderland-zud", NULL}, 1,
     "zuid-holland-zuid; bedoelt u 'gelderland-zuid'?", NULL},
    {"--region: a municipality", {"validate", "--region", "west-betuwe", NULL}, 1,
     "'west-betuwe' is een gemeente in regio 'gelderland-zuid', geen regio; schrijf --region "
     "gelderland-zuid", NULL},
    {"template: unknown owner", {"template", "west-betuw", NULL}, 1, NULL,
     "'west-betuw' is geen gemeente of regio in 'regions' (bekend zijn: "},
    {"template: did you mean", {"template", "west-betuw", NULL}, 1, NULL,
     "zuid-holland-zuid, dordrecht); bedoelt u 'west-betuwe'?"},
    {"status --region", {"status", "--region", "gelderland-zuid", "--as-of", "2023-01-15",
     NULL}, 0, "West Betuwe", NULL},
    {"missing data folder", {"validate", "--data", "/nonexistent-rr", NULL}, 1,
     "/nonexistent-rr: fout: kan de map niet lezen: bestand of map bestaat niet", NULL},
    {"one error: singular", {"validate", "--data", "/nonexistent-rr", NULL}, 1,
     "1 fout, 0 waarschuwingen in 0 bestanden", NULL},
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
    ck_assert_msg(status == c->status, "%s: exit %d, expected %d\nstdout:\n%.1500s\nstderr:\n%.1500s",
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

/* Each command's --help lists every option of its row in the table, one line each,
 * in both languages, and none it does not take. */
START_TEST(help_lists_every_option)
{
    size_t n_cmd, n_opt;
    const cli_command *table = commands_table(&n_cmd);
    const options_spec *specs = options_specs(&n_opt);
    for (size_t c = 0; c < n_cmd; c++)
        for (int en = 0; en < 2; en++) {
            const char *args[] = {"--lang", en ? "en" : "nl", table[c].name, "--help", NULL};
            char *out = NULL, *err = NULL;
            ck_assert_int_eq(tu_run(args, &out, &err), 0);
            for (size_t o = 0; o < n_opt; o++) {
                char *line = specs[o].short_name
                                 ? g_strdup_printf("\n  -%c, --%s ", specs[o].short_name,
                                                   specs[o].name)
                                 : g_strdup_printf("\n  --%s ", specs[o].name);
                bool takes = (table[c].options | OPT_EVERY_COMMAND) & specs[o].flag;
                ck_assert_msg((strstr(out, line) != NULL) == takes,
                              "%s --help %s '--%s':\n%s", table[c].name,
                              takes ? "lacks" : "lists", specs[o].name, out);
                g_free(line);
            }
            g_free(out);
            g_free(err);
        }
}
END_TEST

/* Outside a project folder and without --data, the error says to use --data. */
START_TEST(outside_a_project_says_use_data)
{
    char *dir = tu_mkdtemp();
    const char *bin = tu_bin();
    char *abs = g_canonicalize_filename(bin, NULL);
    const char *argv[] = {"sh", "-c", "cd \"$1\" && exec \"$2\" validate", "sh", dir, abs, NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_spawn(argv, &out, &err), 2);
    ck_assert_msg(strstr(err, "geen map 'regions' hier") && strstr(err, "--data MAP"), "%s", err);
    g_free(out);
    g_free(err);
    g_free(abs);
    tu_tmpdir_free(dir);
}
END_TEST

/* Runs the binary on args and checks its exit status; returns stdout, stderr in *err. */
static char *run_expect(int expected, const char *const *args, char **err)
{
    char *out = NULL;
    int status = tu_run(args, &out, err);
    ck_assert_msg(status == expected, "%s %s: exit %d, expected %d\n%s%s", args[0], args[1],
                  status, expected, out, *err);
    return out;
}

/* `nieuw` makes a region and a municipality with every file; validate then names only
 * the cells to fill in first; a name taken, a region unknown, a path are refused. */
START_TEST(nieuw_makes_folders_ready_to_fill)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "regions", NULL);
    char *err = NULL;
    const char *region[] = {"nieuw", "--data", data, "noord", NULL};
    char *out = run_expect(0, region, &err);
    ck_assert_msg(strstr(out, "regio.csv: naam en centrumgemeente"), "%s", out);
    g_free(out);
    g_free(err);
    const char *town[] = {"nieuw", "--data", data, "noord/tiel", NULL};
    out = run_expect(0, town, &err);
    ck_assert_msg(strstr(out, "noord/tiel/\n") && strstr(out, "gemeente.csv: naam"), "%s", out);
    g_free(out);
    g_free(err);
    static const char *const files[] = {"themas.csv", "noord/regio.csv", "noord/acties.csv",
                                        "noord/overleggen.csv", "noord/tiel/gemeente.csv",
                                        "noord/tiel/voortgang.csv", "noord/tiel/plannen.csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        char *path = g_build_filename(data, files[i], NULL);
        ck_assert_msg(g_file_test(path, G_FILE_TEST_IS_REGULAR), "%s missing", files[i]);
        g_free(path);
    }
    const char *check[] = {"validate", "--data", data, NULL};
    out = run_expect(1, check, &err);
    ck_assert_msg(strstr(out, "noord/regio.csv:2:7: fout: kolom 'naam' is leeg") &&
                      strstr(out, "noord/tiel/gemeente.csv:2:6: fout: kolom 'naam' is leeg") &&
                      strstr(out, "noord/overleggen.csv: waarschuwing: geen overleg van noord "
                                  "vastgelegd") &&
                      strstr(out, "3 fouten, 1 waarschuwing "),
                  "%s", out);
    g_free(out);
    g_free(err);
    g_free(run_expect(1, town, &err));
    ck_assert_msg(strstr(err, "'tiel' bestaat al"), "%s", err);
    g_free(err);
    const char *same_as_region[] = {"nieuw", "--data", data, "noord/noord", NULL};
    g_free(run_expect(1, same_as_region, &err));
    ck_assert_msg(strstr(err, "'noord' bestaat al"), "%s", err);
    g_free(err);
    const char *zuid[] = {"nieuw", "--data", data, "zuid", NULL};
    g_free(run_expect(0, zuid, &err));
    g_free(err);
    const char *other_region[] = {"nieuw", "--data", data, "zuid/noord", NULL};
    g_free(run_expect(1, other_region, &err));
    ck_assert_msg(strstr(err, "'noord' bestaat al"), "%s", err);
    g_free(err);
    char *stray = g_build_filename(data, "zuid", "noord", NULL);
    ck_assert_msg(!g_file_test(stray, G_FILE_TEST_EXISTS), "a municipality named as a region");
    g_free(stray);
    const char *typo[] = {"nieuw", "--data", data, "nord/x", NULL};
    g_free(run_expect(1, typo, &err));
    ck_assert_msg(strstr(err, "regio 'nord' bestaat niet") && strstr(err, "bedoelt u 'noord'?"),
                  "%s", err);
    g_free(err);
    const char *path[] = {"nieuw", "--data", data, "noord/../x", NULL};
    g_free(run_expect(2, path, &err));
    g_free(err);
    g_free(data);
    tu_tmpdir_free(dir);
}
END_TEST

/* `nieuw` writes all or nothing: when the new region's folder cannot be put in place
 * (its name is a dangling link), the shared files of the new data folder are not left
 * behind either, nor any temporary folder. */
START_TEST(nieuw_writes_all_or_nothing)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "regions", NULL);
    ck_assert_int_eq(g_mkdir(data, 0755), 0);
    char *link = g_build_filename(data, "noord", NULL);
    ck_assert_int_eq(symlink("/nonexistent/elsewhere", link), 0);
    GHashTable *before = tu_snapshot(data);
    char *err = NULL;
    const char *region[] = {"nieuw", "--data", data, "noord", NULL};
    char *out = run_expect(3, region, &err);
    tu_assert_said(err, link, DIAG_ERROR, "map");
    ck_assert_msg(strstr(err, "niets geschreven"), "%s", err);
    ck_assert_str_eq(out, "");
    tu_assert_unchanged(before, data);
    g_hash_table_unref(before);
    g_free(out);
    g_free(err);
    g_free(link);
    g_free(data);
    tu_tmpdir_free(dir);
}
END_TEST

/* Every line on stderr is a message in one form, "regiorapport COMMAND: ...", the hint
 * that follows a usage error, or a diagnostic; a name from the command line reaches the
 * terminal with its control characters shown, not obeyed. */
START_TEST(messages_speak_one_way)
{
    char *dir = tu_mkdtemp();
    char *blocked = g_build_filename(dir, "file", "out", NULL);
    char *file = g_build_filename(dir, "file", NULL);
    ck_assert(g_file_set_contents(file, "x", 1, NULL));
    const struct {
        const char *command;
        int status;
        const char *args[12];
        const char *needle;
    } runs[] = {
        {"nieuw", 2, {"nieuw", "--data", dir, "a\033[2Jb", NULL}, "'a\\x1B[2Jb' is geen REGIO"},
        {"report", 3, {"report", "--data", tu_data_dir(), "--out", blocked, "--as-of",
                       "2023-01-15", "--charts", "none", NULL}, "kan map '"},
        {"template", 1, {"template", "--data", tu_data_dir(), "west-betuw", NULL},
         "'west-betuw' is geen gemeente"},
        {"validate", 2, {"validate", "--frob", NULL}, "onbekende optie: --frob"},
        {"status", 2, {"status", "--data", tu_data_dir(), "extra", NULL},
         "onverwacht argument 'extra'"},
    };
    for (size_t r = 0; r < G_N_ELEMENTS(runs); r++) {
        char *out = NULL, *err = NULL;
        int status = tu_run(runs[r].args, &out, &err);
        ck_assert_msg(status == runs[r].status, "%s: exit %d\n%s", runs[r].command, status, err);
        char *prefix = g_strdup_printf("regiorapport %s: ", runs[r].command);
        char *needle = g_strconcat(prefix, runs[r].needle, NULL);
        ck_assert_msg(strstr(err, needle), "%s: no '%s' in:\n%s", runs[r].command, needle, err);
        ck_assert_msg(!strchr(err, '\033'), "%s: a raw escape reached stderr:\n%s",
                      runs[r].command, err);
        char **lines = g_strsplit(err, "\n", -1);
        for (char **line = lines; *line && **line; line++)
            ck_assert_msg(g_str_has_prefix(*line, prefix) || g_str_has_prefix(*line, "Zie '") ||
                              strstr(*line, ": fout: ") || strstr(*line, ": waarschuwing: "),
                          "%s: a line in another form: '%s'", runs[r].command, *line);
        g_strfreev(lines);
        g_free(needle);
        g_free(prefix);
        g_free(out);
        g_free(err);
    }
    g_free(file);
    g_free(blocked);
    tu_tmpdir_free(dir);
}
END_TEST

/* The edit distance behind did-you-mean, and when a hint is given. */
START_TEST(suggest_nearest_names)
{
    ck_assert_uint_eq(suggest_distance("lopnd", "lopend", 3), 1);
    ck_assert_uint_eq(suggest_distance("pl", "lp", 3), 1);          /* a swap is one */
    ck_assert_uint_eq(suggest_distance("Meldcode", "meldcode", 3), 0); /* case does not count */
    ck_assert_uint_eq(suggest_distance("abcdef", "uvwxyz", 2), 3);    /* limit + 1 */
    static const char *const names[] = {"report", "status", "template", "validate"};
    char *hint = suggest_hint("statsu", names, 4);
    ck_assert_str_eq(hint, "; bedoelt u 'status'?");
    g_free(hint);
    hint = suggest_hint("frobnicate", names, 4);
    ck_assert_str_eq(hint, "");
    g_free(hint);
}
END_TEST

/* Progress is one line rewritten in place on a terminal (run under script(1) for a
 * pseudo-terminal), nothing of it with --quiet or when stderr is a pipe; a dumb terminal
 * gets no escape sequence: spaces clear the line. */
START_TEST(progress_only_on_a_terminal)
{
    char *out_dir = tu_mkdtemp();
    const char *bin = tu_bin();
    char *abs = g_canonicalize_filename(bin, NULL);
    const struct {
        const char *term;
        bool quiet;
        const char *drawn; /* how "werkmap schrijven" appears and is cleared */
    } runs[] = {
        {"xterm", false, "\r\033[Kwerkmap schrijven\r\033[K"},
        {"xterm", true, NULL},
        {"dumb", false, "\rwerkmap schrijven\r                 \r"}, /* 17 spaces */
    };
    for (size_t r = 0; r < G_N_ELEMENTS(runs); r++) {
        char *command = g_strdup_printf("TERM=%s '%s' report %s --data '%s' --out '%s' "
                                        "--as-of 2023-01-15 --charts none", runs[r].term, abs,
                                        runs[r].quiet ? "--quiet" : "", tu_data_dir(), out_dir);
        const char *argv[] = {"script", "-qec", command, "/dev/null", NULL};
        char *out = NULL, *err = NULL;
        ck_assert_int_eq(tu_spawn(argv, &out, &err), 0);
        if (runs[r].drawn)
            ck_assert_msg(strstr(out, runs[r].drawn), "TERM=%s:\n%s", runs[r].term, out);
        else
            ck_assert_msg(!strstr(out, "werkmap schrijven"), "--quiet:\n%s", out);
        if (strcmp(runs[r].term, "dumb") == 0)
            ck_assert_msg(!strchr(out, '\033'), "an escape sequence on a dumb terminal:\n%s", out);
        /* --quiet prints only errors: not even the paths or the warnings' count. */
        ck_assert_msg((strstr(out, "regiorapport-2023-01-15.xlsx") == NULL) == runs[r].quiet,
                      "%s", out);
        ck_assert_msg((strstr(out, "waarschuwingen") == NULL) == runs[r].quiet, "%s", out);
        g_free(out);
        g_free(err);
        g_free(command);
    }
    const char *args[] = {"report", "--data", tu_data_dir(), "--out", out_dir, "--as-of",
                          "2023-01-15", "--charts", "none", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 0);
    ck_assert_msg(!strchr(err, '\r') && !strchr(err, '\033'), "%s", err);
    g_free(out);
    g_free(err);
    g_free(abs);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Every terminal session shown in the docs prints what the docs show (tests/doc_examples.py). */
START_TEST(docs_show_real_output)
{
    const char *bin = tu_bin();
    const char *argv[] = {"python3", "tests/doc_examples.py", bin, tu_data_dir(),
                          "README.md", "docs/meeting-cycle.md", "docs/mid-term-evaluation.md",
                          "regions/README.md", NULL};
    char *out = NULL, *err = NULL;
    int status = tu_spawn(argv, &out, &err);
    ck_assert_msg(status == 0, "doc examples (status %d):\n%.3000s%.1000s", status, out, err);
    g_free(out);
    g_free(err);
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cases");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, cli_cases, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, hostile_tree_reports_everything_and_exits_1);
    tcase_add_test(tc, help_lists_every_option);
    tcase_add_test(tc, outside_a_project_says_use_data);
    tcase_add_test(tc, nieuw_makes_folders_ready_to_fill);
    tcase_add_test(tc, nieuw_writes_all_or_nothing);
    tcase_add_test(tc, messages_speak_one_way);
    tcase_add_test(tc, suggest_nearest_names);
    tcase_add_test(tc, progress_only_on_a_terminal);
    suite_add_tcase(s, tc);
    TCase *docs = tcase_create("docs");
    tcase_set_timeout(docs, 180);
    tcase_add_test(docs, docs_show_real_output);
    suite_add_tcase(s, docs);
    return s;
}
