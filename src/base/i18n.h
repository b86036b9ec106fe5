/*
 * i18n.h - Dutch for the users by default, English with --lang en.
 *
 * Every user-facing text is written as tr("Dutch", "English") at the place it is
 * used, so both versions are read and kept together. The language is process-wide
 * state set once by the command line before any work starts.
 */
#ifndef RR_I18N_H
#define RR_I18N_H

typedef enum { LANG_NL = 0, LANG_EN } rr_lang;

void i18n_set_lang(rr_lang lang);
rr_lang i18n_lang(void);

/* Parses "nl" or "en" (any case); returns 0 on success, -1 otherwise. */
int i18n_parse_lang(const char *text, rr_lang *out);

/* The system's text for an errno value in the current language, from a table in both
 * languages (a file missing, no permission, a full disk, ...); an errno the table
 * lacks is "systeemfout nummer N" in Dutch (the C library speaks only English), the C
 * library's text in English. Static storage: use it before the next call. */
const char *i18n_strerror(int errnum);

/* The text in the current language. Both arguments are string literals; when they
 * are printf formats, the compiler checks both against the arguments. */
const char *tr(const char *nl, const char *en) __attribute__((format_arg(1), format_arg(2)));

/* "1 maand", "5 maanden" / "1 month", "5 months": a count and its noun in the current
 * language, singular for exactly one. g_free. */
char *i18n_count(long n, const char *nl_one, const char *nl_many, const char *en_one,
                 const char *en_many);

#endif
