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

char *i18n_count(long n, const char *nl_one, const char *nl_many, const char *en_one,
                 const char *en_many)
{
    const char *noun = n == 1 ? tr(nl_one, en_one) : tr(nl_many, en_many);
    return g_strdup_printf("%ld %s", n, noun);
}

const char *i18n_strerror(int errnum)
{
    if (current_lang == LANG_NL) {
        switch (errnum) {
        case ENOENT: return "bestand of map bestaat niet";
        case EACCES: return "geen toestemming";
        case EPERM: return "niet toegestaan";
        case ENOSPC: return "de schijf is vol";
        case EDQUOT: return "het schijfquotum is op";
        case EROFS: return "alleen-lezen bestandssysteem";
        case ENOTDIR: return "is geen map";
        case EISDIR: return "is een map";
        case EEXIST: return "bestaat al";
        case ENAMETOOLONG: return "naam te lang";
        case ELOOP: return "te veel symbolische koppelingen";
        case EMFILE: case ENFILE: return "te veel open bestanden";
        case EFBIG: return "bestand te groot";
        case EIO: return "invoer-/uitvoerfout";
        case ENOMEM: return "onvoldoende geheugen";
        default: break;
        }
    }
    return g_strerror(errnum);
}
