/*
 * money.h - euro amounts as plan documents write them.
 *
 * Amounts are whole cents in an int64_t, so sums are exact. Dutch notation:
 * "." groups thousands and "," separates cents ("€ 3.200,50"); a single "." followed
 * by exactly two digits is a decimal point ("2500.50"). Thousands may also be grouped
 * by a space, no-break space or narrow no-break space ("€ 1 500 000"), never mixed
 * with dots; digits after a space that are no such group make the text no amount. Pure functions, no locale
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

/* Whether a budget text that holds no amount has, after its only "€", a number split by
 * white space that is no thousands group ("€ 12 50", "€ 1500 000"): the caller warns,
 * since the text looks like an amount but none is read. */
bool money_budget_split_number(const char *text);

/* "€ 3.000" or "€ 3.200,50" into buf (at least 32 bytes). */
void money_format_nl(int64_t cents, char *buf, size_t size);

#endif
