/* test_reference.c - the reference for the data files cannot drift from the reader: every
 * file and column of the loader's schema table (src/load/schema.c) is in the man page
 * man/regiorapport-data.5 with the same required mark, and in regions/README.md; the man
 * page names nothing else; `nieuw` creates every file the man page describes. */
#include <glib.h>
#include <string.h>

#include "load/load.h"
#include "load/load_int.h"
#include "suites.h"
#include "testutil.h"

#define DATA_MAN "man/regiorapport-data.5"

/* One file's entry of the man page's FILES list: its columns, each with its mark. */
typedef struct {
    char *file;
    GHashTable *required; /* column -> "1" (required) or "0" */
} man_entry;

static void man_entry_free(gpointer p)
{
    man_entry *e = p;
    g_free(e->file);
    g_hash_table_destroy(e->required);
    g_free(e);
}

/* The FILES section of the man page: `.It Pa FILE` opens a file's entry (a second
 * `Pa` on the line, as for voortgang-*.csv, names its other spellings), `.It Ar COLUMN`
 * a column, `Sy required` marks a required one. Keyed by file name. */
static GHashTable *read_man_files(void)
{
    char *text = NULL;
    ck_assert_msg(g_file_get_contents(DATA_MAN, &text, NULL, NULL),
                  "cannot read %s (run the tests from the repository root)", DATA_MAN);
    GHashTable *files = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, man_entry_free);
    char **lines = g_strsplit(text, "\n", -1);
    bool in_files = false;
    man_entry *current = NULL;
    for (char **l = lines; *l; l++) {
        if (g_str_has_prefix(*l, ".Sh "))
            in_files = strcmp(*l, ".Sh FILES") == 0;
        if (!in_files)
            continue;
        char **words = g_strsplit(*l, " ", -1);
        if (g_strv_length(words) >= 3 && strcmp(words[0], ".It") == 0 &&
            strcmp(words[1], "Pa") == 0) {
            current = g_new0(man_entry, 1);
            current->file = g_strdup(words[2]);
            current->required = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            ck_assert_msg(!g_hash_table_contains(files, current->file), "%s twice in %s",
                          current->file, DATA_MAN);
            g_hash_table_insert(files, current->file, current);
        } else if (g_strv_length(words) >= 3 && strcmp(words[0], ".It") == 0 &&
                   strcmp(words[1], "Ar") == 0) {
            ck_assert_msg(current, "%s: column '%s' before any file", DATA_MAN, words[2]);
            bool required = g_strv_length(words) >= 5 && strcmp(words[3], "Sy") == 0 &&
                            strcmp(words[4], "required") == 0;
            g_hash_table_insert(current->required, g_strdup(words[2]), required ? "1" : "0");
        }
        g_strfreev(words);
    }
    g_strfreev(lines);
    g_free(text);
    return files;
}

START_TEST(man_page_lists_every_file_and_column)
{
    GHashTable *man = read_man_files();
    guint specs = 0;
    for (const schema_file *f = schema_files; f->spec; f++, specs++) {
        man_entry *e = g_hash_table_lookup(man, f->spec->file);
        ck_assert_msg(e, "%s: no entry '.It Pa %s' in FILES", DATA_MAN, f->spec->file);
        int n = schema_column_count(f->spec);
        for (int c = 0; c < n; c++) {
            const column_spec *col = &f->spec->columns[c];
            const char *mark = g_hash_table_lookup(e->required, col->name);
            ck_assert_msg(mark, "%s: %s lacks its column '%s' ('.It Ar %s')", DATA_MAN,
                          f->spec->file, col->name, col->name);
            ck_assert_msg((strcmp(mark, "1") == 0) == col->required,
                          "%s: %s's column '%s' is %s in the reader but %s in the man page",
                          DATA_MAN, f->spec->file, col->name,
                          col->required ? "required" : "optional",
                          col->required ? "optional" : "required");
        }
        ck_assert_msg(g_hash_table_size(e->required) == (guint)n,
                      "%s: %s lists %u columns, the reader knows %d", DATA_MAN, f->spec->file,
                      g_hash_table_size(e->required), n);
    }
    ck_assert_msg(g_hash_table_size(man) == specs,
                  "%s lists %u files, the reader reads %u: a file the reader does not know",
                  DATA_MAN, g_hash_table_size(man), specs);
    g_hash_table_destroy(man);
}
END_TEST

START_TEST(data_readme_names_every_file_and_column)
{
    char *text = NULL;
    ck_assert(g_file_get_contents("regions/README.md", &text, NULL, NULL));
    for (const schema_file *f = schema_files; f->spec; f++) {
        char *file = g_strdup_printf("`%s`", f->spec->file);
        ck_assert_msg(strstr(text, file), "regions/README.md does not name %s", file);
        g_free(file);
        for (int c = 0; c < schema_column_count(f->spec); c++) {
            const char *name = f->spec->columns[c].name;
            ck_assert_msg(strstr(text, name), "regions/README.md does not name %s's column %s",
                          f->spec->file, name);
        }
    }
    g_free(text);
}
END_TEST

/* Every file of `place` is in `dir` with the reader's header row as its first line. */
static void assert_folder_files(const char *dir, load_place place)
{
    const char **files = load_folder_files(place);
    ck_assert_ptr_nonnull(files[0]);
    for (size_t i = 0; files[i]; i++) {
        char *path = g_build_filename(dir, files[i], NULL);
        char *text = NULL;
        ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "nieuw did not create %s",
                      path);
        char *header = load_header_line(files[i]);
        ck_assert_msg(g_str_has_prefix(text, header) && text[strlen(header)] == '\n',
                      "%s does not start with the header '%s':\n%s", path, header, text);
        g_free(header);
        g_free(text);
        g_free(path);
    }
    g_free(files);
}

START_TEST(nieuw_creates_every_file_the_man_page_describes)
{
    char *tmp = tu_mkdtemp();
    char *data = g_build_filename(tmp, "data", NULL);
    const char *region[] = {"nieuw", "--data", data, "proefregio", NULL};
    const char *municipality[] = {"nieuw", "--data", data, "proefregio/proefdorp", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(region, &out, &err) == 0, "%s%s", out, err);
    g_free(out);
    g_free(err);
    ck_assert_msg(tu_run(municipality, &out, &err) == 0, "%s%s", out, err);
    g_free(out);
    g_free(err);

    char *region_dir = g_build_filename(data, "proefregio", NULL);
    char *municipality_dir = g_build_filename(region_dir, "proefdorp", NULL);
    assert_folder_files(data, LOAD_IN_DATA);
    assert_folder_files(region_dir, LOAD_IN_REGION);
    assert_folder_files(municipality_dir, LOAD_IN_MUNICIPALITY);

    /* The shared vocabularies start as the tool ships them. */
    const char *shared[] = {"themas.csv", "indicatoren.csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(shared); i++) {
        char *made = NULL, *shipped = NULL;
        char *path = g_build_filename(data, shared[i], NULL);
        char *source = g_build_filename("regions", shared[i], NULL);
        ck_assert(g_file_get_contents(path, &made, NULL, NULL));
        ck_assert(g_file_get_contents(source, &shipped, NULL, NULL));
        ck_assert_str_eq(made, shipped);
        g_free(made);
        g_free(shipped);
        g_free(path);
        g_free(source);
    }

    /* Every file of the man page is there, in the folders the reader reads it in. */
    GHashTable *man = read_man_files();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, man);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const char *dirs[] = {data, region_dir, municipality_dir};
        bool made = false;
        for (size_t i = 0; i < G_N_ELEMENTS(dirs) && !made; i++) {
            char *path = g_build_filename(dirs[i], key, NULL);
            made = g_file_test(path, G_FILE_TEST_IS_REGULAR);
            g_free(path);
        }
        ck_assert_msg(made, "the man page describes %s, nieuw did not create it", (char *)key);
    }
    g_hash_table_destroy(man);
    g_free(municipality_dir);
    g_free(region_dir);
    g_free(data);
    tu_tmpdir_free(tmp);
}
END_TEST

Suite *reference_suite(void)
{
    Suite *s = suite_create("reference");
    TCase *tc = tcase_create("data");
    tcase_add_test(tc, man_page_lists_every_file_and_column);
    tcase_add_test(tc, data_readme_names_every_file_and_column);
    tcase_add_test(tc, nieuw_creates_every_file_the_man_page_describes);
    suite_add_tcase(s, tc);
    return s;
}
