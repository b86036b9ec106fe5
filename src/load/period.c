/*
 * period.c - calendar arithmetic and the period forms that plan documents use.
 *
 * Parsing runs in two steps so that no input can make it slow, deep or unsafe:
 * the text becomes at most MAX_TOKENS tokens (numbers, words, separators), then
 * token sequences are matched against the accepted forms. A range is tried only
 * after the whole text failed to be a single form, which keeps "2022-02" a month,
 * "14-02-2022" a date and "2023-Q1" a quarter.
 */
#include "load/period.h"

#include <glib.h>

#include <stdio.h>
#include <string.h>

/* No accepted text needs more than a dozen tokens; longer text is not a period. */
enum { MAX_TOKENS = 24, WORD_MAX = 15, NUM_MAX_DIGITS = 9, DIGITS_CAP = 99 };

typedef enum {
    TOK_NUM,
    TOK_WORD,
    TOK_DASH,      /* '-' */
    TOK_LONG_DASH, /* U+2013 or U+2014: only ever a range separator */
    TOK_SLASH,
    TOK_DOT,
    TOK_CHECK      /* U+2713 or U+2714 */
} token_kind;

typedef struct {
    token_kind kind;
    bool spaced;             /* white space precedes it; numeric forms allow none inside */
    int digits;              /* TOK_NUM: digit count, capped at DIGITS_CAP */
    int value;               /* TOK_NUM: meaningful only when digits <= NUM_MAX_DIGITS */
    char word[WORD_MAX + 1]; /* TOK_WORD: lower case; "" when too long to be a known word */
} token;

typedef struct {
    token tok[MAX_TOKENS];
    int count;
} token_list;

/* One form as written, before a year is applied: a day or a run of months. */
typedef struct {
    int first_month, last_month;
    bool is_day;    /* one day, not whole months */
    int day;
    bool has_year;  /* a year was written (it may still be out of range) */
    int year;
    bool bare_year; /* the form is only a year: "2022" */
} form;

typedef struct {
    const char *name;
    int first_month, last_month;
} month_span;

static const month_span MONTH_WORDS[] = {
    {"januari", 1, 1},    {"jan", 1, 1},    {"january", 1, 1},
    {"februari", 2, 2},   {"feb", 2, 2},    {"february", 2, 2},
    {"maart", 3, 3},      {"mrt", 3, 3},    {"mar", 3, 3},      {"march", 3, 3},
    {"april", 4, 4},      {"apr", 4, 4},    {"mei", 5, 5},      {"may", 5, 5},
    {"juni", 6, 6},       {"jun", 6, 6},    {"june", 6, 6},
    {"juli", 7, 7},       {"jul", 7, 7},    {"july", 7, 7},
    {"augustus", 8, 8},   {"aug", 8, 8},    {"august", 8, 8},
    {"september", 9, 9},  {"sep", 9, 9},    {"sept", 9, 9},
    {"oktober", 10, 10},  {"okt", 10, 10},  {"oct", 10, 10},    {"october", 10, 10},
    {"november", 11, 11}, {"nov", 11, 11},  {"december", 12, 12}, {"dec", 12, 12},
};

static const month_span PART_OF_YEAR_WORDS[] = {
    {"begin", 1, 3},    {"medio", 6, 7},    {"eind", 10, 12},
    {"voorjaar", 3, 5}, {"lente", 3, 5},    {"zomer", 6, 8},
    {"najaar", 9, 11},  {"herfst", 9, 11},
    {"q1", 1, 3},       {"q2", 4, 6},       {"q3", 7, 9},       {"q4", 10, 12},
    {"h1", 1, 6},       {"h2", 7, 12},
};

/* Entry i is the ordinal i % 4 + 1. */
static const char *const ORDINAL_WORDS[] = {
    "eerste", "tweede", "derde", "vierde", "1e", "2e", "3e", "4e",
};

static const char *const RECURRING_WORDS[] = {
    "doorlopend", "jaarlijks", "blijvend", "terugkerend",
    "ongoing", "annually", "recurring",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------------- */
/* Calendar                                                                   */
/* ------------------------------------------------------------------------- */

/* Whether year has 29 February in the proleptic Gregorian calendar. */
static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && is_leap_year(year))
        return 29;
    return days[month - 1];
}

/* Howard Hinnant's days_from_civil: eras of 400 years starting on 1 March keep the
 * leap day at the end of the year, so no table is needed. */
rr_date date_from_ymd(int year, int month, int day)
{
    if (year < RR_YEAR_MIN || year > RR_YEAR_MAX)
        return RR_DATE_NONE;
    if (day < 1 || day > date_days_in_month(year, month))
        return RR_DATE_NONE;

    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (rr_date)(era * 146097 + doe - 719468);
}

/* The inverse of date_from_ymd; 64-bit so that any day number is safe. */
void date_to_ymd(rr_date date, int *year, int *month, int *day)
{
    int64_t z = (int64_t)date + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);

    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = m;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
}

rr_date date_from_serial(double serial, bool date1904)
{
    if (!(serial >= 0 && serial < 3e6))
        return RR_DATE_NONE;
    long days = (long)serial;
    rr_date day;
    if (date1904)
        day = date_from_ymd(1904, 1, 1) + (rr_date)days;
    else if (days == 0 || days == 60)
        return RR_DATE_NONE; /* 1900-01-00 and 1900-02-29: shown by Excel, never a day */
    else
        /* Serial 25569 is 1970-01-01 from 1 March 1900 on; before it the serials count
         * one day fewer, as if 29 February 1900 had not been counted. */
        day = (rr_date)days - (days < 60 ? 25568 : 25569);
    if (day < date_from_ymd(RR_YEAR_MIN, 1, 1) || day > date_from_ymd(RR_YEAR_MAX, 12, 31))
        return RR_DATE_NONE;
    return day;
}

/* Writes date with the given field order; "" for RR_DATE_NONE. */
static void format_date(rr_date date, bool day_first, char *buf, size_t size)
{
    if (size == 0)
        return;
    if (date == RR_DATE_NONE) {
        buf[0] = '\0';
        return;
    }
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    if (day_first)
        snprintf(buf, size, "%02d-%02d-%04d", d, m, y);
    else
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

void date_format_iso(rr_date date, char *buf, size_t size)
{
    format_date(date, false, buf, size);
}

void date_format_nl(rr_date date, char *buf, size_t size)
{
    format_date(date, true, buf, size);
}

date_text date_text_nl(rr_date date)
{
    date_text t;
    format_date(date, true, t.text, sizeof t.text);
    return t;
}

date_text date_text_iso(rr_date date)
{
    date_text t;
    format_date(date, false, t.text, sizeof t.text);
    return t;
}

period period_span(rr_date first, rr_date last)
{
    period p = {PERIOD_SPAN, first, last};
    return p;
}

/* ------------------------------------------------------------------------- */
/* Tokens                                                                     */
/* ------------------------------------------------------------------------- */

/* Length of the white space at s: ASCII white space or U+00A0; 0 if none. */
static size_t space_length(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
        return 1;
    return g_str_has_prefix(s, "\xC2\xA0") ? 2 : 0;
}

/* Reads a run of ASCII letters and digits into t; returns the byte after it. */
static const char *scan_alnum(const char *s, token *t)
{
    bool has_letter = false;
    int length = 0;

    for (; g_ascii_isdigit(*s) || g_ascii_isalpha(*s); s++) {
        if (g_ascii_isdigit(*s)) {
            /* The value stops growing before it could overflow; digits tells. */
            if (t->digits < NUM_MAX_DIGITS)
                t->value = t->value * 10 + (*s - '0');
            if (t->digits < DIGITS_CAP)
                t->digits++;
        } else {
            has_letter = true;
        }
        if (length < WORD_MAX)
            t->word[length] = g_ascii_tolower(*s);
        if (length <= WORD_MAX)
            length++;
    }
    t->kind = has_letter ? TOK_WORD : TOK_NUM;
    t->word[length > WORD_MAX ? 0 : length] = '\0';
    return s;
}

/* Reads one token other than a word or number; returns the byte after it, or
 * NULL for a byte that no accepted form contains. */
static const char *scan_mark(const char *s, token *t)
{
    static const struct {
        const char *bytes;
        token_kind kind;
    } marks[] = {
        {"-", TOK_DASH},  {"/", TOK_SLASH},  {".", TOK_DOT},
        {"\xE2\x80\x93", TOK_LONG_DASH}, {"\xE2\x80\x94", TOK_LONG_DASH},
        {"\xE2\x9C\x93", TOK_CHECK},     {"\xE2\x9C\x94", TOK_CHECK},
    };

    for (size_t i = 0; i < COUNT_OF(marks); i++) {
        if (g_str_has_prefix(s, marks[i].bytes)) {
            t->kind = marks[i].kind;
            return s + strlen(marks[i].bytes);
        }
    }
    return NULL;
}

/* Splits text into tokens; false when it holds a byte or more tokens than any
 * accepted form. */
static bool tokenize(const char *text, token_list *list)
{
    const char *s = text;
    bool spaced = false;

    list->count = 0;
    while (*s != '\0') {
        size_t space = space_length(s);
        if (space > 0) {
            s += space;
            spaced = true;
            continue;
        }
        if (list->count == MAX_TOKENS)
            return false;
        token *t = &list->tok[list->count++];
        memset(t, 0, sizeof *t);
        t->spaced = spaced;
        spaced = false;
        s = (g_ascii_isdigit(*s) || g_ascii_isalpha(*s)) ? scan_alnum(s, t) : scan_mark(s, t);
        if (s == NULL)
            return false;
    }
    return true;
}

/* Whether t is the word w. */
static bool is_word(const token *t, const char *w)
{
    return t->kind == TOK_WORD && strcmp(t->word, w) == 0;
}

/* Whether t is a number of min_digits..max_digits digits. */
static bool is_number(const token *t, int min_digits, int max_digits)
{
    return t->kind == TOK_NUM && t->digits >= min_digits && t->digits <= max_digits;
}

/* Whether t stands where a year goes: two digits are too few to be read as a
 * year, three or more are a year, in range or not. */
static bool is_year_number(const token *t)
{
    return t->kind == TOK_NUM && t->digits >= 3;
}

/* Finds t in a table of month spans; NULL if it is not there. */
static const month_span *find_span(const month_span *table, size_t count, const token *t)
{
    for (size_t i = 0; t->kind == TOK_WORD && i < count; i++) {
        if (strcmp(t->word, table[i].name) == 0)
            return &table[i];
    }
    return NULL;
}

/* The index of t in a list of words, -1 if it is not there. */
static int word_index(const token *t, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (is_word(t, words[i]))
            return (int)i;
    }
    return -1;
}

/* The number of an ordinal word ("tweede", "2e"), 0 if t is none. */
static int ordinal_number(const token *t)
{
    int i = word_index(t, ORDINAL_WORDS, COUNT_OF(ORDINAL_WORDS));
    return i < 0 ? 0 : i % 4 + 1;
}

/* Whether no white space separates the n tokens from each other. */
static bool is_tight(const token *t, int n)
{
    for (int i = 1; i < n; i++) {
        if (t[i].spaced)
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------------- */
/* Single forms                                                               */
/* ------------------------------------------------------------------------- */

/* Sets f to the months first..last. */
static void set_months(form *f, int first, int last)
{
    f->first_month = first;
    f->last_month = last;
}

/* Sets f to one day (validated later, when the year is known). */
static void set_day(form *f, int month, int day)
{
    set_months(f, month, month);
    f->is_day = true;
    f->day = day;
}

/* Matches the all-digit forms (2022-02-14, 14-2-2022, 14/02/2022, 2022-02) and
 * 2023-Q1; *year points at the year token. */
static bool match_numeric(const token *t, int n, form *f, const token **year)
{
    if (!is_tight(t, n))
        return false;
    if (n == 5 && is_year_number(&t[0]) && t[1].kind == TOK_DASH && is_number(&t[2], 2, 2)
        && t[3].kind == TOK_DASH && is_number(&t[4], 2, 2)) {
        set_day(f, t[2].value, t[4].value);
        *year = &t[0];
        return true;
    }
    /* 14-2-2022, 14/02/2022 and 14.02.2022 (as a German or Swiss Excel writes it) */
    if (n == 5 && is_number(&t[0], 1, 2) &&
        (t[1].kind == TOK_DASH || t[1].kind == TOK_SLASH || t[1].kind == TOK_DOT) &&
        is_number(&t[2], 1, 2) && t[3].kind == t[1].kind && is_year_number(&t[4])) {
        set_day(f, t[2].value, t[0].value);
        *year = &t[4];
        return true;
    }
    if (n == 3 && is_year_number(&t[0]) && t[1].kind == TOK_DASH) {
        const month_span *quarter = find_span(PART_OF_YEAR_WORDS, COUNT_OF(PART_OF_YEAR_WORDS), &t[2]);
        if (is_number(&t[2], 2, 2))
            set_months(f, t[2].value, t[2].value);
        else if (quarter != NULL && quarter->name[0] == 'q')
            set_months(f, quarter->first_month, quarter->last_month);
        else
            return false;
        *year = &t[0];
        return true;
    }
    return false;
}

/* Length of an optional dot right after an abbreviated month name. */
static int dot_length(const token *t, int n)
{
    return (n > 0 && t[0].kind == TOK_DOT && !t[0].spaced) ? 1 : 0;
}

/* Matches the part of a written form before its year ("14 feb.", "maart",
 * "eerste kwartaal", "najaar"); returns the tokens used, 0 if none match. */
static int match_template(const token *t, int n, form *f)
{
    const month_span *month = n >= 1 ? find_span(MONTH_WORDS, COUNT_OF(MONTH_WORDS), &t[0]) : NULL;
    const month_span *part = n >= 1 ? find_span(PART_OF_YEAR_WORDS, COUNT_OF(PART_OF_YEAR_WORDS), &t[0]) : NULL;
    int number = n >= 2 ? ordinal_number(&t[0]) : 0;

    if (n >= 2 && is_number(&t[0], 1, 2)) {
        month = find_span(MONTH_WORDS, COUNT_OF(MONTH_WORDS), &t[1]);
        if (month == NULL)
            return 0;
        set_day(f, month->first_month, t[0].value);
        return 2 + dot_length(t + 2, n - 2);
    }
    if (month != NULL) {
        set_months(f, month->first_month, month->last_month);
        return 1 + dot_length(t + 1, n - 1);
    }
    if (part != NULL) {
        set_months(f, part->first_month, part->last_month);
        return 1;
    }
    if (number >= 1 && number <= 4 && is_word(&t[1], "kwartaal")) {
        set_months(f, 3 * number - 2, 3 * number);
        return 2;
    }
    if (number >= 1 && number <= 2 && is_word(&t[1], "helft")) {
        set_months(f, 6 * number - 5, 6 * number);
        return 2;
    }
    return 0;
}

/* Matches a written form: a template with or without a year after it, or a
 * bare year; *year points at the year token, if any. */
static bool match_written(const token *t, int n, form *f, const token **year)
{
    int used = match_template(t, n, f);

    if (used == 0) {
        if (n != 1 || !is_year_number(&t[0]))
            return false;
        set_months(f, 1, 12);
        f->bare_year = true;
        *year = &t[0];
        return true;
    }
    if (used == n)
        return true;
    if (used == n - 1 && is_year_number(&t[used])) {
        *year = &t[used];
        return true;
    }
    return false;
}

/* Parses n tokens as one form. PARSE_ERR_FORM when no form matches; otherwise
 * f describes the form and the result says whether its year is in range. Days
 * and months are checked later, by resolve(), once the year is known. */
static parse_status parse_form(const token *t, int n, form *f)
{
    const token *year = NULL;

    memset(f, 0, sizeof *f);
    if (n <= 0 || (!match_numeric(t, n, f, &year) && !match_written(t, n, f, &year)))
        return PARSE_ERR_FORM;
    if (year == NULL)
        return PARSE_OK;
    f->has_year = true;
    if (year->digits > 4 || year->value < RR_YEAR_MIN || year->value > RR_YEAR_MAX)
        return PARSE_ERR_YEAR;
    f->year = year->value;
    return PARSE_OK;
}

/* The days that form f covers in the given year. */
static parse_status resolve(const form *f, int year, period *out)
{
    if (year < RR_YEAR_MIN || year > RR_YEAR_MAX)
        return PARSE_ERR_YEAR;
    int first_day = f->is_day ? f->day : 1;
    int last_day = f->is_day ? f->day : date_days_in_month(year, f->last_month);
    rr_date first = date_from_ymd(year, f->first_month, first_day);
    rr_date last = date_from_ymd(year, f->last_month, last_day);
    if (first == RR_DATE_NONE || last == RR_DATE_NONE)
        return PARSE_ERR_NO_SUCH_DAY;
    *out = period_span(first, last);
    return PARSE_OK;
}

/* ------------------------------------------------------------------------- */
/* Ranges                                                                     */
/* ------------------------------------------------------------------------- */

/* Length of the range separator at t ("-", "–", "/", "tot", "t/m", "tot en met"),
 * 0 if there is none. */
static int separator_length(const token *t, int n)
{
    if (t[0].kind == TOK_DASH || t[0].kind == TOK_LONG_DASH || t[0].kind == TOK_SLASH)
        return 1;
    if (n >= 3 && is_word(&t[0], "t") && t[1].kind == TOK_SLASH && is_word(&t[2], "m"))
        return 3;
    if (n >= 3 && is_word(&t[0], "tot") && is_word(&t[1], "en") && is_word(&t[2], "met"))
        return 3;
    return is_word(&t[0], "tot") ? 1 : 0;
}

/* The year for a first part written without one: the second part's year, or the
 * year before when the first would otherwise start after the second ends
 * ("november - januari 2023"). */
static int inferred_year(const form *first, const form *second)
{
    int start_day = first->is_day ? first->day : 1;
    int end_day = second->is_day ? second->day : 31;
    bool starts_later = first->first_month > second->last_month
                        || (first->first_month == second->last_month && start_day > end_day);
    return starts_later ? second->year - 1 : second->year;
}

/* Resolves the range a..b, both parsed and with valid years. */
static parse_status resolve_range(const form *a, const form *b, period *out)
{
    period first, second;
    parse_status status;

    if (a->has_year && (status = resolve(a, a->year, &first)) != PARSE_OK)
        return status;
    if ((status = resolve(b, b->year, &second)) != PARSE_OK)
        return status;
    if (!a->has_year && (status = resolve(a, inferred_year(a, b), &first)) != PARSE_OK)
        return status;
    if (second.last < first.first)
        return PARSE_ERR_REVERSED;
    *out = period_span(first.first, second.last);
    return PARSE_OK;
}

/* Parses t as a range split at tokens at..at+sep_len. PARSE_ERR_FORM means the
 * split does not give a range shape; any other result is what the range means. */
static parse_status parse_split(const token *t, int n, int at, int sep_len, period *out)
{
    form a, b;
    parse_status first = parse_form(t, at, &a);
    parse_status second = parse_form(t + at + sep_len, n - at - sep_len, &b);

    if (first == PARSE_ERR_FORM || second == PARSE_ERR_FORM || !b.has_year)
        return PARSE_ERR_FORM;
    /* "mrt-2022" is a month written with a dash, not March to December: refuse it
     * rather than guess a deadline nine months late. */
    if (!a.has_year && b.bare_year)
        return PARSE_ERR_FORM;
    if (first != PARSE_OK)
        return first;
    if (second != PARSE_OK)
        return second;
    return resolve_range(&a, &b, out);
}

/* Tries every separator as the middle of a range. Exactly one split may give a
 * range shape; none, or more than one (ambiguous), is PARSE_ERR_FORM. */
static parse_status parse_range(const token *t, int n, period *out)
{
    parse_status result = PARSE_ERR_FORM;
    period found = {PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE};
    int shapes = 0;

    for (int at = 1; at < n - 1; at++) {
        int sep_len = separator_length(t + at, n - at);
        if (sep_len == 0 || at + sep_len >= n)
            continue;
        period p = found;
        parse_status status = parse_split(t, n, at, sep_len, &p);
        if (status == PARSE_ERR_FORM)
            continue;
        if (++shapes > 1)
            return PARSE_ERR_FORM;
        result = status;
        found = p;
    }
    if (result == PARSE_OK)
        *out = found;
    return result;
}

/* Parses tokens (no checkmark) as a period. */
static parse_status parse_period_tokens(const token *t, int n, period *out)
{
    form f;

    if (n == 0 || (n == 1 && word_index(t, RECURRING_WORDS, COUNT_OF(RECURRING_WORDS)) >= 0)) {
        period none = {n == 0 ? PERIOD_UNKNOWN : PERIOD_RECURRING, RR_DATE_NONE, RR_DATE_NONE};
        *out = none;
        return PARSE_OK;
    }
    /* A whole form that is well shaped but wrong (31-02-2022) is that error; it
     * must not be reinterpreted as a range of its pieces. */
    parse_status status = parse_form(t, n, &f);
    if (status != PARSE_ERR_FORM && f.has_year)
        return status != PARSE_OK ? status : resolve(&f, f.year, out);
    return parse_range(t, n, out);
}

/* Parses tokens (no checkmark) as a single date. */
static parse_status parse_date_tokens(const token *t, int n, rr_date *out)
{
    form f;
    period p;
    parse_status status = parse_form(t, n, &f);

    if (status == PARSE_ERR_FORM || !f.is_day || !f.has_year)
        return PARSE_ERR_FORM;
    if (status == PARSE_OK)
        status = resolve(&f, f.year, &p);
    if (status == PARSE_OK)
        *out = p.first;
    return status;
}

/* Whether the text opens with an OCR'd checkmark ("V", "v", "✓", "✔") and a space. */
static bool starts_with_checkmark(const token_list *list)
{
    const token *t = list->tok;
    return list->count >= 2 && (t[0].kind == TOK_CHECK || is_word(&t[0], "v")) && t[1].spaced;
}

/* ------------------------------------------------------------------------- */
/* Public parsers                                                             */
/* ------------------------------------------------------------------------- */

/* What date_parse and period_parse share: the text to tokens, a leading checkmark
 * named as such, and *out (a period, or an rr_date when !want_period) written only
 * on success. */
static parse_status parse_text(const char *text, bool want_period, void *out)
{
    token_list list;
    union {
        period p;
        rr_date d;
    } result;
    int skip = 0;

    if (!tokenize(text, &list))
        return PARSE_ERR_FORM;
    if (starts_with_checkmark(&list))
        skip = 1;
    parse_status status = want_period
                              ? parse_period_tokens(list.tok + skip, list.count - skip, &result.p)
                              : parse_date_tokens(list.tok + skip, list.count - skip, &result.d);
    if (skip)
        return status == PARSE_OK ? PARSE_ERR_CHECKMARK : PARSE_ERR_FORM;
    if (status == PARSE_OK && want_period)
        *(period *)out = result.p;
    else if (status == PARSE_OK)
        *(rr_date *)out = result.d;
    return status;
}

parse_status date_parse(const char *text, rr_date *out)
{
    return parse_text(text, false, out);
}

parse_status period_parse(const char *text, period *out)
{
    return parse_text(text, true, out);
}
