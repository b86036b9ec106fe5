/* i18n.c - the current language. */
#include "base/i18n.h"

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
