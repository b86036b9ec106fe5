/*
 * vocab.h - the tool's fixed vocabularies, each defined once: the code written in
 * the data, the name shown in Dutch and English, the colour and the order in which
 * they are listed. The loader parses the codes, the analysis computes with the
 * enums, and the workbook, the charts, the status view and the form show the names
 * and colours from here, so "afgerond" reads and looks the same everywhere.
 *
 * Names are in the current language (i18n.h); returned strings are static. Colours
 * are RGB as 0xRRGGBB.
 */
#ifndef RR_VOCAB_H
#define RR_VOCAB_H

#include <stdbool.h>
#include <stdint.h>

/* ---- status of an action ---- */

typedef enum {
    STATUS_UNKNOWN = 0, /* no progress row on or before the report date */
    STATUS_PLANNED,
    STATUS_IN_PROGRESS,
    STATUS_ONGOING,
    STATUS_DONE,
    STATUS_DELAYED,
    STATUS_ON_HOLD,
    STATUS_CANCELLED,
    STATUS_COUNT
} rr_status;

/* A status as written in voortgang.csv (Dutch or English code, any case, spaces
 * around ignored). "onbekend" is never accepted: the tool concludes it. */
bool vocab_status_parse(const char *text, rr_status *out);
const char *vocab_status_code(rr_status status);    /* "afgerond" */
const char *vocab_status_label(rr_status status);   /* "afgerond" / "done" */
const char *vocab_status_short(rr_status status);   /* "afg" / "done", terminal columns */
const char *vocab_status_meaning(rr_status status); /* a short explanation, for the form */
const char *vocab_status_code_list(void);           /* the codes one may write */
uint32_t vocab_status_colour(rr_status status);

/* The status listed at `position` (0 .. STATUS_COUNT-1): tables and stacked charts
 * go from done to nothing known. */
rr_status vocab_status_at(int position);

/* ---- kind of plan ---- */

typedef enum {
    PLAN_REGIOVISIE = 0,
    PLAN_REGIO_AANPAK,
    PLAN_LOKAAL_PLAN,
    PLAN_ACTIEPLAN,
    PLAN_VOORZIENING,
    PLAN_CONVENANT,
    PLAN_KIND_COUNT
} plan_kind;

bool vocab_plan_kind_parse(const char *text, plan_kind *out);
const char *vocab_plan_kind_code(plan_kind kind);
const char *vocab_plan_kind_label(plan_kind kind);
const char *vocab_plan_kind_code_list(void);

/* ---- signals ---- */

typedef enum { SIGNAL_GREEN = 0, SIGNAL_AMBER, SIGNAL_RED, SIGNAL_COUNT } rr_signal;

const char *vocab_signal_label(rr_signal signal); /* rood/oranje/groen */
uint32_t vocab_signal_colour(rr_signal signal);   /* strong: text, chart bars */
uint32_t vocab_signal_fill(rr_signal signal);     /* light: cell fills */

/* Why an action has its signal; the first that applies, in this order. */
typedef enum {
    REASON_NONE = 0,
    REASON_OVERDUE,           /* red: deadline passed, not done, not cancelled */
    REASON_EXPECTED_PASSED,   /* red: the same, the deadline being a report's expected date */
    REASON_DELAYED,           /* red: status vertraagd */
    REASON_DUE_SOON,          /* amber: due before the next meeting, not started */
    REASON_ON_HOLD,           /* amber: status aangehouden */
    REASON_NO_UPDATE,         /* amber: no report in the last two meeting periods */
    REASON_COUNT
} signal_reason;

const char *vocab_signal_reason_label(signal_reason reason); /* a short sentence; "" */

/* ---- progress groups (shares and mid-term counts) ---- */

typedef enum {
    PROGRESS_DONE = 0,        /* afgerond */
    PROGRESS_UNDER_WAY,       /* lopend, doorlopend, vertraagd, aangehouden */
    PROGRESS_NOT_STARTED,     /* gepland */
    PROGRESS_CANCELLED,       /* vervallen */
    PROGRESS_UNKNOWN,         /* no report yet */
    PROGRESS_COUNT
} progress_group;

progress_group vocab_status_group(rr_status status);
const char *vocab_progress_group_label(progress_group group);

/* ---- chart formats (--charts) ---- */

typedef enum { CHARTS_PNG = 0, CHARTS_SVG, CHARTS_PDF, CHARTS_NONE, CHARTS_FORMAT_COUNT } rr_chart_format;

/* "png", "svg", "pdf" or "none", exactly. */
bool vocab_chart_format_parse(const char *text, rr_chart_format *out);
const char *vocab_chart_format_code(rr_chart_format format);
/* The file extension and gnuplot terminal; NULL for CHARTS_NONE. */
const char *vocab_chart_format_extension(rr_chart_format format);
const char *vocab_chart_format_terminal(rr_chart_format format);

/* ---- sheets ---- */

/* The report workbook's sheets in their order, then the form's (template.c). */
typedef enum {
    SHEET_SUMMARY = 0,
    SHEET_CHARTS,
    SHEET_ACTIONS,
    SHEET_CHANGES,
    SHEET_TREND,
    SHEET_TIMELINES,
    SHEET_EXTENSIONS,
    SHEET_ACTION_LINES,
    SHEET_THEMES,
    SHEET_MIDTERM,
    SHEET_FIGURES,
    SHEET_POPULATION,
    SHEET_BUDGET,
    SHEET_BUDGET_TOTALS,
    SHEET_CHECKS,
    SHEET_SOURCES,
    SHEET_DATA,
    SHEET_REPORT_COUNT,
    SHEET_FORM_HELP = SHEET_REPORT_COUNT,
    SHEET_FORM_PROGRESS,
    SHEET_COUNT
} rr_sheet;

const char *vocab_sheet_name(rr_sheet sheet); /* "Overzicht" / "Summary" */

/* ---- the columns of the progress form (template.c writes them, the loader reads
 * them, the Instructie sheet, `template --help` and the man page describe them) ---- */

typedef enum {
    FORM_COL_ID = 0,       /* actie_id: the key, never changed */
    FORM_COL_TITLE,        /* copied from acties.csv */
    FORM_COL_DEADLINE,
    FORM_COL_STATUS_NOW,   /* copied: the status when the form was made */
    FORM_COL_LAST_UPDATE,
    FORM_COL_LAST_NOTE,    /* copied: the latest report's note */
    FORM_COL_DATE,         /* input */
    FORM_COL_STATUS,       /* input */
    FORM_COL_NOTE,         /* input */
    FORM_COL_SOURCE,       /* input, filled in beforehand */
    FORM_COL_COUNT
} form_column;

typedef enum { FORM_KEY, FORM_COPIED, FORM_CONTEXT, FORM_INPUT } form_column_kind;

/* The column's header as the form writes it in the current language; the input
 * columns keep their voortgang.csv names (datum, status, ...) in both. */
const char *vocab_form_column_name(form_column column);
/* Its header in Dutch and in English (the loader accepts both). */
const char *vocab_form_column_name_in(form_column column, bool english);
form_column_kind vocab_form_column_kind(form_column column);
/* For a copied column: the input column to write in instead (FORM_COL_COUNT: none). */
form_column vocab_form_column_instead(form_column column);
/* What the column holds, one short sentence (the Instructie sheet and --help). */
const char *vocab_form_column_meaning(form_column column);

#endif
