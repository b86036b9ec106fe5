/* test_period.c - dates and periods: every accepted form, every rejection. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/period.h"
#include "suites.h"
#include "testutil.h"

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

typedef struct {
    int y, m, d;
} ymd;

/* The day number of a calendar day that is known to exist. */
static rr_date day_of(ymd v)
{
    return date_from_ymd(v.y, v.m, v.d);
}

/* A heap copy of exactly strlen(text) + 1 bytes, so that ASan catches any read
 * past the terminating NUL. */
static char *exact_copy(const char *text)
{
    size_t size = strlen(text) + 1;
    char *copy = malloc(size);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, size);
    return copy;
}

/* ------------------------------------------------------------------------- */
/* Calendar                                                                   */
/* ------------------------------------------------------------------------- */

START_TEST(test_round_trip_every_day)
{
    rr_date expected = date_from_ymd(1900, 1, 1);
    ck_assert_int_eq(expected, -25567);
    for (int y = RR_YEAR_MIN; y <= RR_YEAR_MAX; y++) {
        for (int m = 1; m <= 12; m++) {
            for (int d = 1; d <= date_days_in_month(y, m); d++) {
                int yy, mm, dd;
                rr_date date = date_from_ymd(y, m, d);
                ck_assert_int_eq(date, expected);
                date_to_ymd(date, &yy, &mm, &dd);
                ck_assert(yy == y && mm == m && dd == d);
                expected++;
            }
        }
    }
    ck_assert_int_eq(date_from_ymd(2199, 12, 31), 84005);
}
END_TEST

static const struct {
    ymd day;
    rr_date number;
} known_days[] = {
    {{1970, 1, 1}, 0},      {{1969, 12, 31}, -1},  {{2000, 2, 29}, 11016},
    {{2000, 3, 1}, 11017},  {{2022, 2, 14}, 19037}, {{2024, 2, 29}, 19782},
    {{1900, 3, 1}, -25508}, {{2199, 12, 31}, 84005},
};

START_TEST(test_known_day_numbers)
{
    ck_assert_int_eq(day_of(known_days[_i].day), known_days[_i].number);
}
END_TEST

static const struct {
    int year, month, days;
} month_lengths[] = {
    {2000, 2, 29}, {1900, 2, 28}, {2024, 2, 29}, {2023, 2, 28}, {2100, 2, 28},
    {2022, 1, 31}, {2022, 4, 30}, {2022, 12, 31}, {2022, 0, 0},  {2022, 13, 0},
    {2022, -1, 0},
};

START_TEST(test_days_in_month)
{
    ck_assert_int_eq(date_days_in_month(month_lengths[_i].year, month_lengths[_i].month),
                     month_lengths[_i].days);
}
END_TEST

static const ymd impossible_days[] = {
    {2023, 2, 29}, {1900, 2, 29}, {2100, 2, 29}, {2022, 4, 31}, {2022, 0, 1},
    {2022, 13, 1}, {2022, 1, 0},  {2022, 1, 32}, {1899, 12, 31}, {2200, 1, 1},
    {-5, 1, 1},    {2022, -3, 5},
};

START_TEST(test_impossible_days)
{
    ck_assert_int_eq(day_of(impossible_days[_i]), RR_DATE_NONE);
}
END_TEST

START_TEST(test_to_ymd_extremes_are_safe)
{
    int y, m, d;
    date_to_ymd(INT32_MAX, &y, &m, &d);
    ck_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    date_to_ymd(INT32_MIN + 1, &y, &m, &d);
    ck_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
}
END_TEST

START_TEST(test_format)
{
    char buf[32];
    date_format_iso(19037, buf, sizeof buf);
    ck_assert_str_eq(buf, "2022-02-14");
    date_format_nl(19037, buf, sizeof buf);
    ck_assert_str_eq(buf, "14-02-2022");
    date_format_nl(date_from_ymd(1900, 1, 1), buf, sizeof buf);
    ck_assert_str_eq(buf, "01-01-1900");
    date_format_iso(RR_DATE_NONE, buf, sizeof buf);
    ck_assert_str_eq(buf, "");
    date_format_nl(RR_DATE_NONE, buf, sizeof buf);
    ck_assert_str_eq(buf, "");
    date_format_iso(19037, buf, 5);
    ck_assert_str_eq(buf, "2022");
    buf[0] = 'x';
    date_format_iso(19037, buf, 0);
    ck_assert_int_eq(buf[0], 'x');
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Periods                                                                    */
/* ------------------------------------------------------------------------- */

#define SPAN(y1, m1, d1, y2, m2, d2) PARSE_OK, PERIOD_SPAN, {y1, m1, d1}, {y2, m2, d2}
#define DAY(y, m, d) SPAN(y, m, d, y, m, d)
#define FAILS(status) status, PERIOD_UNKNOWN, {0, 0, 0}, {0, 0, 0}
#define KIND(kind) PARSE_OK, kind, {0, 0, 0}, {0, 0, 0}

typedef struct {
    const char *text;
    parse_status status;
    period_kind kind;
    ymd first, last;
} period_case;

static const period_case period_cases[] = {
    /* Dates in every form. */
    {"2022-02-14", DAY(2022, 2, 14)},
    {"14-02-2022", DAY(2022, 2, 14)},
    {"14-2-2022", DAY(2022, 2, 14)},
    {"4-2-2022", DAY(2022, 2, 4)},
    {"14/02/2022", DAY(2022, 2, 14)},
    {"14/2/2022", DAY(2022, 2, 14)},
    {"14.02.2022", DAY(2022, 2, 14)},
    {"14.02.2022 - 28.02.2022", SPAN(2022, 2, 14, 2022, 2, 28)},
    {"14 februari 2022", DAY(2022, 2, 14)},
    {"14 feb 2022", DAY(2022, 2, 14)},
    {"14 feb. 2022", DAY(2022, 2, 14)},
    {"14 Feb. 2022", DAY(2022, 2, 14)},
    {"14 FEBRUARI 2022", DAY(2022, 2, 14)},
    {"1 jan 2023", DAY(2023, 1, 1)},
    {"29-02-2024", DAY(2024, 2, 29)},
    {"29 feb 2000", DAY(2000, 2, 29)},
    {"1-1-1900", DAY(1900, 1, 1)},
    {"31 december 2199", DAY(2199, 12, 31)},
    /* Months, years, quarters, halves. */
    {"2022-02", SPAN(2022, 2, 1, 2022, 2, 28)},
    {"2024-02", SPAN(2024, 2, 1, 2024, 2, 29)},
    {"2000-02", SPAN(2000, 2, 1, 2000, 2, 29)},
    {"1900-02", SPAN(1900, 2, 1, 1900, 2, 28)},
    {"2022-12", SPAN(2022, 12, 1, 2022, 12, 31)},
    {"februari 2022", SPAN(2022, 2, 1, 2022, 2, 28)},
    {"feb. 2022", SPAN(2022, 2, 1, 2022, 2, 28)},
    {"feb.2022", SPAN(2022, 2, 1, 2022, 2, 28)},
    {"Sept. 2021", SPAN(2021, 9, 1, 2021, 9, 30)},
    {"2022", SPAN(2022, 1, 1, 2022, 12, 31)},
    {"1900", SPAN(1900, 1, 1, 1900, 12, 31)},
    {"2199", SPAN(2199, 1, 1, 2199, 12, 31)},
    {"Q1 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"q1 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"Q2 2023", SPAN(2023, 4, 1, 2023, 6, 30)},
    {"Q3 2023", SPAN(2023, 7, 1, 2023, 9, 30)},
    {"Q4 2023", SPAN(2023, 10, 1, 2023, 12, 31)},
    {"2023-Q1", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"2023-q4", SPAN(2023, 10, 1, 2023, 12, 31)},
    {"eerste kwartaal 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"tweede kwartaal 2023", SPAN(2023, 4, 1, 2023, 6, 30)},
    {"derde kwartaal 2023", SPAN(2023, 7, 1, 2023, 9, 30)},
    {"Vierde Kwartaal 2023", SPAN(2023, 10, 1, 2023, 12, 31)},
    {"1e kwartaal 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"2e kwartaal 2023", SPAN(2023, 4, 1, 2023, 6, 30)},
    {"3e kwartaal 2023", SPAN(2023, 7, 1, 2023, 9, 30)},
    {"4e kwartaal 2023", SPAN(2023, 10, 1, 2023, 12, 31)},
    {"H1 2022", SPAN(2022, 1, 1, 2022, 6, 30)},
    {"H2 2022", SPAN(2022, 7, 1, 2022, 12, 31)},
    {"eerste helft 2022", SPAN(2022, 1, 1, 2022, 6, 30)},
    {"tweede helft 2022", SPAN(2022, 7, 1, 2022, 12, 31)},
    {"1e helft 2022", SPAN(2022, 1, 1, 2022, 6, 30)},
    {"2e helft 2022", SPAN(2022, 7, 1, 2022, 12, 31)},
    /* Parts of a year and seasons. */
    {"begin 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"Begin 2023", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"medio 2023", SPAN(2023, 6, 1, 2023, 7, 31)},
    {"eind 2021", SPAN(2021, 10, 1, 2021, 12, 31)},
    {"voorjaar 2022", SPAN(2022, 3, 1, 2022, 5, 31)},
    {"lente 2022", SPAN(2022, 3, 1, 2022, 5, 31)},
    {"zomer 2022", SPAN(2022, 6, 1, 2022, 8, 31)},
    {"najaar 2022", SPAN(2022, 9, 1, 2022, 11, 30)},
    {"herfst 2022", SPAN(2022, 9, 1, 2022, 11, 30)},
    /* Ranges. */
    {"maart/april 2022", SPAN(2022, 3, 1, 2022, 4, 30)},
    {"maart / april 2022", SPAN(2022, 3, 1, 2022, 4, 30)},
    {"sept 2021 - jan 2022", SPAN(2021, 9, 1, 2022, 1, 31)},
    {"sept 2021-jan 2022", SPAN(2021, 9, 1, 2022, 1, 31)},
    {"eind 2022 - begin 2023", SPAN(2022, 10, 1, 2023, 3, 31)},
    {"2022-2025", SPAN(2022, 1, 1, 2025, 12, 31)},
    {"2022 - 2025", SPAN(2022, 1, 1, 2025, 12, 31)},
    {"2022/2023", SPAN(2022, 1, 1, 2023, 12, 31)},
    {"2022 \xE2\x80\x93 2023", SPAN(2022, 1, 1, 2023, 12, 31)},
    {"2022\xE2\x80\x94" "2023", SPAN(2022, 1, 1, 2023, 12, 31)},
    {"2019 t/m 2022", SPAN(2019, 1, 1, 2022, 12, 31)},
    {"2019 T/M 2022", SPAN(2019, 1, 1, 2022, 12, 31)},
    {"2019 tot en met 2022", SPAN(2019, 1, 1, 2022, 12, 31)},
    {"2019 tot 2022", SPAN(2019, 1, 1, 2022, 12, 31)},
    {"mei tot juli 2022", SPAN(2022, 5, 1, 2022, 7, 31)},
    {"feb-mrt 2022", SPAN(2022, 2, 1, 2022, 3, 31)},
    {"jan 2022 - 2023", SPAN(2022, 1, 1, 2023, 12, 31)},
    {"2022 - 2022", SPAN(2022, 1, 1, 2022, 12, 31)},
    {"14-02-2022 - 28-02-2022", SPAN(2022, 2, 14, 2022, 2, 28)},
    {"2022-02-14/2022-03-01", SPAN(2022, 2, 14, 2022, 3, 1)},
    {"2022-02 - 2022-06", SPAN(2022, 2, 1, 2022, 6, 30)},
    {"Q1 - Q3 2023", SPAN(2023, 1, 1, 2023, 9, 30)},
    {"voorjaar - najaar 2022", SPAN(2022, 3, 1, 2022, 11, 30)},
    {"eerste kwartaal t/m tweede helft 2023", SPAN(2023, 1, 1, 2023, 12, 31)},
    {"14 feb. - 3 mrt. 2022", SPAN(2022, 2, 14, 2022, 3, 3)},
    {"14-02-2022/28-02-2022", SPAN(2022, 2, 14, 2022, 2, 28)},
    {"Q1 2023 - Q2 2023", SPAN(2023, 1, 1, 2023, 6, 30)},
    {"2022-02-14 - 2022", SPAN(2022, 2, 14, 2022, 12, 31)},
    /* Well formed "month - year", however odd it looks. */
    {"2022-02-2023", SPAN(2022, 2, 1, 2023, 12, 31)},
    /* The first part without a year takes the second's, or the year before. */
    {"november - januari 2023", SPAN(2022, 11, 1, 2023, 1, 31)},
    {"nov/jan 2023", SPAN(2022, 11, 1, 2023, 1, 31)},
    {"1 dec - 15 jan 2023", SPAN(2022, 12, 1, 2023, 1, 15)},
    {"15 jan - 10 jan 2023", SPAN(2022, 1, 15, 2023, 1, 10)},
    {"10 jan - 15 jan 2023", SPAN(2023, 1, 10, 2023, 1, 15)},
    {"mrt - mrt 2023", SPAN(2023, 3, 1, 2023, 3, 31)},
    {"najaar - voorjaar 2023", SPAN(2022, 9, 1, 2023, 5, 31)},
    {"29 feb - 3 mrt 2024", SPAN(2024, 2, 29, 2024, 3, 3)},
    {"januari - maart 1900", SPAN(1900, 1, 1, 1900, 3, 31)},
    /* White space. */
    {"  2022  ", SPAN(2022, 1, 1, 2022, 12, 31)},
    {"\t Q1   2023 \n", SPAN(2023, 1, 1, 2023, 3, 31)},
    {"14\xC2\xA0" "feb\xC2\xA0\xC2\xA0" "2022", DAY(2022, 2, 14)},
    {"\xC2\xA0" "2022\xC2\xA0", SPAN(2022, 1, 1, 2022, 12, 31)},
    /* No deadline. */
    {"doorlopend", KIND(PERIOD_RECURRING)},
    {"Doorlopend", KIND(PERIOD_RECURRING)},
    {" JAARLIJKS ", KIND(PERIOD_RECURRING)},
    {"blijvend", KIND(PERIOD_RECURRING)},
    {"terugkerend", KIND(PERIOD_RECURRING)},
    {"ongoing", KIND(PERIOD_RECURRING)},
    {"annually", KIND(PERIOD_RECURRING)},
    {"Recurring", KIND(PERIOD_RECURRING)},
    {"", KIND(PERIOD_UNKNOWN)},
    {"   ", KIND(PERIOD_UNKNOWN)},
    {"\t\r\n", KIND(PERIOD_UNKNOWN)},
    {"\xC2\xA0", KIND(PERIOD_UNKNOWN)},
    /* Days that do not exist. */
    {"31-02-2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"29-02-2023", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"29 feb 1900", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"00-01-2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"14-13-2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"14-00-2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"2022-02-30", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"2022-13", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"2022-00", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"32 jan 2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"0 jan 2022", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"29 feb - 3 mrt 2023", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    {"31-02-2022 - 2023", FAILS(PARSE_ERR_NO_SUCH_DAY)},
    /* Years out of range. */
    {"99999", FAILS(PARSE_ERR_YEAR)},
    {"1800", FAILS(PARSE_ERR_YEAR)},
    {"1899", FAILS(PARSE_ERR_YEAR)},
    {"2200", FAILS(PARSE_ERR_YEAR)},
    {"202", FAILS(PARSE_ERR_YEAR)},
    {"14-02-1800", FAILS(PARSE_ERR_YEAR)},
    {"99999-02-14", FAILS(PARSE_ERR_YEAR)},
    {"14 feb 99999", FAILS(PARSE_ERR_YEAR)},
    {"Q1 1800", FAILS(PARSE_ERR_YEAR)},
    {"99999999999999999999", FAILS(PARSE_ERR_YEAR)},
    {"14-02-99999999999999999999", FAILS(PARSE_ERR_YEAR)},
    {"2022-99999", FAILS(PARSE_ERR_YEAR)},
    {"november - januari 1900", FAILS(PARSE_ERR_YEAR)},
    /* Not a form. */
    {"14-02-22", FAILS(PARSE_ERR_FORM)},
    {"feb 22", FAILS(PARSE_ERR_FORM)},
    {"q1 23", FAILS(PARSE_ERR_FORM)},
    {"Q5 2023", FAILS(PARSE_ERR_FORM)},
    {"Q0 2023", FAILS(PARSE_ERR_FORM)},
    {"H3 2022", FAILS(PARSE_ERR_FORM)},
    {"derde helft 2022", FAILS(PARSE_ERR_FORM)},
    {"vijfde kwartaal 2023", FAILS(PARSE_ERR_FORM)},
    {"ergens 2022", FAILS(PARSE_ERR_FORM)},
    {"winter 2022", FAILS(PARSE_ERR_FORM)},
    {"2022 en 2023", FAILS(PARSE_ERR_FORM)},
    {"maart", FAILS(PARSE_ERR_FORM)},
    {"Q1", FAILS(PARSE_ERR_FORM)},
    {"mrt-2022", FAILS(PARSE_ERR_FORM)},
    {"Q1-2023", FAILS(PARSE_ERR_FORM)},
    {"maart - 2022", FAILS(PARSE_ERR_FORM)},
    {"2022-2-14", FAILS(PARSE_ERR_FORM)},
    {"14 - 02 - 2022", FAILS(PARSE_ERR_FORM)},
    {"14-02/2022", FAILS(PARSE_ERR_FORM)},
    {"2022 - 02", FAILS(PARSE_ERR_FORM)},
    {"2022/02", FAILS(PARSE_ERR_FORM)},
    {"2022 - maart", FAILS(PARSE_ERR_FORM)},
    {"maart 2022 -", FAILS(PARSE_ERR_FORM)},
    {"- 2022", FAILS(PARSE_ERR_FORM)},
    {"2022--2023", FAILS(PARSE_ERR_FORM)},
    {"2022 - 2023 - 2024", FAILS(PARSE_ERR_FORM)},
    {"tot 2022", FAILS(PARSE_ERR_FORM)},
    {"2022 tot en 2023", FAILS(PARSE_ERR_FORM)},
    {"14 feb 2022 14 feb 2022", FAILS(PARSE_ERR_FORM)},
    {"14feb2022", FAILS(PARSE_ERR_FORM)},
    {"14e feb 2022", FAILS(PARSE_ERR_FORM)},
    {"2022?", FAILS(PARSE_ERR_FORM)},
    {"2022,", FAILS(PARSE_ERR_FORM)},
    {"doorlopend 2022", FAILS(PARSE_ERR_FORM)},
    {"doorlopend - 2022", FAILS(PARSE_ERR_FORM)},
    {"V", FAILS(PARSE_ERR_FORM)},
    {"V2022", FAILS(PARSE_ERR_FORM)},
    {"\xE2\x9C\x93" "2022", FAILS(PARSE_ERR_FORM)},
    {"v ergens", FAILS(PARSE_ERR_FORM)},
    {"V V 2022", FAILS(PARSE_ERR_FORM)},
    {"V 31-02-2022", FAILS(PARSE_ERR_FORM)},
    {"2022 \xE2", FAILS(PARSE_ERR_FORM)},
    {"2022\xE2\x80", FAILS(PARSE_ERR_FORM)},
    {"\xC2", FAILS(PARSE_ERR_FORM)},
    {"\xFF\xFE" "2022", FAILS(PARSE_ERR_FORM)},
    {"2022\x01", FAILS(PARSE_ERR_FORM)},
    {"\xE2\x82\xAC 2022", FAILS(PARSE_ERR_FORM)},
    {"abcdefghijklmnopqrstuvwxyz 2022", FAILS(PARSE_ERR_FORM)},
    {"septemberseptember 2022", FAILS(PARSE_ERR_FORM)},
    /* A second part that ends before the first begins. */
    {"2025-2022", FAILS(PARSE_ERR_REVERSED)},
    {"jan 2023 - dec 2022", FAILS(PARSE_ERR_REVERSED)},
    {"eind 2023 - begin 2023", FAILS(PARSE_ERR_REVERSED)},
    {"14-02-2022 - 13-02-2022", FAILS(PARSE_ERR_REVERSED)},
    /* A checkmark OCR'd in front of a valid period is a status. */
    {"V aug. 2021", FAILS(PARSE_ERR_CHECKMARK)},
    {"v 14 februari 2022", FAILS(PARSE_ERR_CHECKMARK)},
    {"v  2022-02-14", FAILS(PARSE_ERR_CHECKMARK)},
    {"V\xC2\xA0" "2022", FAILS(PARSE_ERR_CHECKMARK)},
    {"\xE2\x9C\x93 2022", FAILS(PARSE_ERR_CHECKMARK)},
    {"\xE2\x9C\x94 Q1 2023", FAILS(PARSE_ERR_CHECKMARK)},
    {"V doorlopend", FAILS(PARSE_ERR_CHECKMARK)},
    {"V sept 2021 - jan 2022", FAILS(PARSE_ERR_CHECKMARK)},
};

/* A period that no parse produces, to see that failures leave *out alone. */
static const period untouched = {PERIOD_RECURRING, 12345, 678};

START_TEST(test_period_forms)
{
    const period_case *c = &period_cases[_i];
    char *text = exact_copy(c->text);
    period p = untouched;
    parse_status status = period_parse(text, &p);

    ck_assert_msg(status == c->status, "'%s': status %d, expected %d", c->text, status, c->status);
    if (c->status != PARSE_OK) {
        ck_assert(p.kind == untouched.kind && p.first == untouched.first && p.last == untouched.last);
    } else if (c->kind == PERIOD_SPAN) {
        char got[2][16], want[2][16];
        date_format_iso(p.first, got[0], sizeof got[0]);
        date_format_iso(p.last, got[1], sizeof got[1]);
        date_format_iso(day_of(c->first), want[0], sizeof want[0]);
        date_format_iso(day_of(c->last), want[1], sizeof want[1]);
        ck_assert_msg(p.kind == PERIOD_SPAN && strcmp(got[0], want[0]) == 0
                          && strcmp(got[1], want[1]) == 0,
                      "'%s': %s..%s, expected %s..%s", c->text, got[0], got[1], want[0], want[1]);
    } else {
        ck_assert_int_eq(p.kind, c->kind);
        ck_assert_int_eq(p.first, RR_DATE_NONE);
        ck_assert_int_eq(p.last, RR_DATE_NONE);
    }
    free(text);
}
END_TEST

static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"januari", 1},  {"jan", 1},      {"january", 1},  {"februari", 2}, {"feb", 2},
    {"february", 2}, {"maart", 3},    {"mrt", 3},      {"mar", 3},      {"march", 3},
    {"april", 4},    {"apr", 4},      {"mei", 5},      {"may", 5},      {"juni", 6},
    {"jun", 6},      {"june", 6},     {"juli", 7},     {"jul", 7},      {"july", 7},
    {"augustus", 8}, {"aug", 8},      {"august", 8},   {"september", 9}, {"sep", 9},
    {"sept", 9},     {"oktober", 10}, {"okt", 10},     {"oct", 10},     {"october", 10},
    {"november", 11}, {"nov", 11},    {"december", 12}, {"dec", 12},
};

/* Upper-cases the ASCII letters of s in place. */
static void to_upper(char *s)
{
    for (; *s != '\0'; s++) {
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
    }
}

START_TEST(test_month_names)
{
    /* Month alone or with a day, abbreviation dot or not, lower or upper case. */
    int m = month_names[_i].month;

    for (int variant = 0; variant < 8; variant++) {
        bool is_day = variant & 1, dotted = variant & 2, upper = variant & 4;
        char text[64];
        period p;
        snprintf(text, sizeof text, "%s%s%s 2023", is_day ? "7 " : "", month_names[_i].name,
                 dotted ? "." : "");
        if (upper)
            to_upper(text);
        ck_assert_msg(period_parse(text, &p) == PARSE_OK, "'%s'", text);
        ck_assert_int_eq(p.first, date_from_ymd(2023, m, is_day ? 7 : 1));
        ck_assert_int_eq(p.last, date_from_ymd(2023, m, is_day ? 7 : date_days_in_month(2023, m)));
    }
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Single dates                                                               */
/* ------------------------------------------------------------------------- */

static const struct {
    const char *text;
    parse_status status;
    ymd day;
} date_cases[] = {
    {"2022-02-14", PARSE_OK, {2022, 2, 14}},
    {"14-02-2022", PARSE_OK, {2022, 2, 14}},
    {"14-2-2022", PARSE_OK, {2022, 2, 14}},
    {"14/02/2022", PARSE_OK, {2022, 2, 14}},
    {"14.02.2022", PARSE_OK, {2022, 2, 14}},
    {"4.2.2022", PARSE_OK, {2022, 2, 4}},
    {"14.02/2022", PARSE_ERR_FORM, {0, 0, 0}},
    {"14.02.22", PARSE_ERR_FORM, {0, 0, 0}},
    {"14 februari 2022", PARSE_OK, {2022, 2, 14}},
    {"14 feb 2022", PARSE_OK, {2022, 2, 14}},
    {"14 feb. 2022", PARSE_OK, {2022, 2, 14}},
    {" 29-02-2000 ", PARSE_OK, {2000, 2, 29}},
    {"31-02-2022", PARSE_ERR_NO_SUCH_DAY, {0, 0, 0}},
    {"29-02-2023", PARSE_ERR_NO_SUCH_DAY, {0, 0, 0}},
    {"00-01-2022", PARSE_ERR_NO_SUCH_DAY, {0, 0, 0}},
    {"01-13-2022", PARSE_ERR_NO_SUCH_DAY, {0, 0, 0}},
    {"14-02-1800", PARSE_ERR_YEAR, {0, 0, 0}},
    {"14-02-99999", PARSE_ERR_YEAR, {0, 0, 0}},
    {"14-02-22", PARSE_ERR_FORM, {0, 0, 0}},
    {"2022-02", PARSE_ERR_FORM, {0, 0, 0}},
    {"2022", PARSE_ERR_FORM, {0, 0, 0}},
    {"Q1 2023", PARSE_ERR_FORM, {0, 0, 0}},
    {"14 feb", PARSE_ERR_FORM, {0, 0, 0}},
    {"", PARSE_ERR_FORM, {0, 0, 0}},
    {"doorlopend", PARSE_ERR_FORM, {0, 0, 0}},
    {"14-02-2022 - 15-02-2022", PARSE_ERR_FORM, {0, 0, 0}},
    {"v 14 februari 2022", PARSE_ERR_CHECKMARK, {0, 0, 0}},
    {"\xE2\x9C\x94 2022-02-14", PARSE_ERR_CHECKMARK, {0, 0, 0}},
    {"V 2022", PARSE_ERR_FORM, {0, 0, 0}},
};

START_TEST(test_date_forms)
{
    char *text = exact_copy(date_cases[_i].text);
    rr_date date = 4242;
    parse_status status = date_parse(text, &date);

    ck_assert_msg(status == date_cases[_i].status, "'%s': status %d", text, status);
    ck_assert_int_eq(date, status == PARSE_OK ? day_of(date_cases[_i].day) : 4242);
    free(text);
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Hostile input                                                              */
/* ------------------------------------------------------------------------- */

enum { LONG_SIZE = 100 * 1024 };

/* A heap string of LONG_SIZE copies of fill between head and tail. */
static char *long_text(const char *head, char fill, const char *tail)
{
    size_t h = strlen(head), t = strlen(tail);
    char *s = malloc(h + LONG_SIZE + t + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, head, h);
    memset(s + h, fill, LONG_SIZE);
    memcpy(s + h + LONG_SIZE, tail, t + 1);
    return s;
}

static const struct {
    const char *head;
    char fill;
    const char *tail;
    parse_status status;
} long_cases[] = {
    {"", 'a', "", PARSE_ERR_FORM},
    {"", '9', "", PARSE_ERR_YEAR},
    {"14-02-", '9', "", PARSE_ERR_YEAR},
    {"", ' ', "2022", PARSE_OK},
    {"2022", ' ', "", PARSE_OK},
    {"", '-', "", PARSE_ERR_FORM},
    {"2022", '/', "2023", PARSE_ERR_FORM},
    {"", '.', "", PARSE_ERR_FORM},
    {"V ", ' ', "2022", PARSE_ERR_CHECKMARK},
    {"", '\x80', "", PARSE_ERR_FORM},
};

START_TEST(test_long_input)
{
    char *text = long_text(long_cases[_i].head, long_cases[_i].fill, long_cases[_i].tail);
    period p;
    rr_date d;
    ck_assert_int_eq(period_parse(text, &p), long_cases[_i].status);
    ck_assert_int_ne(date_parse(text, &d), PARSE_OK);
    free(text);
}
END_TEST

START_TEST(test_many_short_tokens)
{
    /* More tokens than any form: "1 1 1 ..." and "a-a-a-...". */
    char text[4096];
    period p;
    for (size_t i = 0; i + 1 < sizeof text; i++)
        text[i] = (i % 2 == 0) ? '1' : ' ';
    text[sizeof text - 1] = '\0';
    ck_assert_int_eq(period_parse(text, &p), PARSE_ERR_FORM);
    for (size_t i = 0; i + 1 < sizeof text; i++)
        text[i] = (i % 2 == 0) ? 'a' : '-';
    ck_assert_int_eq(period_parse(text, &p), PARSE_ERR_FORM);
}
END_TEST

/* Checks what must hold for any parse, whatever the input. */
static void check_invariants(const char *text)
{
    char *copy = exact_copy(text);
    period p = untouched;
    rr_date d = 4242;
    parse_status status = period_parse(copy, &p);

    ck_assert(status >= PARSE_OK && status <= PARSE_ERR_REVERSED);
    if (status != PARSE_OK)
        ck_assert(p.kind == untouched.kind && p.first == untouched.first);
    else if (p.kind == PERIOD_SPAN)
        ck_assert(p.first != RR_DATE_NONE && p.first <= p.last
                  && p.first >= date_from_ymd(RR_YEAR_MIN, 1, 1)
                  && p.last <= date_from_ymd(RR_YEAR_MAX, 12, 31));
    status = date_parse(copy, &d);
    ck_assert(status >= PARSE_OK && status <= PARSE_ERR_REVERSED && status != PARSE_ERR_REVERSED);
    if (status != PARSE_OK)
        ck_assert_int_eq(d, 4242);
    free(copy);
}

START_TEST(test_every_byte)
{
    for (int c = 1; c < 256; c++) {
        char text[16];
        snprintf(text, sizeof text, "%c", c);
        check_invariants(text);
        snprintf(text, sizeof text, "%c 2022", c);
        check_invariants(text);
        snprintf(text, sizeof text, "2022%c2023", c);
        check_invariants(text);
        snprintf(text, sizeof text, "14%c02%c2022", c, c);
        check_invariants(text);
    }
}
END_TEST

START_TEST(test_random_fragments)
{
    static const char *const pieces[] = {
        "2022", "2023", "14", "02", "1", "99999999999", "-", "/", ".", " ", "feb", "maart",
        "q1", "h2", "1e", "kwartaal", "helft", "tot", "en", "met", "t/m", "begin", "najaar",
        "v", "\xE2\x80\x93", "\xE2\x9C\x93", "\xC2\xA0", "\xE2", "\xC2", "\x80", "doorlopend",
    };
    tu_random_texts(pieces, COUNT_OF(pieces), 12345, 100000, check_invariants);
}
END_TEST

/* Serial day numbers as Excel shows them in a date cell. */
static const struct {
    double serial;
    bool date1904;
    ymd day; /* {0, 0, 0}: no day */
} serials[] = {
    {1, false, {1900, 1, 1}},       {59, false, {1900, 2, 28}},   {60, false, {0, 0, 0}},
    {61, false, {1900, 3, 1}},      {0, false, {0, 0, 0}},        {25569, false, {1970, 1, 1}},
    {44958, false, {2023, 2, 1}},   {44958.99, false, {2023, 2, 1}}, {0, true, {1904, 1, 1}},
    {43496, true, {2023, 2, 1}},    {-1, false, {0, 0, 0}},       {3e7, false, {0, 0, 0}},
};

START_TEST(test_serial_days)
{
    rr_date got = date_from_serial(serials[_i].serial, serials[_i].date1904);
    const ymd *want = &serials[_i].day;
    rr_date expected = want->y ? date_from_ymd(want->y, want->m, want->d)
                                  : RR_DATE_NONE;
    ck_assert_msg(got == expected, "serial %g: %s, expected %s", serials[_i].serial,
                  date_text_iso(got).text, date_text_iso(expected).text);
}
END_TEST

Suite *period_suite(void)
{
    Suite *s = suite_create("period");
    TCase *calendar = tcase_create("calendar");
    TCase *forms = tcase_create("forms");
    TCase *hostile = tcase_create("hostile");

    tcase_add_test(calendar, test_round_trip_every_day);
    tcase_add_loop_test(calendar, test_known_day_numbers, 0, COUNT_OF(known_days));
    tcase_add_loop_test(calendar, test_days_in_month, 0, COUNT_OF(month_lengths));
    tcase_add_loop_test(calendar, test_impossible_days, 0, COUNT_OF(impossible_days));
    tcase_add_test(calendar, test_to_ymd_extremes_are_safe);
    tcase_add_test(calendar, test_format);
    tcase_add_loop_test(calendar, test_serial_days, 0, COUNT_OF(serials));
    suite_add_tcase(s, calendar);

    tcase_add_loop_test(forms, test_period_forms, 0, COUNT_OF(period_cases));
    tcase_add_loop_test(forms, test_month_names, 0, COUNT_OF(month_names));
    tcase_add_loop_test(forms, test_date_forms, 0, COUNT_OF(date_cases));
    suite_add_tcase(s, forms);

    tcase_add_loop_test(hostile, test_long_input, 0, COUNT_OF(long_cases));
    tcase_add_test(hostile, test_many_short_tokens);
    tcase_add_test(hostile, test_every_byte);
    tcase_add_test(hostile, test_random_fragments);
    tcase_set_timeout(hostile, 60);
    suite_add_tcase(s, hostile);
    return s;
}
