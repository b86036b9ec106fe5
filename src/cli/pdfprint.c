/* pdfprint.c - workbooks to PDF with LibreOffice (see pdfprint.h). */
#include "cli/pdfprint.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/i18n.h"
#include "cli/say.h"

/* Runs in the child before exec: a process group of its own, so that the deadline
 * ends soffice's helpers (oosplash starts soffice.bin) along with it. */
static void own_process_group(gpointer data)
{
    (void)data;
    setpgid(0, 0);
}

/* PDFPRINT_TIMEOUT_SECONDS, or less when $REGIORAPPORT_PDF_TIMEOUT says so. */
static int pdf_timeout(void)
{
    const char *text = g_getenv("REGIORAPPORT_PDF_TIMEOUT");
    char *end = NULL;
    long seconds = text ? strtol(text, &end, 10) : 0;
    if (!text || end == text || *end || seconds < 1 || seconds > PDFPRINT_TIMEOUT_SECONDS)
        return PDFPRINT_TIMEOUT_SECONDS;
    return (int)seconds;
}

/* The environment soffice runs in: ours, in the locale whose numbers the reader
 * expects (LibreOffice takes its locale from these variables, whether or not the
 * system has generated it). g_strfreev. */
static char **print_environment(void)
{
    const char *locale = i18n_lang() == LANG_EN ? "en_GB.UTF-8" : "nl_NL.UTF-8";
    char **env = g_get_environ();
    env = g_environ_setenv(env, "LC_ALL", locale, TRUE);
    env = g_environ_setenv(env, "LANG", locale, TRUE);
    return g_environ_unsetenv(env, "LANGUAGE");
}

/* Waits for `pid` until the deadline; kills its process group then, and after it
 * exits (helpers it left behind go too). The exit status, or -1 after the deadline. */
static int wait_with_deadline(GPid pid, int timeout)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout * G_USEC_PER_SEC;
    int wait = 0;
    pid_t done;
    while ((done = waitpid(pid, &wait, WNOHANG)) == 0 && g_get_monotonic_time() < deadline)
        g_usleep(G_USEC_PER_SEC / 20);
    kill(-pid, SIGKILL);
    if (done == 0)
        waitpid(pid, &wait, 0);
    g_spawn_close_pid(pid);
    if (done == 0)
        return -1;
    return done > 0 && WIFEXITED(wait) ? WEXITSTATUS(wait) : 255;
}

/* Runs argv and waits at most pdf_timeout() seconds. */
static rr_error run_soffice(char **argv)
{
    GPid pid = 0;
    GError *error = NULL;
    char **env = print_environment();
    gboolean started = g_spawn_async(NULL, argv, env,
                                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                         G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDIN_FROM_DEV_NULL,
                                     own_process_group, NULL, &pid, &error);
    g_strfreev(env);
    if (!started) {
        say_error(tr("LibreOffice kon niet starten: %s", "LibreOffice could not start: %s"),
                  error->message);
        g_error_free(error);
        return RR_ERR_WRITE;
    }
    int timeout = pdf_timeout();
    int status = wait_with_deadline(pid, timeout);
    if (status < 0) {
        say_error(tr("LibreOffice was na %d seconden niet klaar en is gestopt; geen PDF gemaakt",
                     "LibreOffice had not finished after %d seconds and was stopped; no PDF "
                     "made"),
                  timeout);
        return RR_ERR_WRITE;
    }
    if (status != 0) {
        say_error(tr("LibreOffice kon de PDF niet maken (afsluitstatus %d)",
                     "LibreOffice could not make the PDF (exit status %d)"),
                  status);
        return RR_ERR_WRITE;
    }
    return RR_OK;
}

char *pdfprint_pdf_path(const char *folder, const char *xlsx)
{
    char *base = g_path_get_basename(xlsx);
    char *dot = strrchr(base, '.');
    if (dot)
        *dot = '\0';
    char *name = g_strconcat(base, ".pdf", NULL);
    char *path = g_build_filename(folder, name, NULL);
    g_free(name);
    g_free(base);
    return path;
}

bool pdfprint_is_pdf(const char *path)
{
    char head[5] = {0};
    GStatBuf st;
    if (g_lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    return n == sizeof head && memcmp(head, "%PDF-", 5) == 0;
}

/* One LibreOffice run over `count` workbooks from `first`, in a profile of its own (so a
 * LibreOffice the user has open does not take the job). */
static rr_error print_batch(const char *soffice, const char *out_dir,
                            GPtrArray *xlsx_paths, guint first, guint count)
{
    char *profile = g_dir_make_tmp("regiorapport-lo-XXXXXX", NULL);
    char *profile_uri = profile ? g_filename_to_uri(profile, NULL, NULL) : NULL;
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(argv, g_strdup(soffice));
    g_ptr_array_add(argv, g_strconcat("-env:UserInstallation=", profile_uri ? profile_uri : "", NULL));
    const char *fixed[] = {"--headless", "--convert-to", "pdf", "--outdir"};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(argv, g_strdup(fixed[i]));
    /* Absolute paths, so that a name starting with "-" cannot read as an option. */
    g_ptr_array_add(argv, g_canonicalize_filename(out_dir, NULL));
    for (guint i = first; i < first + count; i++)
        g_ptr_array_add(argv, g_canonicalize_filename(g_ptr_array_index(xlsx_paths, i), NULL));
    g_ptr_array_add(argv, NULL);
    rr_error err = run_soffice((char **)argv->pdata);
    if (profile)
        atomic_remove_tree(profile);
    g_ptr_array_free(argv, TRUE);
    g_free(profile_uri);
    g_free(profile);
    return err;
}

rr_error pdfprint_convert(const char *out_dir, GPtrArray *xlsx_paths, bool xlsx_written)
{
    char *soffice = g_find_program_in_path("soffice");
    if (!soffice) {
        say_error(tr("--pdf heeft LibreOffice nodig (soffice); installeer het pakket "
                     PDFPRINT_PACKAGE " (apt-get install " PDFPRINT_PACKAGE ")%s",
                     "--pdf needs LibreOffice (soffice); install the package " PDFPRINT_PACKAGE
                     " (apt-get install " PDFPRINT_PACKAGE ")%s"),
                  xlsx_written ? tr("; de xlsx-bestanden zijn geschreven",
                                    "; the xlsx files were written") : "");
        return RR_ERR_WRITE;
    }
    rr_error err = RR_OK;
    for (guint first = 0; err == RR_OK && first < xlsx_paths->len; first += PDFPRINT_BATCH)
        err = print_batch(soffice, out_dir, xlsx_paths, first,
                          MIN(PDFPRINT_BATCH, xlsx_paths->len - first));
    g_free(soffice);
    return err;
}
