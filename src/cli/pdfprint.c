/* pdfprint.c - workbooks to PDF with LibreOffice (see pdfprint.h). */
#include "cli/pdfprint.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic.h"
#include "base/i18n.h"
#include "base/pdf.h"
#include "base/spawn.h"
#include "cli/say.h"

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

/* Says why LibreOffice did not make the PDFs (it ran as `proc`, at most `timeout`). */
static void soffice_failed(const spawn_proc *proc, int timeout)
{
    if (proc->timed_out) {
        say_error(tr("LibreOffice was na %d seconden niet klaar en is gestopt, met alles "
                     "wat het startte",
                     "LibreOffice had not finished after %d seconds and was stopped, with "
                     "everything it started"),
                  timeout);
        return;
    }
    char *how = spawn_describe_status(proc, "LibreOffice");
    char *line = spawn_last_line(proc, 300);
    say_error(tr("LibreOffice kon de PDF's niet maken (%s)%s%s",
                 "LibreOffice could not make the PDFs (%s)%s%s"),
              how, *line ? ": " : "", line);
    g_free(line);
    g_free(how);
}

/* Runs argv with the one runner (base/spawn.h), in the locale whose numbers the reader
 * expects (LibreOffice takes its locale from these variables, whether or not the system
 * has generated it): at most pdf_timeout() seconds, its whole process group ended
 * afterwards. RR_OK when it exited 0; otherwise says why on stderr. */
static rr_error run_soffice(char **argv)
{
    const char *en[] = {"LC_ALL=en_GB.UTF-8", "LANG=en_GB.UTF-8", "LANGUAGE=en", NULL};
    const char *nl[] = {"LC_ALL=nl_NL.UTF-8", "LANG=nl_NL.UTF-8", "LANGUAGE=nl", NULL};
    spawn_proc proc;
    int timeout = pdf_timeout();
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout * G_USEC_PER_SEC;
    rr_error err = RR_OK;
    if (!spawn_start(&proc, argv, i18n_lang() == LANG_EN ? en : nl)) {
        say_error(tr("LibreOffice kon niet starten: %s", "LibreOffice could not start: %s"),
                  proc.output->str);
        err = RR_ERR_WRITE;
    } else if (!spawn_wait_all(&proc, 1, deadline) || !spawn_succeeded(&proc)) {
        soffice_failed(&proc, timeout);
        err = RR_ERR_WRITE;
    }
    spawn_proc_release(&proc);
    return err;
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
    return pdf_is_complete(path);
}

/* One LibreOffice run over `count` workbooks from `first`, in a profile of its own (so a
 * LibreOffice the user has open does not take the job). */
static rr_error print_batch(const char *soffice, const char *out_dir,
                            GPtrArray *xlsx_paths, guint first, guint count)
{
    /* A scratch folder that a signal removes too (base/atomic.h). */
    char *profile_tmpl = g_build_filename(g_get_tmp_dir(), "regiorapport-lo-XXXXXX", NULL);
    char *profile = atomic_scratch_folder(profile_tmpl);
    g_free(profile_tmpl);
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
    atomic_scratch_remove(profile); /* frees it */
    g_ptr_array_free(argv, TRUE);
    g_free(profile_uri);
    return err;
}

rr_error pdfprint_run(const char *soffice, const char *out_dir, GPtrArray *xlsx_paths)
{
    rr_error err = RR_OK;
    for (guint first = 0; err == RR_OK && first < xlsx_paths->len; first += PDFPRINT_BATCH)
        err = print_batch(soffice, out_dir, xlsx_paths, first,
                          MIN(PDFPRINT_BATCH, xlsx_paths->len - first));
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
    rr_error err = pdfprint_run(soffice, out_dir, xlsx_paths);
    g_free(soffice);
    return err;
}
