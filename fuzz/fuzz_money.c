/*
 * fuzz_money.c - libFuzzer target for the money parsers.
 *
 * Any text must parse without a crash or hang; an accepted amount is within
 * MONEY_MAX_CENTS, is made of the text's own digits in order (money_digits.h), and
 * survives formatting and parsing again unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_texts.h"
#include "money_digits.h"
#include "load/money.h"

static void check_cents(const char *text, int64_t cents)
{
    if (cents > MONEY_MAX_CENTS || cents < -MONEY_MAX_CENTS)
        abort();
    if (!money_digits_in_order(text, cents))
        abort();
    char buf[64];
    money_format_nl(cents, buf, sizeof buf);
    int64_t back = INT64_MIN;
    if (!money_parse_amount(buf, &back) || back != cents)
        abort();
}

/* One text: NUL-terminated, as every cell reaches the parser. */
static void check_text(const char *text)
{
    int64_t cents = INT64_MIN;
    if (money_parse_amount(text, &cents))
        check_cents(text, cents);
    else if (cents != INT64_MIN)
        abort();

    cents = INT64_MIN;
    if (money_parse_budget(text, &cents))
        check_cents(text, cents);
    else if (cents != INT64_MIN)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_each_text(data, size, check_text);
    return 0;
}
