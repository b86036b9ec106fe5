/*
 * money.h - euro amounts as plan documents write them.
 *
 * Amounts are whole cents in an int64_t, so sums are exact. Dutch notation:
 * "." groups thousands and "," separates cents ("€ 3.200,50"); a single "." followed
 * by exactly two digits is a decimal point ("2500.50"). Pure functions, no locale
 * (strtod is never used: it accepts "nan", "inf" and hex).
 */
#ifndef RR_MONEY_H
#define RR_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest amount accepted: a typo beyond this is text, not money (EUR 10^12). */
#define MONEY_MAX_CENTS INT64_C(100000000000000)

/* A cell that is only an amount, with or without "€"/"EUR": "€ 3.000", "3000",
 * "€ 3.200,00", "€15.280", "2500.50", "€ 3.000,-". Returns true and sets *cents;
 * false (and *cents untouched) for anything else. */
bool money_parse_amount(const char *text, int64_t *cents);

/* A budget cell: an amount as above, or a text holding exactly one amount written
 * with "€" ("Jaarlijks € 5.000 (vrijgesteld van BTW)", "€ 100,00 per jaar").
 * Returns true and sets *cents when it finds that amount; false for any other text
 * ("P.M.", "binnen budget VT", two €-amounts), which the caller keeps as text. */
bool money_parse_budget(const char *text, int64_t *cents);

/* "€ 3.000" or "€ 3.200,50" into buf (at least 32 bytes). */
void money_format_nl(int64_t cents, char *buf, size_t size);

#endif
