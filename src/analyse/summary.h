/*
 * summary.h - one paragraph in plain language about where an owner (a municipality
 * or region), or one of its plans, stands: what the handout opens with and the
 * Overzicht sheet shows per owner, and what a mid-term evaluation can put above each
 * plan.
 *
 * Written from the analysis the tables are made from (summary_facts_of), so every
 * number in the paragraph is one the tables on the same page show: the counts per
 * progress group are the sums of the status rows (vocab_status_group), "over hun
 * deadline" counts action_view.overdue, the latest report is owner_summary's
 * last_update. The sentences come from the one table in base/phrase.c, in the
 * current language (i18n.h): Dutch, or English with --lang en.
 *
 * Example (West Betuwe, shipped data, as of 31-01-2023):
 *   "West Betuwe werkt aan 46 acties uit het lokale plan 2022-2025. 8 acties zijn
 *   afgerond, 6 lopen en 1 is gepland. Van 31 acties is nog nooit voortgang gemeld.
 *   5 acties zijn over hun deadline. De laatste voortgang is van 21-06-2022,
 *   7 maanden voor deze datum. Het lokale plan 2022-2025 loopt tot 31-12-2025."
 */
#ifndef RR_SUMMARY_H
#define RR_SUMMARY_H

#include <stddef.h>

#include "analyse/analyse.h"

/* The figures the paragraph states, for one owner or one of its plans. */
typedef struct {
    const rr_owner *owner;
    const rr_plan *plan;          /* the plan asked for, or NULL: all the owner's plans */
    size_t actions;               /* the owner's (or plan's) actions */
    size_t plans;                 /* plans holding the owner's actions (1 for a plan) */
    size_t by_group[PROGRESS_COUNT]; /* on as_of, vocab_status_group of each status */
    size_t overdue;               /* action_view.overdue */
    size_t due_soon;              /* action_view.due_soon and not done or cancelled */
    rr_date last_update;          /* latest report on or before as_of; RR_DATE_NONE */
    rr_date next_meeting;         /* the owner's region's next meeting */
    const plan_view *main_plan;   /* the plan the sentence about the term is about: the
                                   * one asked for, else the owner's plan with the most
                                   * actions (first in the model's order); NULL if none */
    /* A region's municipalities (all zero for a municipality, or with a plan). */
    size_t municipalities;
    size_t municipality_actions;
    size_t municipality_overdue;
    size_t municipalities_overdue; /* municipalities with at least one overdue action */
    size_t municipalities_silent;  /* with actions, none reported in the last two periods */
} summary_facts;

/* Fills `out` for `owner` (and only the actions of `plan` when not NULL; `plan` must
 * be one of the owner's). `an` is the analysis as of the page's date. */
void summary_facts_of(const rr_analysis *an, const rr_owner *owner, const rr_plan *plan,
                      summary_facts *out);

/*
 * The paragraph about `owner` (or only `plan`, when not NULL) as of an->as_of, in the
 * current language: one sentence per fact, the number first, dates dd-mm-jjjj, no
 * table jargon. Never NULL; the caller frees it (g_free). `an` is borrowed.
 */
char *summary_paragraph(const rr_analysis *an, const rr_owner *owner, const rr_plan *plan);

/* "het lokale plan 2022-2025" (its kind and the years of its original term; the
 * title when the kind has no years); capitalised with `capital`. g_free. */
char *summary_plan_name(const plan_view *plan, bool capital);

/* A region's figure per 1,000 inhabitants, from its municipalities in the data: the
 * sum of their figures of `indicator` for `year` (known on as_of, not withheld) over
 * the sum of their populations of that year (analyse_population), counting only the
 * municipalities that have both. */
typedef struct {
    double per_thousand;          /* valid when used > 0 */
    size_t used;                  /* municipalities counted */
    size_t municipalities;        /* the region's municipalities in the data */
    size_t without_figure;        /* no figure for the year, or withheld */
    size_t without_population;    /* a figure, but no population known */
} summary_rate;

/* Fills `out`; false when no municipality has both a figure and a population (then
 * the counts say why). */
bool summary_region_rate(const rr_model *model, const rr_owner *region,
                         const rr_indicator *indicator, int year, rr_date as_of,
                         summary_rate *out);

#endif
