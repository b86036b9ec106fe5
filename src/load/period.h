/*
 * period.h - calendar dates and the periods that plan documents speak of.
 *
 * A date is a day number (days since 1970-01-01), so comparing and subtracting
 * dates is integer arithmetic. A period is what a plan writes for a deadline or a
 * term ("najaar 2022", "Q1 2023", "2022-2025", "doorlopend"); it resolves to a
 * first and a last day. The last day is the deadline.
 *
 * Everything here is pure: no allocation, no I/O, no locale. Parsers take a
 * NUL-terminated UTF-8 string and never keep a pointer to it.
 */
#ifndef RR_PERIOD_H
#define RR_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 (negative before). */
typedef int32_t rr_date;

/* "No date": smaller than every real date. */
#define RR_DATE_NONE INT32_MIN

/* Years accepted in data; outside this range a year is a typo, not a plan. */
#define RR_YEAR_MIN 1900
#define RR_YEAR_MAX 2199

/* Day number of a calendar day, or RR_DATE_NONE when the day does not exist
 * (31-02-2022, month 13, day 0) or the year is outside RR_YEAR_MIN..MAX. */
rr_date date_from_ymd(int year, int month, int day);

/* The day a spreadsheet's serial number stands for: the whole days of `serial` (a time
 * of day dropped) in the 1900 date system (serial 1 is 1900-01-01; serial 60 is Lotus's
 * and Excel's 29 February 1900, a day that never was, and with serial 0 gives
 * RR_DATE_NONE) or, when `date1904`, the 1904 system (serial 0 is 1904-01-01).
 * RR_DATE_NONE for a negative serial, NaN, or a day outside RR_YEAR_MIN..MAX. */
rr_date date_from_serial(double serial, bool date1904);

/* Calendar day of a day number. `date` must not be RR_DATE_NONE. */
void date_to_ymd(rr_date date, int *year, int *month, int *day);

/* 28..31 for a valid month, 0 otherwise. */
int date_days_in_month(int year, int month);

/* "2022-02-14" into buf (at least 11 bytes); "" for RR_DATE_NONE. */
void date_format_iso(rr_date date, char *buf, size_t size);

/* "14-02-2022" (dd-mm-jjjj) into buf (at least 11 bytes); "" for RR_DATE_NONE. */
void date_format_nl(rr_date date, char *buf, size_t size);

/* A date as text, returned by value: it needs no buffer from the caller and nothing
 * to free. In C11 `date_text_nl(d).text` lives to the end of the full expression
 * that made it, so it can go straight into a printf-style call; keep the struct in
 * a variable to use the text longer. 16 bytes hold every rr_date. */
typedef struct {
    char text[16];
} date_text;

/* "14-02-2022" (dd-mm-jjjj); "" for RR_DATE_NONE. */
date_text date_text_nl(rr_date date);

/* "2022-02-14"; "" for RR_DATE_NONE. */
date_text date_text_iso(rr_date date);

typedef enum {
    PERIOD_UNKNOWN = 0, /* empty cell: no deadline, shown as unknown */
    PERIOD_SPAN,        /* first..last, both real dates */
    PERIOD_RECURRING    /* doorlopend, jaarlijks, blijvend, terugkerend: no deadline */
} period_kind;

typedef struct {
    period_kind kind;
    rr_date first; /* RR_DATE_NONE unless kind == PERIOD_SPAN */
    rr_date last;  /* the deadline; RR_DATE_NONE unless kind == PERIOD_SPAN */
} period;

/* Outcome of a parse; the caller turns it into a message for the user. */
typedef enum {
    PARSE_OK = 0,
    PARSE_ERR_FORM,       /* not one of the accepted forms */
    PARSE_ERR_NO_SUCH_DAY,/* well formed, but the day does not exist: 31-02-2022, 00-01-2022 */
    PARSE_ERR_YEAR,       /* a year outside RR_YEAR_MIN..RR_YEAR_MAX */
    PARSE_ERR_CHECKMARK,  /* a leading OCR'd checkmark ("V aug. 2021"): a status, not a period */
    PARSE_ERR_REVERSED    /* a range whose second part ends before its first begins */
} parse_status;

/* Parse one date in any accepted form: 2022-02-14, 14-02-2022, 14-2-2022, 14/02/2022,
 * 14.02.2022, 14 februari 2022, 14 feb 2022, 14 feb. 2022. Surrounding white space is
 * ignored. On success *out is set; on failure *out is left unchanged. */
parse_status date_parse(const char *text, rr_date *out);

/* Parse a period (see regions/README.md for every form). Empty or white-space-only
 * text is PARSE_OK with kind PERIOD_UNKNOWN. On failure *out is left unchanged. */
parse_status period_parse(const char *text, period *out);

/* The period that starts at first and ends at last (kind PERIOD_SPAN). */
period period_span(rr_date first, rr_date last);

#endif
