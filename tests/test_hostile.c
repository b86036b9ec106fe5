/*
 * test_hostile.c - hostile input through the real binary: every case has its exit
 * status and a message at its place (path:line:column). No crash, no command run, no
 * formula written; the workbook opens in openpyxl and in ssconvert.
 *
 * Complements test_csvfile.c (the reader's limits, unit by unit), test_workbook.c
 * (formula-looking texts, _xHHHH_, a 40,000-character note) and test_chart.c (names
 * for gnuplot).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF "2023-01-15"
#define PROGRESS "regio-a/gemeente-b/voortgang.csv"
#define ACTIONS "regio-a/gemeente-b/acties.csv"

/* Runs `validate` on dir; returns the exit status; its diagnostics (stdout) and
 * stderr in *text (g_free). */
static int validate(const char *dir, char **text)
{
    const char *args[] = {"validate", "--data", dir, "--as-of", AS_OF, NULL};
    char *out = NULL, *err = NULL;
    int status = tu_run(args, &out, &err);
    *text = g_strconcat(out, err, NULL);
    g_free(out);
    g_free(err);
    return status;
}

/* Asserts that stderr holds `needle`, showing stderr (cut) when it does not. */
#define assert_says(err, needle)                                                            \
    ck_assert_msg(strstr((err), (needle)), "expected '%s' in:\n%.2000s", (needle), (err))

/* Points REGIORAPPORT_SCRIPTS at ./scripts, whichever binary runs. */
static void use_scripts(void)
{
    char *cwd = g_get_current_dir();
    char *scripts = g_build_filename(cwd, "scripts", NULL);
    g_setenv("REGIORAPPORT_SCRIPTS", scripts, TRUE);
    g_free(scripts);
    g_free(cwd);
}

/* The workbook (report or update form) has no formula when read back with openpyxl
 * (tests/xlsx_facts.h), and Gnumeric's ssconvert reads it. */
static void assert_workbook_opens_without_formulas(const char *xlsx, const char *scratch)
{
    xf_book *book = xf_read(xlsx);
    ck_assert_msg(xf_formula_count(book) == 0, "%ld formulas in %s", xf_formula_count(book),
                  xlsx);
    ck_assert_uint_gt(xf_sheet_count(book), 0);
    xf_free(book);
    char *csv = g_build_filename(scratch, "sheet.csv", NULL);
    const char *ss[] = {"ssconvert", "-S", xlsx, csv, NULL};
    g_free(tu_spawn_output(ss));
    char *first = g_strconcat(csv, ".0", NULL);
    ck_assert_msg(g_file_test(first, G_FILE_TEST_EXISTS), "ssconvert wrote no sheet");
    g_free(first);
    g_free(csv);
}

/* ---- encodings and bytes ----------------------------------------------------------- */

/* A byte invalid in both UTF-8 and Windows-1252 (0x81), in each of the 11 file kinds:
 * exit 1 and the byte's own line and column. */
static const struct {
    const char *rel;
    const char *content; /* NULL: the valid tree's own file */
} kinds[] = {
    {"themas.csv", NULL},
    {"indicatoren.csv", NULL},
    {"regio-a/regio.csv", NULL},
    {"regio-a/plannen.csv", NULL},
    {"regio-a/verlengingen.csv", NULL},
    {"regio-a/overleggen.csv", "datum,soort,omschrijving,bron\n28-02-2022,rao,overleg,test\n"},
    {"regio-a/gemeente-b/gemeente.csv", NULL},
    {"regio-a/gemeente-b/plannen.csv", NULL},
    {ACTIONS, NULL},
    {PROGRESS, NULL},
    {"regio-a/gemeente-b/cijfers.csv", "indicator,jaar,waarde,bron\nvt_meldingen,2022,12,CBS\n"},
    {"regio-a/gemeente-b/begroting.csv",
     "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar,dekking,bron\n"
     "Training,Preventie,1.1,2022,2022,€ 3.000,jeugd,test\n"},
};

START_TEST(invalid_byte_in_every_file_kind)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *path = g_build_filename(dir, kinds[_i].rel, NULL);
    char *content = NULL;
    gsize len = 0;
    if (kinds[_i].content)
        content = g_strdup(kinds[_i].content), len = strlen(content);
    else
        ck_assert(g_file_get_contents(path, &content, &len, NULL));
    /* Line 2, after its first two characters. */
    char *line2 = strchr(content, '\n') + 1;
    GString *bad = g_string_new_len(content, line2 - content + 2);
    g_string_append_c(bad, (char)0x81);
    g_string_append_len(bad, line2 + 2, (gssize)(len - (size_t)(line2 + 2 - content)));
    tu_write_bytes(dir, kinds[_i].rel, bad->str, bad->len);

    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    char *where = g_strdup_printf("%s:2:3", path);
    tu_assert_said(err, where, DIAG_ERROR, "0x81");
    g_free(where);
    g_free(err);
    g_string_free(bad, TRUE);
    g_free(content);
    g_free(path);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(nul_byte_in_a_progress_file)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    static const char bytes[] = "actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,lo\0pend,,\n";
    tu_write_bytes(dir, PROGRESS, bytes, sizeof bytes - 1);
    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    char *where = g_strdup_printf("%s/%s:2:18", dir, PROGRESS);
    tu_assert_said(err, where, DIAG_ERROR, "NUL");
    g_free(where);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* Control characters: the terminal gets them made visible (an escape sequence from a
 * file never reaches it); the workbook keeps them as text (_xHHHH_). */
START_TEST(control_characters_reach_neither_terminal_nor_formula)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, PROGRESS,
             "actie_id,datum,status,toelichting,bron\n"
             "1.1,2022-12-20,x\x1b[2J\x1b]0;titel\x07y,note,test\n");
    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    char *where = g_strdup_printf("%s/%s:2:16", dir, PROGRESS);
    tu_assert_said(err, where, DIAG_ERROR, "status|'x\\x1B[2J\\x1B]0;titel\\x07y'");
    ck_assert_msg(!strchr(err, '\x1b') && !strchr(err, '\x07'), "raw control byte on stderr");
    g_free(where);
    g_free(err);

    tu_write(dir, ACTIONS,
             "actie_id,plan_id,titel,doel\n"
             "1.1,lp,\"bel\x07\x1b[31mrood\x01\x7f\",\"\ttab =1+1\"\n");
    tu_write(dir, PROGRESS,
             "actie_id,datum,status,toelichting\n1.1,2022-12-20,lopend,\"\x1b[2J\r\n=2+2\"\n");
    const char *args[] = {"report", "--data", dir,  "--out", out_dir, "--as-of", AS_OF,
                          "--charts", "none", NULL};
    char *out = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 0);
    ck_assert_msg(!strchr(err, '\x1b'), "raw escape on stderr");
    char *xlsx = g_build_filename(out_dir, "regiorapport-" AS_OF ".xlsx", NULL);
    assert_workbook_opens_without_formulas(xlsx, out_dir);
    g_free(xlsx);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* ---- dates ---------------------------------------------------------------------------- */

static const struct {
    const char *text;
    const char *message;
} odd_dates[] = {
    {"29-02-2023", "de datum '29-02-2023' bestaat niet"},
    {"00-01-2022", "de datum '00-01-2022' bestaat niet"},
    {"31-04-2022", "de datum '31-04-2022' bestaat niet"},
    {"2022-13-01", "de datum '2022-13-01' bestaat niet"},
    {"01-01-99999", "het jaar in '01-01-99999' ligt niet tussen 1900 en 2199"},
    {"99999-01-01", "het jaar in '99999-01-01' ligt niet tussen 1900 en 2199"},
    {"1899-12-31", "het jaar in '1899-12-31' ligt niet tussen 1900 en 2199"},
    {"31-12-2200", "het jaar in '31-12-2200' ligt niet tussen 1900 en 2199"},
    {"99999", "'99999' is geen datum"},
    {"-1-01-2022", "is geen datum"},
    {"99999999999999999999-01-01", "het jaar in '99999999999999999999-01-01' ligt niet"},
};

START_TEST(odd_dates_are_errors_at_their_cell)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    gchar *plans = g_strdup_printf(
        "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
        "bovenliggend_plan,evaluatie,bron\n"
        "rv,Regiovisie,regiovisie,2019,2022,%s,college,,2021,test\n",
        odd_dates[_i].text);
    tu_write(dir, "regio-a/plannen.csv", plans);
    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    char *where = g_strdup_printf("%s/regio-a/plannen.csv:2:36", dir);
    char *keywords = g_strdup_printf("vastgesteld_op|%s", odd_dates[_i].message);
    tu_assert_said(err, where, DIAG_ERROR, keywords);
    g_free(keywords);
    g_free(where);
    g_free(err);
    g_free(plans);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- size ----------------------------------------------------------------------------- */

START_TEST(ten_thousand_columns_are_the_column_limit)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    GString *s = g_string_new("actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,lopend,x,y");
    for (int i = 5; i < 10000; i++)
        g_string_append(s, ",x");
    g_string_append_c(s, '\n');
    tu_write(dir, PROGRESS, s->str);
    g_string_assign(s, "a");
    for (int i = 1; i < 10000; i++)
        g_string_append(s, ",a");
    g_string_append(s, "\n");
    tu_write(dir, "themas.csv", s->str);
    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    /* Field 1001 starts at column 2017: 25 characters, then 995 times ",x", then ",". */
    char *where = g_strdup_printf("%s/%s:2:2017", dir, PROGRESS);
    tu_assert_said(err, where, DIAG_ERROR, "1000|kolommen");
    g_free(where);
    where = g_strdup_printf("%s/themas.csv:1:2001", dir);
    tu_assert_said(err, where, DIAG_ERROR, "1000|kolommen");
    g_free(where);
    /* The 1,000 columns read of themas.csv are unknown: ten named, 990 counted. */
    where = g_strdup_printf("%s/themas.csv:1:1", dir);
    tu_assert_said(err, where, DIAG_WARNING, "990|kolommen|kopregel");
    g_free(where);
    guint unknown = 0;
    for (const char *p = err; (p = strstr(p, "onbekende kolom 'a'")) != NULL; p++)
        unknown++;
    ck_assert_uint_eq(unknown, 10);
    g_free(err);
    g_string_free(s, TRUE);
    tu_tmpdir_free(dir);
}
END_TEST

/* A million progress rows (about 25 MB): validated in seconds, every row counted, the
 * last line's error at its true line number. Under the sanitizers (RR_SANITIZE=1) a
 * tenth of it, which still crosses every buffer boundary many times. */
START_TEST(a_million_progress_rows)
{
    const long rows = getenv("RR_SANITIZE") && *getenv("RR_SANITIZE") == '1' ? 100000 : 1000000;
    const int actions = 40;
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    GString *s = g_string_new("actie_id,plan_id,titel\n");
    for (int a = 0; a < actions; a++)
        g_string_append_printf(s, "a%d,lp,Actie %d\n", a, a);
    tu_write(dir, ACTIONS, s->str);
    g_string_assign(s, "actie_id,datum,status,toelichting,bron\n");
    for (long i = 0; i < rows - 1; i++) {
        /* Each action one report a day from 01-01-1950: distinct dates per action. */
        time_t t = (time_t)(-7305 + i / actions) * 86400;
        struct tm tm;
        gmtime_r(&t, &tm);
        g_string_append_printf(s, "a%ld,%04d-%02d-%02d,lopend,,\n", i % actions,
                               tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
    g_string_append(s, "a0,2022-12-31,klaar,,\n");
    tu_write_bytes(dir, PROGRESS, s->str, s->len);
    g_string_free(s, TRUE);

    char *err = NULL;
    gint64 start = g_get_monotonic_time();
    int status = validate(dir, &err);
    double seconds = (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
    ck_assert_int_eq(status, 1);
    char *where = g_strdup_printf("%s/%s:%ld:15", dir, PROGRESS, rows + 1);
    tu_assert_said(err, where, DIAG_ERROR, "status|'klaar'");
    assert_says(err, "1 fout, ");
    ck_assert_msg(seconds < 30, "validate took %.1f s for %ld rows", seconds, rows);
    g_free(where);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- names ---------------------------------------------------------------------------- */

/* Names that gnuplot, a shell or a spreadsheet would act on: the report with PNG charts
 * succeeds, runs nothing, writes no formula; the update form's CSV protects them. */
START_TEST(hostile_names_run_nothing_and_write_no_formula)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *marker = g_build_filename(out_dir, "PWNED", NULL);
    gchar *region = g_strdup_printf("regio_id,naam,centrumgemeente,veilig_thuis,bron\n"
                                    "regio-a,\"'s-Hertogenbosch `touch %s`\",\"system(\"\"touch "
                                    "%s\"\")\",VT,test\n",
                                    marker, marker);
    tu_write(dir, "regio-a/regio.csv", region);
    gchar *town = g_strdup_printf("gemeente_id,naam,cbs_code,inwoners,inwoners_peiljaar,bron\n"
                                  "gemeente-b,\"'t Zand \"\"quoted\"\" ../../%s |touch %s\",GM0001,"
                                  "10000,2022,test\n",
                                  marker, marker);
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv", town);
    gchar *plans = g_strdup_printf(
        "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,bovenliggend_plan,"
        "evaluatie,bron\n"
        "lp,\"=cmd|' /C calc'!A0 `touch %s`\",lokaal-plan,2021,2023,,,regio-a/rv,,test\n",
        marker);
    tu_write(dir, "regio-a/gemeente-b/plannen.csv", plans);
    gchar *actions = g_strdup_printf(
        "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
        "1.1,lp,'@SUM(1),preventie,\"<touch %s\",\"!touch %s\",najaar 2022,€ 3.000,"
        "\"load \"\"<touch %s\"\"\",test\n"
        "1.2,rv,+1,,\"-2+3 $(touch %s) \\\\ {x}_^@\",,doorlopend,P.M.,,test\n",
        marker, marker, marker, marker);
    tu_write(dir, ACTIONS, actions);
    use_scripts();

    const char *args[] = {"report", "--data", dir,  "--out", out_dir, "--as-of", AS_OF,
                          "--charts", "png", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
    ck_assert_msg(!g_file_test(marker, G_FILE_TEST_EXISTS), "a command from the data ran");
    char *chart = g_build_filename(out_dir, "charts-" AS_OF, "status.png", NULL);
    ck_assert_msg(g_file_test(chart, G_FILE_TEST_IS_REGULAR), "no status chart:\n%s", err);
    char *xlsx = g_build_filename(out_dir, "regiorapport-" AS_OF ".xlsx", NULL);
    assert_workbook_opens_without_formulas(xlsx, out_dir);
    g_free(out);
    g_free(err);

    /* The update form: its CSV quotes and protects every formula-looking text. */
    const char *targs[] = {"template", "--data", dir, "--out", out_dir, "--as-of", AS_OF,
                           "gemeente-b", NULL};
    ck_assert_msg(tu_run(targs, &out, &err) == 0, "%s", err);
    ck_assert_msg(!g_file_test(marker, G_FILE_TEST_EXISTS), "a command from the data ran");
    char *csv = g_build_filename(out_dir, "voortgang-gemeente-b-" AS_OF ".csv", NULL);
    char *text = NULL;
    ck_assert_msg(g_file_get_contents(csv, &text, NULL, NULL), "no %s", csv);
    gchar **lines = g_strsplit(text, "\n", -1);
    for (gchar **l = lines; *l; l++) {
        gchar **cells = g_strsplit(*l, ",", -1);
        for (gchar **c = cells; *c; c++) {
            const char *v = **c == '"' ? *c + 1 : *c;
            ck_assert_msg(!strchr("=+-@\t\r", *v) || *v == '\0', "formula in the CSV: %s", *l);
        }
        g_strfreev(cells);
    }
    char *form = g_build_filename(out_dir, "voortgang-gemeente-b-" AS_OF ".xlsx", NULL);
    assert_workbook_opens_without_formulas(form, out_dir);
    g_free(form);
    g_strfreev(lines);
    g_free(text);
    g_free(csv);
    g_unsetenv("REGIORAPPORT_SCRIPTS");
    g_free(xlsx);
    g_free(chart);
    g_free(out);
    g_free(err);
    g_free(region);
    g_free(town);
    g_free(plans);
    g_free(actions);
    g_free(marker);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Folder names are never paths: a name with a shell's or a path's characters is skipped
 * with the folder-name error and nothing in it is read; an id of "../.." is an error; a
 * template for "../x" is wrong usage and writes nothing. */
START_TEST(names_never_become_paths)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    static const char *const folders[] = {"`touch x`", "$(touch x)", "'s-hertogenbosch",
                                          "%2e%2e%2fetc", "a..b", "x\\..\\etc"};
    /* Hidden folders (a leading dot) are not read, and not reported either. */
    static const char *const hidden[] = {"..%2f..", "...", "..\\..\\etc", ".git"};
    for (size_t i = 0; i < G_N_ELEMENTS(hidden); i++) {
        char *rel = g_build_filename("regio-a", hidden[i], "gemeente.csv", NULL);
        tu_write_bytes(dir, rel, "gemeente_id\n\x81\n", 14);
        g_free(rel);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(folders); i++) {
        /* A bad byte inside: it would be an error if the folder were read. */
        char *rel = g_build_filename("regio-a", folders[i], "gemeente.csv", NULL);
        tu_write_bytes(dir, rel, "gemeente_id\n\x81\n", 14);
        g_free(rel);
    }
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv",
             "gemeente_id,naam\n../../etc,Gemeente B\n");
    char *err = NULL;
    ck_assert_int_eq(validate(dir, &err), 1);
    for (size_t i = 0; i < G_N_ELEMENTS(folders); i++) {
        char *where = g_strdup_printf("%s/regio-a/%s", dir, folders[i]);
        char *keywords = g_strdup_printf("mapnaam|'%s'", folders[i]);
        tu_assert_said(err, where, DIAG_ERROR, keywords);
        g_free(keywords);
        g_free(where);
    }
    ck_assert_msg(!strstr(err, "0x81"), "a skipped folder was read:\n%s", err);
    char *where = g_strdup_printf("%s/regio-a/gemeente-b/gemeente.csv:2:1", dir);
    tu_assert_said(err, where, DIAG_ERROR, "gemeente_id|'../../etc'|'gemeente-b'");
    g_free(where);
    g_free(err);

    tu_write_valid_tree(dir);
    for (size_t i = 0; i < G_N_ELEMENTS(folders) + G_N_ELEMENTS(hidden); i++) {
        const char *name =
            i < G_N_ELEMENTS(folders) ? folders[i] : hidden[i - G_N_ELEMENTS(folders)];
        char *sub = g_build_filename(dir, "regio-a", name, NULL);
        tu_tmpdir_free(sub);
    }
    static const char *const names[] = {"../gemeente-b", "regio-a/../gemeente-b", "/etc", ".."};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        const char *args[] = {"template", "--data", dir,  "--out", out_dir,
                              "--as-of",  AS_OF,    names[i], NULL};
        char *out = NULL;
        ck_assert_int_eq(tu_run(args, &out, &err), 2);
        assert_says(err, "is geen gemeente of regio");
        g_free(out);
        g_free(err);
    }
    GDir *d = g_dir_open(out_dir, 0, NULL);
    ck_assert_ptr_null(g_dir_read_name(d));
    g_dir_close(d);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* ---- files that are not files ------------------------------------------------------- */

/* Binds a UNIX socket at dir/rel (the socket file stays after close). */
static void make_socket(const char *dir, const char *rel)
{
    char *path = g_build_filename(dir, rel, NULL);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    ck_assert_uint_lt(strlen(path), sizeof addr.sun_path);
    g_strlcpy(addr.sun_path, path, sizeof addr.sun_path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    close(fd);
    g_free(path);
}

/* FIFOs, a socket, folders and links with data files' names: validate finishes at once
 * (a FIFO used to block it for ever) with an error at each that says what it is; a
 * folder named acties.csv is not "missing". */
START_TEST(files_that_are_not_files)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    static const char *const fifos[] = {"themas.csv", PROGRESS, "regio-a/voortgang-x.csv",
                                        "regio-a/gemeente-b/voortgang-b.xlsx",
                                        "regio-a/voortgang-r.ods"};
    for (size_t i = 0; i < G_N_ELEMENTS(fifos); i++) {
        tu_remove(dir, fifos[i]);
        char *path = g_build_filename(dir, fifos[i], NULL);
        ck_assert_int_eq(mkfifo(path, 0600), 0);
        g_free(path);
    }
    make_socket(dir, "regio-a/gemeente-b/voortgang-sock.csv");
    tu_remove(dir, ACTIONS);
    static const char *const folders[] = {ACTIONS, "regio-a/voortgang.csv",
                                          "regio-a/gemeente-b/voortgang-2023.csv",
                                          "regio-a/begroting.csv",
                                          "regio-a/gemeente-b/voortgang-map.xlsx",
                                          "regio-a/voortgang-map.ods", "regio-a/gemeente-b/oud"};
    for (size_t i = 0; i < G_N_ELEMENTS(folders); i++) {
        char *path = g_build_filename(dir, folders[i], NULL);
        ck_assert_int_eq(g_mkdir(path, 0700), 0);
        g_free(path);
    }
    char *dangling = g_build_filename(dir, "regio-a/gemeente-b/begroting.csv", NULL);
    ck_assert_int_eq(symlink("../weg/begroting.csv", dangling), 0);
    char *loop = g_build_filename(dir, "regio-a/cijfers.csv", NULL);
    ck_assert_int_eq(symlink("cijfers.csv", loop), 0);

    char *err = NULL;
    gint64 start = g_get_monotonic_time();
    ck_assert_int_eq(validate(dir, &err), 1);
    ck_assert_msg(g_get_monotonic_time() - start < 30 * G_USEC_PER_SEC, "validate hung");
    static const struct {
        const char *rel, *says; /* says: key words, '|'-separated */
    } expect[] = {
        {"themas.csv", "FIFO|geen gewoon bestand"},
        {PROGRESS, "FIFO"},
        {"regio-a/voortgang-x.csv", "FIFO"},
        {"regio-a/gemeente-b/voortgang-sock.csv", "socket|geen gewoon bestand"},
        {ACTIONS, "map|geen gewoon bestand"},
        {"regio-a/voortgang.csv", "is een map"},
        {"regio-a/gemeente-b/voortgang-2023.csv", "is een map"},
        {"regio-a/begroting.csv", "is een map"},
        {"regio-a/gemeente-b/begroting.csv", "link|'../weg/begroting.csv'|niet bestaat"},
        {"regio-a/cijfers.csv", "link|kring"},
        {"regio-a/gemeente-b/voortgang-b.xlsx", "FIFO|geen gewoon bestand|formulier"},
        {"regio-a/voortgang-r.ods", "FIFO|geen gewoon bestand"},
        {"regio-a/gemeente-b/voortgang-map.xlsx", "is een map"},
        {"regio-a/voortgang-map.ods", "is een map"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        char *where = g_strdup_printf("%s/%s", dir, expect[i].rel);
        tu_assert_said(err, where, DIAG_ERROR, expect[i].says);
        g_free(where);
    }
    ck_assert_msg(!strstr(err, "ontbreekt"), "a folder named like a file is 'missing':\n%s", err);
    char *sub = g_strdup_printf("%s/regio-a/gemeente-b/oud", dir);
    tu_assert_said(err, sub, DIAG_WARNING, "submap|niet gelezen");
    g_free(sub);
    g_free(dangling);
    g_free(loop);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- a title as long as a cell, ending in an escape ------------------------------------- */

/* A 32,767-character title ending in "_x0041_": the escape would push the written text
 * past a cell's limit, so the text is cut before it, whole, never written empty; the
 * report's Controle sheet and the template's standard error say it was cut. */
START_TEST(cell_sized_title_ending_in_an_escape)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    GString *csv = g_string_new("actie_id,plan_id,titel\n1.1,lp,");
    for (int i = 0; i < 32767 - 7; i++)
        g_string_append_c(csv, 'a');
    g_string_append(csv, "_x0041_\n");
    tu_write(dir, ACTIONS, csv->str);

    const char *args[] = {"report", "--data", dir,  "--out", out_dir, "--as-of", AS_OF,
                          "--charts", "none", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
    char *xlsx = g_build_filename(out_dir, "regiorapport-" AS_OF ".xlsx", NULL);
    xf_book *book = xf_read(xlsx);
    const xf_table *t = xf_table_get(book, "Acties", "Actie");
    xf_cell title = xf_get(t, xf_get_row(t, "Actie", "gemeente-b/1.1", NULL), "Titel");
    ck_assert_msg(title.type == 's' && g_str_has_prefix(title.value, "aaaa"),
                  "the title cell is not text");
    ck_assert_msg(xf_find_containing(xf_table_get(book, "Controle", "Melding"), "Melding",
                                     "ingekort"),
                  "no Controle row about the cut title");
    xf_free(book);
    g_free(out);
    g_free(err);

    const char *targs[] = {"template", "--data", dir, "--out", out_dir, "--as-of", AS_OF,
                           "gemeente-b", NULL};
    ck_assert_msg(tu_run(targs, &out, &err) == 0, "%s", err);
    ck_assert_msg(strstr(err, "ingekort"), "template does not say the title was cut: %s", err);
    char *form = g_build_filename(out_dir, "voortgang-gemeente-b-" AS_OF ".xlsx", NULL);
    book = xf_read(form);
    t = xf_table_get(book, "Voortgang", "actie_id");
    const char *text = xf_value(t, xf_get_row(t, "actie_id", "1.1", NULL), "titel");
    ck_assert_int_eq(g_utf8_strlen(text, -1), 32760);
    ck_assert_msg(!strstr(text, "_x0041") && !strchr(text, 'A'), "the escape was kept in part");
    xf_free(book);
    g_free(form);
    g_free(xlsx);
    g_free(out);
    g_free(err);
    g_string_free(csv, TRUE);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

Suite *hostile_suite(void)
{
    Suite *s = suite_create("hostile");
    TCase *tc = tcase_create("end to end");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, invalid_byte_in_every_file_kind, 0, (int)G_N_ELEMENTS(kinds));
    tcase_add_test(tc, nul_byte_in_a_progress_file);
    tcase_add_test(tc, control_characters_reach_neither_terminal_nor_formula);
    tcase_add_loop_test(tc, odd_dates_are_errors_at_their_cell, 0, (int)G_N_ELEMENTS(odd_dates));
    tcase_add_test(tc, ten_thousand_columns_are_the_column_limit);
    tcase_add_test(tc, a_million_progress_rows);
    tcase_add_test(tc, hostile_names_run_nothing_and_write_no_formula);
    tcase_add_test(tc, names_never_become_paths);
    tcase_add_test(tc, files_that_are_not_files);
    tcase_add_test(tc, cell_sized_title_ending_in_an_escape);
    suite_add_tcase(s, tc);
    return s;
}
