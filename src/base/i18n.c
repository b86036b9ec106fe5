/* i18n.c - the current language. */
#include "base/i18n.h"

#include <errno.h>
#include <glib.h>
#include <strings.h>

static rr_lang current_lang = LANG_NL;

void i18n_set_lang(rr_lang lang) { current_lang = lang; }

rr_lang i18n_lang(void) { return current_lang; }

int i18n_parse_lang(const char *text, rr_lang *out)
{
    if (strcasecmp(text, "nl") == 0)
        *out = LANG_NL;
    else if (strcasecmp(text, "en") == 0)
        *out = LANG_EN;
    else
        return -1;
    return 0;
}

const char *tr(const char *nl, const char *en)
{
    return current_lang == LANG_EN ? en : nl;
}

/* The system errors a user meets, in both languages: the C library's text is English
 * whatever the locale the tool runs in, and must not appear inside a Dutch sentence. */
static const struct {
    int errnum;
    const char *nl, *en;
} errno_texts[] = {
    {ENOENT, "bestand of map bestaat niet", "no such file or folder"},
    {EACCES, "geen toestemming", "permission denied"},
    {EPERM, "niet toegestaan", "operation not permitted"},
    {ENOSPC, "de schijf is vol", "no space left on the disk"},
    {EDQUOT, "het schijfquotum is op", "disk quota exceeded"},
    {EROFS, "alleen-lezen bestandssysteem", "read-only file system"},
    {ENOTDIR, "is geen map", "not a folder"},
    {EISDIR, "is een map", "is a folder"},
    {EEXIST, "bestaat al", "already exists"},
    {ENAMETOOLONG, "naam te lang", "name too long"},
    {ELOOP, "te veel symbolische koppelingen", "too many symbolic links"},
    {EMFILE, "te veel open bestanden", "too many open files"},
    {ENFILE, "te veel open bestanden", "too many open files"},
    {EFBIG, "bestand te groot", "file too large"},
    {EIO, "invoer-/uitvoerfout", "input/output error"},
    {ENOMEM, "onvoldoende geheugen", "out of memory"},
    {EAGAIN, "tijdelijk niet beschikbaar, probeer het opnieuw",
     "temporarily unavailable, try again"},
    {EBUSY, "in gebruik", "in use"},
    {ETXTBSY, "bestand in gebruik", "file in use"},
    {EXDEV, "ligt op een ander bestandssysteem", "on another file system"},
    {ENXIO, "apparaat of adres bestaat niet", "no such device or address"},
    {ENODEV, "apparaat bestaat niet", "no such device"},
    {EINVAL, "ongeldige waarde", "invalid argument"},
    {ENOTEMPTY, "map is niet leeg", "folder not empty"},
    {ESTALE, "verouderde verwijzing naar een netwerkbestand", "stale network file handle"},
    {ETIMEDOUT, "de verbinding duurde te lang", "connection timed out"},
    {EINTR, "onderbroken", "interrupted"},
    {EPIPE, "de andere kant is gesloten", "broken pipe"},
    {EBADF, "ongeldige bestandsaanwijzer", "bad file descriptor"},
    {ECHILD, "geen kindproces", "no child process"},
    {E2BIG, "argumentenlijst te lang", "argument list too long"},
    {ENOEXEC, "geen uitvoerbaar programma", "not an executable program"},
};

char *i18n_count(long n, const char *nl_one, const char *nl_many, const char *en_one,
                 const char *en_many)
{
    const char *noun = n == 1 ? tr(nl_one, en_one) : tr(nl_many, en_many);
    return g_strdup_printf("%ld %s", n, noun);
}

const char *i18n_strerror(int errnum)
{
    for (size_t i = 0; i < G_N_ELEMENTS(errno_texts); i++)
        if (errno_texts[i].errnum == errnum)
            return current_lang == LANG_EN ? errno_texts[i].en : errno_texts[i].nl;
    if (current_lang == LANG_EN)
        return g_strerror(errnum);
    /* Any other error: its number, never the C library's English. */
    static char buf[64];
    g_snprintf(buf, sizeof buf, "systeemfout nummer %d", errnum);
    return buf;
}
