/*
 * money_digits.h - an invariant of the money parsers, shared by fuzz/fuzz_money.c and
 * tests/test_money.c: an amount read from a text is made of the text's own digits.
 */
#ifndef RR_MONEY_DIGITS_H
#define RR_MONEY_DIGITS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Whether the digits of `cents` (the euros, then the cents that are not zero: 350 is
 * "3" "5", 5 is "0" "0" "5") appear among the digits of text in the same order. A
 * parse that dropped a thousands group or took a year for cents would fail this. */
static inline bool money_digits_in_order(const char *text, int64_t cents)
{
    char digits[40];
    int n = snprintf(digits, sizeof digits - 2, "%lld", (long long)(cents / 100));
    if (n < 0)
        return false;
    int rest = (int)(cents % 100);
    if (rest != 0) {
        digits[n++] = (char)('0' + rest / 10);
        if (rest % 10 != 0)
            digits[n++] = (char)('0' + rest % 10);
    }
    digits[n] = '\0';
    const char *want = digits;
    for (const char *p = text; *p && *want; p++)
        if (*p == *want)
            want++;
    return *want == '\0';
}

#endif
