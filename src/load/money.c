/*
 * money.c - euro amounts in Dutch notation, parsed strictly by hand.
 *
 * strtod is never used: it accepts "nan", "inf", "0x1A" and "1e5", and reads
 * "3,5" or "3.5" depending on the locale. Digits are accumulated with a bound, so
 * no input can overflow.
 */
#include "load/money.h"

#include <glib.h>

#include <string.h>

#define EURO_SIGN "\xE2\x82\xAC"

/* The largest whole-euro part of an accepted amount. */
static const int64_t MAX_EUROS = MONEY_MAX_CENTS / 100;

/* ------------------------------------------------------------------------- */
/* Characters                                                                 */
/* ------------------------------------------------------------------------- */

/* Whether s starts with the lower-case ASCII word, in any case. */
static bool starts_with_word(const char *s, const char *word)
{
    while (*word != '\0') {
        if (g_ascii_tolower(*s++) != *word++)
            return false;
    }
    return true;
}

static size_t digit_run_at(const char *s)
{
    size_t n = 0;
    while (g_ascii_isdigit(s[n]))
        n++;
    return n;
}

/* Length of the white space at s: ASCII white space, U+00A0 or U+202F (the no-break
 * spaces a spreadsheet puts between thousands); 0 if none. */
static size_t space_length(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
        return 1;
    if (g_str_has_prefix(s, "\xC2\xA0"))
        return 2;
    return g_str_has_prefix(s, "\xE2\x80\xAF") ? 3 : 0;
}

/* Length of a thousands separator written as one space (" ", U+00A0 or U+202F, as in
 * "1 500 000"), when exactly three digits follow it and then no further digit; else 0. */
static size_t space_group_length(const char *s)
{
    size_t n = *s == ' ' ? 1 : g_str_has_prefix(s, "\xC2\xA0") ? 2
                             : g_str_has_prefix(s, "\xE2\x80\xAF") ? 3 : 0;
    return n > 0 && digit_run_at(s + n) == 3 ? n : 0;
}

/* The first byte at or after s that is not white space. */
static const char *skip_spaces(const char *s)
{
    for (size_t n; (n = space_length(s)) > 0;)
        s += n;
    return s;
}

/* ------------------------------------------------------------------------- */
/* The number                                                                 */
/* ------------------------------------------------------------------------- */

/* Number of consecutive digits at s. */
static size_t digit_run(const char *s)
{
    return digit_run_at(s);
}

/* Appends n digits to *euros; false once the amount passes the maximum, which
 * also keeps the arithmetic far from overflow. */
static bool add_digits(const char *s, size_t n, int64_t *euros)
{
    for (size_t i = 0; i < n; i++) {
        *euros = *euros * 10 + (s[i] - '0');
        if (*euros > MAX_EUROS)
            return false;
    }
    return true;
}

/* Whether s is "." and a group of exactly three digits. */
static bool is_thousands_group(const char *s)
{
    return s[0] == '.' && digit_run(s + 1) == 3;
}

/* Reads the cents after the euros: ",5", ",50", ",-", ",--" or (when no thousands
 * dot was used) ".50". Returns the end, s itself when there are none (a "," or
 * "." then ends the number, as punctuation in a sentence), or NULL for a
 * malformed fraction such as ",505". */
static const char *scan_cents(const char *s, bool grouped, int64_t *cents)
{
    *cents = 0;
    if (s[0] == ',' && s[1] == '-')
        return s[2] == '-' ? s + 3 : s + 2;
    if (s[0] == ',' && g_ascii_isdigit(s[1])) {
        size_t n = digit_run(s + 1);
        if (n < 1 || n > 2)
            return NULL;
        *cents = (s[1] - '0') * 10 + (n == 2 ? s[2] - '0' : 0);
        return s + 1 + n;
    }
    /* One dot and exactly two digits is a decimal point: "2500.50". */
    if (s[0] == '.' && !grouped && digit_run(s + 1) == 2) {
        *cents = (s[1] - '0') * 10 + (s[2] - '0');
        return s + 3;
    }
    return s;
}

/* Reads an unsigned amount at s ("3.000", "1.234,56", "2500.50", "3,-").
 * Returns the byte after it and sets *cents, or NULL if s holds no amount. */
static const char *scan_number(const char *s, int64_t *cents)
{
    int64_t euros = 0, fraction;
    size_t lead = digit_run(s);
    bool leading_zero = s[0] == '0';
    bool grouped = false;

    /* A leading zero makes "007" or "0.050" a typo, not money. */
    if (lead == 0 || (leading_zero && lead > 1) || !add_digits(s, lead, &euros))
        return NULL;
    s += lead;
    while (lead <= 3 && is_thousands_group(s)) {
        if (leading_zero || !add_digits(s + 1, 3, &euros))
            return NULL;
        grouped = true;
        s += 4;
    }
    /* Thousands grouped by spaces ("1 500 000"), never mixed with dots. */
    bool space_grouped = false;
    for (size_t n; !grouped && lead <= 3 && (n = space_group_length(s)) > 0; s += n + 3) {
        if (leading_zero || !add_digits(s + n, 3, &euros))
            return NULL;
        space_grouped = true;
    }
    grouped = grouped || space_grouped;
    s = scan_cents(s, grouped, &fraction);
    if (s == NULL || euros * 100 + fraction > MONEY_MAX_CENTS)
        return NULL;
    *cents = euros * 100 + fraction;
    return s;
}

/* Skips a currency written before the number ("€", "EUR", "euro") and the white
 * space after it. */
static const char *skip_currency(const char *s)
{
    if (g_str_has_prefix(s, EURO_SIGN))
        s += strlen(EURO_SIGN);
    else if (starts_with_word(s, "euro"))
        s += 4;
    else if (starts_with_word(s, "eur"))
        s += 3;
    return skip_spaces(s);
}

bool money_parse_amount(const char *text, int64_t *cents)
{
    int64_t value;
    const char *s = skip_currency(skip_spaces(text));
    const char *end = scan_number(s, &value);

    if (end == NULL || *skip_spaces(end) != '\0')
        return false;
    *cents = value;
    return true;
}

/* ------------------------------------------------------------------------- */
/* An amount inside a text                                                    */
/* ------------------------------------------------------------------------- */

/* Where the only "€" in text is; NULL if there is none or more than one. */
static const char *only_euro_sign(const char *text)
{
    const char *found = NULL;

    for (const char *s = text; *s != '\0'; s++) {
        if (g_str_has_prefix(s, EURO_SIGN)) {
            if (found != NULL)
                return NULL;
            found = s;
        }
    }
    return found;
}

/* Whether a minus sign is glued to the "€" at sign ("-€ 500"). One with a space
 * between is read as a dash in the sentence ("Onderhoud - € 500 per jaar"). */
static bool has_minus_before(const char *text, const char *sign)
{
    return sign > text && sign[-1] == '-';
}

/* Whether the amount token ends at s: the end, white space, or punctuation. A
 * letter or digit glued on ("€ 5000k") or a "." / "," that goes on with a digit
 * ("€ 1.234.56") means the token is no amount. */
static bool ends_amount_token(const char *s)
{
    if (*s == '\0' || space_length(s) > 0)
        return true;
    if (*s == '.' || *s == ',')
        return !g_ascii_isdigit(s[1]);
    if (*s == '-')
        return false;
    return (unsigned char)*s < 0x80 && !g_ascii_isalpha(*s) && !g_ascii_isdigit(*s);
}

/* Whether the word at s scales the number before it ("€ 1,5 mln"): then the
 * number alone is not the amount meant. */
static bool starts_with_scale(const char *s)
{
    static const char *const scales[] = {
        "miljard", "miljoen", "mld", "mln", "mio", "duizend", "dzd", "k", "m",
    };

    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        size_t n = strlen(scales[i]);
        if (starts_with_word(s, scales[i]) && !g_ascii_isalpha(s[n]))
            return true;
    }
    return false;
}

/* Whether a dash after the amount makes it a range of amounts ("€ 5.000 - 10.000"):
 * that text holds two amounts, not one. "tot" is not taken as a join, since
 * "€ 5.000 tot 2025" is one amount and a year. */
static bool starts_with_range(const char *s)
{
    static const char *const joins[] = {
        "-", "\xE2\x80\x93", "\xE2\x80\x94",
    };

    for (size_t i = 0; i < sizeof joins / sizeof joins[0]; i++) {
        if (starts_with_word(s, joins[i]))
            return g_ascii_isdigit(*skip_spaces(s + strlen(joins[i])));
    }
    return false;
}

/* Whether white space and a digit follow the amount ending at s ("€ 12 50", "€ 1500 000",
 * "€ 5.000 2022"): a number split by a space that is no thousands group, whose value
 * cannot be told; the first part alone would be a wrong number. */
static bool followed_by_digits(const char *s)
{
    return space_length(s) > 0 && g_ascii_isdigit(*skip_spaces(s));
}

/* The number after the only "€" of text, and where it ends; NULL when there is none. */
static const char *amount_after_sign(const char *text, int64_t *value)
{
    const char *sign = only_euro_sign(text);
    if (sign == NULL || has_minus_before(text, sign))
        return NULL;
    return scan_number(skip_spaces(sign + strlen(EURO_SIGN)), value);
}

bool money_parse_budget(const char *text, int64_t *cents)
{
    int64_t value;

    if (money_parse_amount(text, cents))
        return true;
    const char *end = amount_after_sign(text, &value);
    if (end == NULL || !ends_amount_token(end) || starts_with_scale(skip_spaces(end))
        || starts_with_range(skip_spaces(end)) || followed_by_digits(end))
        return false;
    *cents = value;
    return true;
}

bool money_budget_split_number(const char *text)
{
    int64_t value, cents;
    if (money_parse_budget(text, &cents))
        return false;
    const char *end = amount_after_sign(text, &value);
    return end != NULL && followed_by_digits(end);
}

/* ------------------------------------------------------------------------- */
/* Formatting                                                                 */
/* ------------------------------------------------------------------------- */

/* Writes the digits of n with a "." between thousands; returns the length. */
static size_t format_grouped(uint64_t n, char *out)
{
    char reversed[32];
    size_t len = 0, digits = 0;

    do {
        if (digits > 0 && digits % 3 == 0)
            reversed[len++] = '.';
        reversed[len++] = (char)('0' + n % 10);
        digits++;
        n /= 10;
    } while (n > 0);
    for (size_t i = 0; i < len; i++)
        out[i] = reversed[len - 1 - i];
    return len;
}

void money_format_nl(int64_t cents, char *buf, size_t size)
{
    char text[48];
    size_t len = 0;
    /* Unsigned negation, so that INT64_MIN has a magnitude too. */
    uint64_t magnitude = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    unsigned rest = (unsigned)(magnitude % 100);

    if (size == 0)
        return;
    memcpy(text, EURO_SIGN " ", 4);
    len = 4;
    if (cents < 0)
        text[len++] = '-';
    len += format_grouped(magnitude / 100, text + len);
    if (rest != 0) {
        text[len++] = ',';
        text[len++] = (char)('0' + rest / 10);
        text[len++] = (char)('0' + rest % 10);
    }
    if (len >= size)
        len = size - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
}
