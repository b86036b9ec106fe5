/* test_money.c - euro amounts: accepted notations, rejections, formatting. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fuzz/money_digits.h"
#include "load/money.h"
#include "suites.h"
#include "testutil.h"

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A value no parse produces, to see that failures leave *cents alone. */
#define UNTOUCHED INT64_C(-4242)

typedef struct {
    const char *text;
    bool ok;
    int64_t cents;
} money_case;

#define YES(cents) true, INT64_C(cents)
#define NO false, UNTOUCHED

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
/* Amounts                                                                    */
/* ------------------------------------------------------------------------- */

static const money_case amount_cases[] = {
    /* The notations man/regiorapport-data.5 shows. */
    {"\xE2\x82\xAC 3.000", YES(300000)},
    {"3000", YES(300000)},
    {"\xE2\x82\xAC 3.200,00", YES(320000)},
    {"\xE2\x82\xAC" "15.280", YES(1528000)},
    {"2500.50", YES(250050)},
    {"\xE2\x82\xAC 3.000,-", YES(300000)},
    /* More notations. */
    {"\xE2\x82\xAC 3.000,--", YES(300000)},
    {"3,-", YES(300)},
    {"1.234,56", YES(123456)},
    {"1.234.567", YES(123456700)},
    {"3,5", YES(350)},
    {"12,50", YES(1250)},
    {"0,05", YES(5)},
    {"0", YES(0)},
    {"\xE2\x82\xAC 0", YES(0)},
    {"250.50", YES(25050)},
    {"EUR 3000", YES(300000)},
    {"eur 3000", YES(300000)},
    {"EUR3000", YES(300000)},
    {"euro 3.000", YES(300000)},
    {"Euro 12,50", YES(1250)},
    {"  \xE2\x82\xAC 3.000  ", YES(300000)},
    {"\xE2\x82\xAC\xC2\xA0" "3.000", YES(300000)},
    {"\xE2\x82\xAC   3.000", YES(300000)},
    {"1000000000000", YES(100000000000000)},
    {"1.000.000.000.000,00", YES(100000000000000)},
    /* Rejections. */
    {"1000000000000,01", NO},
    {"1000000000001", NO},
    {"99999999999999999999", NO},
    {"-5", NO},
    {"\xE2\x82\xAC -5", NO},
    {"- 5", NO},
    {"+5", NO},
    {"5-", NO},
    {"nan", NO},
    {"NaN", NO},
    {"inf", NO},
    {"infinity", NO},
    {"0x1A", NO},
    {"1e5", NO},
    {"1E5", NO},
    {"", NO},
    {"   ", NO},
    {"\xE2\x82\xAC", NO},
    {"EUR", NO},
    {"3.5", NO},
    {"3.", NO},
    {"3,", NO},
    {".50", NO},
    {",50", NO},
    {"3,505", NO},
    {"1,234.56", NO},
    {"1.234.56", NO},
    {"3.500.5", NO},
    {"1.2345", NO},
    {"12.34.567", NO},
    {"1234.567", NO},
    {"3 000", YES(300000)},
    /* Thousands grouped by spaces, as a spreadsheet formats them: the whole amount. */
    {"\xE2\x82\xAC 1 500 000", YES(150000000)},
    {"\xE2\x82\xAC\xC2\xA0" "1\xC2\xA0" "500\xC2\xA0" "000", YES(150000000)},
    {"1\xE2\x80\xAF" "500", YES(150000)},
    {"3 000,50", YES(300050)},
    {"1 000 000 000 000", YES(100000000000000)},
    {"1 000 000 000 001", NO},
    {"12 50", NO},
    {"1500 000", NO},
    {"1 5000", NO},
    {"1.500 000", NO},
    {"1 500.000", NO},
    {"1 500.50", NO},
    {"0 500", NO},
    {"3  000", NO},
    {"3.0000", NO},
    {"0.050", NO},
    {"007", NO},
    {"3000 euro", NO},
    {"3000\xE2\x82\xAC", NO},
    {"\xE2\x82\xAC\xE2\x82\xAC 5", NO},
    {"\xE2\x82\xAC 3.000,-x", NO},
    {"3.000,-,-", NO},
    {"P.M.", NO},
    {"3000\xFF", NO},
    {"\xE2\x82", NO},
};

START_TEST(test_amounts)
{
    const money_case *c = &amount_cases[_i];
    char *text = exact_copy(c->text);
    int64_t cents = UNTOUCHED;

    ck_assert_msg(money_parse_amount(text, &cents) == c->ok, "'%s'", c->text);
    ck_assert_msg(cents == c->cents, "'%s': %lld cents", c->text, (long long)cents);
    free(text);
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Budget cells                                                               */
/* ------------------------------------------------------------------------- */

static const money_case budget_cases[] = {
    /* A cell that is only an amount. */
    {"\xE2\x82\xAC 3.000", YES(300000)},
    {"3000", YES(300000)},
    {"2500.50", YES(250050)},
    {"EUR 3000", YES(300000)},
    /* One amount written with a euro sign inside text. */
    {"Jaarlijks \xE2\x82\xAC 5.000 (vrijgesteld van BTW)", YES(500000)},
    {"\xE2\x82\xAC 100,00 per jaar", YES(10000)},
    {"ca. \xE2\x82\xAC" "2.500 per jaar", YES(250000)},
    {"Budget: \xE2\x82\xAC 3.000,-.", YES(300000)},
    {"kosten \xE2\x82\xAC 5.000.", YES(500000)},
    {"kosten \xE2\x82\xAC 5.000, te verdelen", YES(500000)},
    {"(\xE2\x82\xAC 1.234,56)", YES(123456)},
    {"\xE2\x82\xAC 5000/jaar", YES(500000)},
    {"\xE2\x82\xAC\xC2\xA0" "750 p.j.", YES(75000)},
    {"\xE2\x82\xAC 5.000 tot 2025", YES(500000)},
    {"2 x \xE2\x82\xAC 500", YES(50000)},
    {"Onderhoud - \xE2\x82\xAC 500 per jaar", YES(50000)},
    /* Space-grouped thousands: the whole amount, never its first group. */
    {"\xE2\x82\xAC 12 500 per jaar", YES(1250000)},
    {"Jaarlijks \xE2\x82\xAC 12\xC2\xA0" "500 (BTW vrij)", YES(1250000)},
    {"\xE2\x82\xAC 1 500 000 voor vier jaar", YES(150000000)},
    {"\xE2\x82\xAC 100 per 1 000 deelnemers", YES(10000)},
    /* A number split by a space that is no group: no amount, never a wrong one. */
    {"\xE2\x82\xAC 12 50 per jaar", NO},
    {"\xE2\x82\xAC 1500 000", NO},
    {"\xE2\x82\xAC 5.000 2022", NO},
    {"\xE2\x82\xAC 1 5000 totaal", NO},
    /* Anything else stays text. */
    {"P.M.", NO},
    {"binnen budget VT", NO},
    {"20 uur", NO},
    {"EUR 5.000 per jaar", NO},
    {"5.000 euro per jaar", NO},
    {"\xE2\x82\xAC 5.000 en \xE2\x82\xAC 3.000", NO},
    {"\xE2\x82\xAC\xE2\x82\xAC 5", NO},
    {"\xE2\x82\xAC 5.000 - 10.000", NO},
    {"\xE2\x82\xAC 5.000-10.000", NO},
    {"\xE2\x82\xAC 5.000 \xE2\x80\x93 10.000", NO},
    {"\xE2\x82\xAC 1,5 mln", NO},
    {"\xE2\x82\xAC 2 miljoen", NO},
    {"\xE2\x82\xAC 5000k", NO},
    {"\xE2\x82\xAC 5 k", NO},
    {"\xE2\x82\xAC 1.234.56 per jaar", NO},
    {"\xE2\x82\xAC 3,505 totaal", NO},
    {"korting -\xE2\x82\xAC 500", NO},
    {"\xE2\x82\xAC per jaar", NO},
    {"\xE2\x82\xAC nan", NO},
    {"\xE2\x82\xAC 0x1A", NO},
    {"\xE2\x82\xAC 1e5", NO},
    {"\xE2\x82\xAC 99999999999999999", NO},
    {"", NO},
    {"\xE2\x82\xAC", NO},
    {"tekst \xE2\x82\xAC", NO},
};

static void check_invariants(const char *text);

START_TEST(test_budgets)
{
    const money_case *c = &budget_cases[_i];
    char *text = exact_copy(c->text);
    int64_t cents = UNTOUCHED;

    ck_assert_msg(money_parse_budget(text, &cents) == c->ok, "'%s'", c->text);
    ck_assert_msg(cents == c->cents, "'%s': %lld cents", c->text, (long long)cents);
    check_invariants(c->text);
    free(text);
}
END_TEST

/* A budget that looks like an amount split by a space, and only that, asks for a
 * warning (money_budget_split_number). */
START_TEST(test_split_numbers)
{
    static const struct {
        const char *text;
        bool split;
    } split_cases[] = {
        {"\xE2\x82\xAC 12 50 per jaar", true},
        {"\xE2\x82\xAC 1500 000", true},
        {"\xE2\x82\xAC 5.000 2022", true},
        {"\xE2\x82\xAC 12 500 per jaar", false},
        {"\xE2\x82\xAC 5.000 - 10.000", false},
        {"\xE2\x82\xAC 5.000 en \xE2\x82\xAC 3.000", false},
        {"P.M.", false},
        {"12 50", false},
    };
    for (size_t i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++)
        ck_assert_msg(money_budget_split_number(split_cases[i].text) == split_cases[i].split,
                      "'%s'", split_cases[i].text);
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Formatting                                                                 */
/* ------------------------------------------------------------------------- */

static const struct {
    int64_t cents;
    const char *text;
} format_cases[] = {
    {INT64_C(300000), "\xE2\x82\xAC 3.000"},
    {INT64_C(320050), "\xE2\x82\xAC 3.200,50"},
    {INT64_C(0), "\xE2\x82\xAC 0"},
    {INT64_C(5), "\xE2\x82\xAC 0,05"},
    {INT64_C(350), "\xE2\x82\xAC 3,50"},
    {INT64_C(100), "\xE2\x82\xAC 1"},
    {INT64_C(99999), "\xE2\x82\xAC 999,99"},
    {INT64_C(100000), "\xE2\x82\xAC 1.000"},
    {INT64_C(123456700), "\xE2\x82\xAC 1.234.567"},
    {MONEY_MAX_CENTS, "\xE2\x82\xAC 1.000.000.000.000"},
    {INT64_C(-150), "\xE2\x82\xAC -1,50"},
    {INT64_MAX, "\xE2\x82\xAC 92.233.720.368.547.758,07"},
    {INT64_MIN, "\xE2\x82\xAC -92.233.720.368.547.758,08"},
};

START_TEST(test_format)
{
    char buf[32];
    memset(buf, 'x', sizeof buf);
    money_format_nl(format_cases[_i].cents, buf, sizeof buf);
    ck_assert_str_eq(buf, format_cases[_i].text);
}
END_TEST

START_TEST(test_format_small_buffer)
{
    char buf[8];
    money_format_nl(320050, buf, 7);
    ck_assert_str_eq(buf, "\xE2\x82\xAC 3.");
    buf[0] = 'x';
    money_format_nl(320050, buf, 0);
    ck_assert_int_eq(buf[0], 'x');
}
END_TEST

START_TEST(test_format_parses_back)
{
    /* Every cent below 1000 euro, then ever larger steps up to the maximum. */
    for (int64_t cents = 0; cents <= MONEY_MAX_CENTS; cents += cents < 100000 ? 1 : cents / 997) {
        char buf[32];
        int64_t back = UNTOUCHED;
        money_format_nl(cents, buf, sizeof buf);
        ck_assert_msg(money_parse_amount(buf, &back) && back == cents, "'%s'", buf);
    }
}
END_TEST

/* ------------------------------------------------------------------------- */
/* Hostile input                                                              */
/* ------------------------------------------------------------------------- */

enum { LONG_SIZE = 100 * 1024 };

static const struct {
    const char *head;
    const char *piece;
    const char *tail;
    bool amount, budget;
} long_cases[] = {
    {"", "9", "", false, false},
    {"1", ".000", "", false, false},
    {"", " ", "3000", true, true},
    {"", "\xE2\x82\xAC", "", false, false},
    {"", "x", "\xE2\x82\xAC 5.000", false, true},
    {"\xE2\x82\xAC 5.000 ", "x", "", false, true},
    {"\xE2\x82\xAC ", "0", "", false, false},
    {"", "\xFF", "", false, false},
};

/* A heap string of head, pieces up to LONG_SIZE bytes, and tail. */
static char *long_text(const char *head, const char *piece, const char *tail)
{
    size_t h = strlen(head), p = strlen(piece), t = strlen(tail), len = h;
    char *s = malloc(h + LONG_SIZE + t + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, head, h);
    for (; len + p <= h + LONG_SIZE; len += p)
        memcpy(s + len, piece, p);
    memcpy(s + len, tail, t + 1);
    return s;
}

START_TEST(test_long_input)
{
    char *text = long_text(long_cases[_i].head, long_cases[_i].piece, long_cases[_i].tail);
    int64_t cents;
    ck_assert(money_parse_amount(text, &cents) == long_cases[_i].amount);
    ck_assert(money_parse_budget(text, &cents) == long_cases[_i].budget);
    free(text);
}
END_TEST

/* Checks what must hold for any parse, whatever the input. */
static void check_invariants(const char *text)
{
    char *copy = exact_copy(text);
    int64_t amount = UNTOUCHED, budget = UNTOUCHED;
    bool is_amount = money_parse_amount(copy, &amount);
    bool is_budget = money_parse_budget(copy, &budget);

    ck_assert(is_amount ? amount >= 0 && amount <= MONEY_MAX_CENTS : amount == UNTOUCHED);
    ck_assert(is_budget ? budget >= 0 && budget <= MONEY_MAX_CENTS : budget == UNTOUCHED);
    /* Every amount is also a budget, with the same value. */
    ck_assert(!is_amount || (is_budget && budget == amount));
    /* A parsed amount is made of the text's digits, in order. */
    ck_assert_msg(!is_budget || money_digits_in_order(copy, budget), "'%s': %lld", text,
                  (long long)budget);
    free(copy);
}

START_TEST(test_every_byte)
{
    for (int c = 1; c < 256; c++) {
        char text[32];
        snprintf(text, sizeof text, "%c", c);
        check_invariants(text);
        snprintf(text, sizeof text, "3%c000", c);
        check_invariants(text);
        snprintf(text, sizeof text, "\xE2\x82\xAC 5.000%c", c);
        check_invariants(text);
        snprintf(text, sizeof text, "%c\xE2\x82\xAC 5", c);
        check_invariants(text);
    }
}
END_TEST

START_TEST(test_random_fragments)
{
    static const char *const pieces[] = {
        "1", "0", "23", "456", ".", ",", "-", " ", "\xE2\x82\xAC", "EUR", "euro", "e", "x",
        "nan", "mln", "\xC2\xA0", "\xE2", "\x82", "9999999999", " 500", "\xE2\x80\xAF",
    };
    tu_random_texts(pieces, COUNT_OF(pieces), 54321, 100000, check_invariants);
}
END_TEST

Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *parse = tcase_create("parse");
    TCase *format = tcase_create("format");
    TCase *hostile = tcase_create("hostile");

    tcase_add_loop_test(parse, test_amounts, 0, COUNT_OF(amount_cases));
    tcase_add_loop_test(parse, test_budgets, 0, COUNT_OF(budget_cases));
    tcase_add_test(parse, test_split_numbers);
    suite_add_tcase(s, parse);

    tcase_add_loop_test(format, test_format, 0, COUNT_OF(format_cases));
    tcase_add_test(format, test_format_small_buffer);
    tcase_add_test(format, test_format_parses_back);
    suite_add_tcase(s, format);

    tcase_add_loop_test(hostile, test_long_input, 0, COUNT_OF(long_cases));
    tcase_add_test(hostile, test_every_byte);
    tcase_add_test(hostile, test_random_fragments);
    tcase_set_timeout(hostile, 60);
    suite_add_tcase(s, hostile);
    return s;
}
