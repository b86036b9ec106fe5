/* cmd_handout.c - `regiorapport handout`: one A4 page per municipality and region. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "cli/harness.h"
#include "xlsx/handout.h"

/* The Debian package that brings `soffice`, named in the message when it is missing. */
#define HANDOUT_PDF_PACKAGE "libreoffice-calc-nogui"
/* How long one LibreOffice run may take for all handouts: a cold start takes a few
 * seconds, a page well under one; a hung soffice must not hang the command.
 * $REGIORAPPORT_PDF_TIMEOUT (whole seconds) may shorten it, for a test of a hung one. */
#define HANDOUT_PDF_TIMEOUT_SECONDS 300
/* Pages per LibreOffice run. soffice reads only about 250 arguments of its command line
 * and drops the rest without a word (it exits 0 having printed the first 247 pages of
 * the national set's 367), so the pages go in batches well below that. */
#define HANDOUT_PDF_BATCH 100

/* The owners named on the command line, or every owner; NULL (message printed) when
 * a name is unknown. */
static GPtrArray *chosen_owners(const rr_options *opts, const rr_model *model)
{
    GPtrArray *owners = g_ptr_array_new();
    if (opts->target_count == 0) {
        for (guint i = 0; i < model->owners->len; i++)
            g_ptr_array_add(owners, g_ptr_array_index(model->owners, i));
        return owners;
    }
    for (int i = 0; i < opts->target_count; i++) {
        rr_owner *o = model_find_owner(model, opts->targets[i]);
        if (!o) {
            GPtrArray *names = g_ptr_array_new();
            for (guint k = 0; k < model->owners->len; k++)
                g_ptr_array_add(names, (gpointer)((rr_owner *)g_ptr_array_index(model->owners, k))->id);
            char *hint = suggest_hint(opts->targets[i], (const char *const *)names->pdata,
                                      names->len);
            say_error(tr("'%s' is geen gemeente of regio in '%s'; schrijf "
                         "de mapnaam, zoals west-betuwe%s",
                         "'%s' is not a municipality or region in '%s'; "
                         "write its folder name, such as west-betuwe%s"),
                      opts->targets[i], opts->data_dir, hint);
            g_free(hint);
            g_ptr_array_free(names, TRUE);
            g_ptr_array_free(owners, TRUE);
            return NULL;
        }
        g_ptr_array_add(owners, o);
    }
    return owners;
}

/* The analysis as of an owner's previous meeting, one per distinct date (regions
 * meet on their own days). The table owns the analyses. */
static const rr_analysis *analysis_before(GHashTable *cache, const rr_model *model, rr_date date)
{
    rr_analysis *an = g_hash_table_lookup(cache, GINT_TO_POINTER((gint)date));
    if (!an) {
        an = analysis_new(model, date, RR_DATE_NONE);
        g_hash_table_insert(cache, GINT_TO_POINTER((gint)date), an);
    }
    return an;
}

/* Runs in the child before exec: a process group of its own, so that the deadline
 * ends soffice's helpers (oosplash starts soffice.bin) along with it. */
static void own_process_group(gpointer data)
{
    (void)data;
    setpgid(0, 0);
}

/* The deadline in seconds: HANDOUT_PDF_TIMEOUT_SECONDS, or less when
 * $REGIORAPPORT_PDF_TIMEOUT says so. */
static int pdf_timeout(void)
{
    const char *text = g_getenv("REGIORAPPORT_PDF_TIMEOUT");
    char *end = NULL;
    long seconds = text ? strtol(text, &end, 10) : 0;
    if (!text || end == text || *end || seconds < 1 || seconds > HANDOUT_PDF_TIMEOUT_SECONDS)
        return HANDOUT_PDF_TIMEOUT_SECONDS;
    return (int)seconds;
}

/* The environment LibreOffice prints in: ours, with the locale of the page's language,
 * since LibreOffice takes the locale of its number formats from LC_ALL/LANG: in the C
 * locale `#,##0` prints "25,280" where a Dutch reader's Excel prints "25.280". The
 * locale need not be installed in the C library; LibreOffice brings its own data.
 * g_strfreev. */
static char **soffice_environment(void)
{
    const char *locale = i18n_lang() == LANG_EN ? "en_GB.UTF-8" : "nl_NL.UTF-8";
    char **env = g_get_environ();
    env = g_environ_setenv(env, "LC_ALL", locale, TRUE);
    env = g_environ_setenv(env, "LANG", locale, TRUE);
    return g_environ_unsetenv(env, "LANGUAGE");
}

/* Runs argv (soffice and its arguments) in `envp` and waits at most pdf_timeout()
 * seconds; then kills its whole process group. RR_OK when it exited 0; otherwise says
 * why on stderr and returns RR_ERR_WRITE. */
static rr_error run_soffice(char **argv, char **envp)
{
    GPid pid = 0;
    GError *error = NULL;
    if (!g_spawn_async(NULL, argv, envp,
                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                           G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDIN_FROM_DEV_NULL,
                       own_process_group, NULL, &pid, &error)) {
        say_error(tr("LibreOffice kon niet starten: %s", "LibreOffice could not start: %s"),
                  error->message);
        g_error_free(error);
        return RR_ERR_WRITE;
    }
    int timeout = pdf_timeout();
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout * G_USEC_PER_SEC;
    int wait = 0;
    pid_t done;
    while ((done = waitpid(pid, &wait, WNOHANG)) == 0 && g_get_monotonic_time() < deadline)
        g_usleep(G_USEC_PER_SEC / 20);
    if (done == 0) {
        kill(-pid, SIGKILL);
        waitpid(pid, &wait, 0);
        g_spawn_close_pid(pid);
        say_error(tr("LibreOffice was na %d seconden niet klaar en is "
                     "gestopt; geen PDF's gemaakt (de xlsx-bestanden staan er wel)",
                     "LibreOffice had not finished after %d seconds "
                     "and was stopped; no PDFs made (the xlsx files were written)"),
                  timeout);
        return RR_ERR_WRITE;
    }
    /* Helpers it left behind in its group go too. */
    kill(-pid, SIGKILL);
    g_spawn_close_pid(pid);
    if (done < 0 || !WIFEXITED(wait) || WEXITSTATUS(wait) != 0) {
        say_error(tr("LibreOffice kon de PDF's niet maken "
                     "(afsluitstatus %d)",
                     "LibreOffice could not make the PDFs "
                     "(exit status %d)"),
                  done > 0 && WIFEXITED(wait) ? WEXITSTATUS(wait) : -1);
        return RR_ERR_WRITE;
    }
    return RR_OK;
}

/* An absolute path, so that a name starting with "-" cannot read as an option (g_free). */
static char *absolute(const char *path)
{
    return g_canonicalize_filename(path, NULL);
}

/* Prints `count` handouts from `first` into `pdf_dir` with one headless LibreOffice run,
 * in a profile of its own (so a LibreOffice the user has open does not take the job). */
static rr_error print_batch(const char *soffice, char **envp, const char *pdf_dir,
                            GPtrArray *xlsx_paths, guint first, guint count)
{
    char *profile = g_dir_make_tmp("regiorapport-lo-XXXXXX", NULL);
    char *profile_uri = profile ? g_filename_to_uri(profile, NULL, NULL) : NULL;
    char *env = g_strconcat("-env:UserInstallation=", profile_uri ? profile_uri : "", NULL);
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    const char *fixed[] = {soffice, env, "--headless", "--convert-to", "pdf", "--outdir"};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(argv, g_strdup(fixed[i]));
    g_ptr_array_add(argv, absolute(pdf_dir));
    for (guint i = first; i < first + count; i++)
        g_ptr_array_add(argv, absolute(g_ptr_array_index(xlsx_paths, i)));
    g_ptr_array_add(argv, NULL);
    rr_error err = run_soffice((char **)argv->pdata, envp);
    if (profile)
        atomic_remove_tree(profile);
    g_ptr_array_free(argv, TRUE);
    g_free(env);
    g_free(profile_uri);
    g_free(profile);
    return err;
}

/* Prints every handout to PDF into `pdf_dir`, HANDOUT_PDF_BATCH pages per LibreOffice
 * run, in the page's locale. Without LibreOffice, says which package brings it. */
static rr_error print_pdfs(const char *pdf_dir, GPtrArray *xlsx_paths)
{
    char *soffice = g_find_program_in_path("soffice");
    if (!soffice) {
        say_error(tr("--pdf heeft LibreOffice nodig (soffice); installeer "
                     "het pakket " HANDOUT_PDF_PACKAGE " (apt-get install " HANDOUT_PDF_PACKAGE
                     "); de xlsx-bestanden zijn geschreven",
                     "--pdf needs LibreOffice (soffice); install the "
                     "package " HANDOUT_PDF_PACKAGE " (apt-get install " HANDOUT_PDF_PACKAGE
                     "); the xlsx files were written"));
        return RR_ERR_WRITE;
    }
    char **envp = soffice_environment();
    rr_error err = RR_OK;
    for (guint first = 0; err == RR_OK && first < xlsx_paths->len; first += HANDOUT_PDF_BATCH) {
        guint count = MIN(HANDOUT_PDF_BATCH, xlsx_paths->len - first);
        err = print_batch(soffice, envp, pdf_dir, xlsx_paths, first, count);
    }
    g_strfreev(envp);
    g_free(soffice);
    return err;
}

/* Whether `path` is a PDF that LibreOffice finished: a regular file that starts as
 * one. LibreOffice can exit 0 without writing a page. */
static bool is_pdf(const char *path)
{
    char head[5] = {0};
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    return n == sizeof head && memcmp(head, "%PDF-", 5) == 0;
}

/* The name of `xlsx`'s PDF in `folder` (g_free). */
static char *pdf_path_in(const char *folder, const char *xlsx)
{
    char *base = g_path_get_basename(xlsx);
    base[strlen(base) - strlen(".xlsx")] = '\0';
    char *name = g_strconcat(base, ".pdf", NULL);
    char *path = g_build_filename(folder, name, NULL);
    g_free(name);
    g_free(base);
    return path;
}

/* Checks that LibreOffice wrote every page in `tmp`; then moves them beside their
 * xlsx in `dir` and prints their paths. All or none: a PDF from an earlier run is
 * never left looking like this run's. */
static rr_error move_pdfs(const char *tmp, const char *dir, GPtrArray *xlsx_paths)
{
    for (guint i = 0; i < xlsx_paths->len; i++) {
        char *made = pdf_path_in(tmp, g_ptr_array_index(xlsx_paths, i));
        char *final = pdf_path_in(dir, g_ptr_array_index(xlsx_paths, i));
        bool ok = is_pdf(made);
        if (!ok)
            say_error(tr("LibreOffice schreef %s niet; geen PDF "
                         "vervangen",
                         "LibreOffice did not write %s; no PDF "
                         "replaced"),
                      final);
        g_free(made);
        g_free(final);
        if (!ok)
            return RR_ERR_WRITE;
    }
    for (guint i = 0; i < xlsx_paths->len; i++) {
        char *made = pdf_path_in(tmp, g_ptr_array_index(xlsx_paths, i));
        char *final = pdf_path_in(dir, g_ptr_array_index(xlsx_paths, i));
        rr_error err = RR_OK;
        if (g_rename(made, final) != 0) {
            say_error(tr("kan '%s' niet schrijven: %s", "cannot write '%s': %s"), final,
                      i18n_strerror(errno));
            err = RR_ERR_WRITE;
        } else {
            printf("%s\n", final);
        }
        g_free(made);
        g_free(final);
        if (err)
            return err;
    }
    return RR_OK;
}

/* Prints the pages to PDF in a hidden temporary folder inside `dir`, then puts them in
 * place only when every one was made. */
static rr_error write_pdfs(const char *dir, GPtrArray *xlsx_paths, bool quiet)
{
    gint64 started = g_get_monotonic_time();
    char *tmpl = g_build_filename(dir, ".pdf-XXXXXX", NULL);
    if (!g_mkdtemp(tmpl)) {
        say_error(tr("kan geen tijdelijke map maken in '%s': %s",
                     "cannot make a temporary folder in '%s': %s"),
                  dir, i18n_strerror(errno));
        g_free(tmpl);
        return RR_ERR_WRITE;
    }
    rr_error err = print_pdfs(tmpl, xlsx_paths);
    if (err == RR_OK)
        err = move_pdfs(tmpl, dir, xlsx_paths);
    atomic_remove_tree(tmpl);
    if (err == RR_OK && !quiet)
        say_note(tr("%u PDF's in %.1f s", "%u PDFs in %.1f s"), xlsx_paths->len,
                 (double)(g_get_monotonic_time() - started) / G_USEC_PER_SEC);
    g_free(tmpl);
    return err;
}

/* Writes one handout per owner into `dir`; prints each path. Keeps going after a
 * failed file so one run reports every failure; returns the first error. */
static rr_error write_handouts(const rr_options *opts, const rr_model *model,
                               GPtrArray *owners, const char *dir, GPtrArray *written)
{
    rr_analysis *an = analysis_new(model, opts->as_of, opts->since);
    GHashTable *before = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify)analysis_free);
    rr_error first = RR_OK;
    for (guint i = 0; i < owners->len; i++) {
        const rr_owner *owner = g_ptr_array_index(owners, i);
        const owner_summary *o = analysis_owner(an, owner);
        const rr_analysis *was = o && o->since != RR_DATE_NONE
                                     ? analysis_before(before, model, o->since)
                                     : NULL;
        char *name = g_strconcat(owner->id, ".xlsx", NULL);
        char *path = g_build_filename(dir, name, NULL);
        diag_list diags;
        diag_list_init(&diags);
        rr_error err = handout_write(path, model, an, was, owner, &diags);
        say_diagnostics(&diags);
        diag_list_release(&diags);
        if (err == RR_OK) {
            printf("%s\n", path);
            g_ptr_array_add(written, path);
        } else {
            g_free(path);
            if (first == RR_OK)
                first = err;
        }
        g_free(name);
    }
    g_hash_table_destroy(before);
    analysis_free(an);
    return first;
}

/* Creates OUT/handout-<as-of>/, writes the pages and, with --pdf, prints them. */
static rr_error run_handout(const rr_options *opts, const rr_model *model, GPtrArray *owners)
{
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    char *folder = g_strconcat("handout-", iso, NULL);
    char *dir = g_build_filename(opts->out_dir, folder, NULL);
    g_free(folder);
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        say_error(tr("kan de map '%s' niet aanmaken: %s", "cannot create the folder '%s': %s"),
                  dir, i18n_strerror(errno));
        g_free(dir);
        return RR_ERR_WRITE;
    }
    GPtrArray *written = g_ptr_array_new_with_free_func(g_free);
    rr_error err = write_handouts(opts, model, owners, dir, written);
    if (opts->pdf && written->len > 0) {
        rr_error pdf = write_pdfs(dir, written, opts->quiet);
        if (err == RR_OK)
            err = pdf;
    }
    g_ptr_array_free(written, TRUE);
    g_free(dir);
    return err;
}

int cmd_handout(harness_run *run)
{
    rr_error err = run->load_error;
    GPtrArray *owners = err == RR_ERR_READ ? NULL : chosen_owners(&run->opts, run->model);
    int status;
    if (err != RR_ERR_READ && !owners) {
        /* An unknown name, whatever else is wrong: exit 1, as an unknown --region. */
        status = rr_exit_status(RR_ERR_DATA);
    } else if (err != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        status = rr_exit_status(err);
    } else {
        harness_hint_warnings(&run->diags);
        status = rr_exit_status(run_handout(&run->opts, run->model, owners));
    }
    if (owners)
        g_ptr_array_free(owners, TRUE);
    return status;
}
