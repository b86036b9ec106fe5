/*
 * phrase.h - every sentence the tool writes for a reader in plain language (the
 * paragraph on a handout, a paragraph per plan), and the one helper for a number and
 * its noun.
 *
 * The templates are one table in phrase.c, in Dutch and English, each in a singular
 * and a plural form chosen by a count, so a reader of the code sees every sentence
 * the tool can write in one place. A template's placeholders are %1 .. %4, filled
 * with text (numbers already written by phrase_count); no printf format reaches
 * the templates. Strings returned are in the current language (i18n.h).
 */
#ifndef RR_PHRASE_H
#define RR_PHRASE_H

#include <stddef.h>

/* Nouns that are counted: "1 actie", "2 acties"; "1 jaar", "3 jaar". */
typedef enum {
    NOUN_ACTION = 0,
    NOUN_PLAN,
    NOUN_MUNICIPALITY,
    NOUN_YEAR,
    NOUN_MONTH,
    NOUN_DAY,
    NOUN_ACTION_LINE,
    NOUN_COUNT
} phrase_noun;

/* "1 actie", "46 acties", "1.234 acties" ("1,234 actions" in English). g_free. */
char *phrase_count(size_t n, phrase_noun noun);

/* The noun alone in the form that goes with n: "actie" for 1, else "acties". Static. */
const char *phrase_noun_for(size_t n, phrase_noun noun);

/* n with the thousands separator of the current language: "1.234" / "1,234". g_free. */
char *phrase_number(size_t n);

/* A length of time as a reader says it: "3 jaar en 5 maanden", "1 jaar", "8 maanden"
 * for `months` > 0 (whole months), else "12 dagen" from `days`. g_free. */
char *phrase_duration(int months, int days);

/* The sentence templates. Placeholders per entry are listed beside it. */
typedef enum {
    PHRASE_NO_ACTIONS = 0,   /* %1 owner */
    PHRASE_WORKS_ON,         /* %1 owner, %2 "46 acties" (no plan known) */
    PHRASE_WORKS_ON_PLAN,    /* %1 owner, %2 "46 acties", %3 "het lokale plan 2022-2025" */
    PHRASE_WORKS_ON_PLANS,   /* %1 owner, %2 "46 acties", %3 "2 plannen" */
    PHRASE_PART_DONE,        /* %1 count (with its noun when it opens the sentence) */
    PHRASE_PART_UNDER_WAY,   /* %1 count */
    PHRASE_PART_NOT_STARTED, /* %1 count */
    PHRASE_PART_CANCELLED,   /* %1 count */
    PHRASE_ALL_DONE,         /* %1 "46 acties" */
    PHRASE_NEVER_REPORTED,   /* %1 "31 acties" */
    PHRASE_NONE_REPORTED,    /* %1 "46 acties": not one was ever reported on */
    PHRASE_OVERDUE,          /* %1 "5 acties" */
    PHRASE_NONE_OVERDUE,     /* (none) */
    PHRASE_DUE_SOON,         /* %1 "2 acties", %2 the next meeting's date */
    PHRASE_LAST_REPORT,      /* %1 date, %2 "3 jaar en 5 maanden" */
    PHRASE_LAST_REPORT_TODAY,/* %1 date: reported on the report date itself */
    PHRASE_PLAN_RUNS,        /* %1 plan, %2 end date */
    PHRASE_PLAN_RAN,         /* %1 plan, %2 end date (before the report date) */
    PHRASE_PLAN_EXTENDED,    /* %1 plan, %2 "24 maanden", %3 end date */
    PHRASE_PLAN_EXTENDED_RAN,/* %1 plan, %2 "24 maanden", %3 end date (passed) */
    PHRASE_EVALUATION,       /* %1 the evaluation as written ("2023", "najaar 2023") */
    PHRASE_EVALUATION_PAST,  /* %1 the same, its last day before the report date */
    PHRASE_REGION_MUNICIPALITIES, /* %1 "2 gemeenten", %2 "120 acties" */
    PHRASE_REGION_OVERDUE,   /* %1 "10 acties", %2 "3 gemeenten" */
    PHRASE_REGION_SILENT,    /* %1 "1 gemeente": no report in the last two periods */
    PHRASE_AND,              /* the word before the last item of a list: "en" */
    PHRASE_LEGEND,           /* the colours and "onbekend", under the paragraph */
    /* The mid-term evaluation's paragraph per plan (analyse/evaluation_text.c). */
    PHRASE_EVAL_TERM,        /* %1 plan, %2 owner, %3 start, %4 end (not passed) */
    PHRASE_EVAL_TERM_RAN,    /* %1 plan, %2 owner, %3 start, %4 end (passed) */
    PHRASE_EVAL_NO_END,      /* %1 plan, %2 owner, %3 start */
    PHRASE_EVAL_NO_TERM,     /* %1 plan, %2 owner */
    PHRASE_EVAL_DRAFT,       /* (none) */
    PHRASE_EVAL_EXTENDED,    /* %1 decision date, %2 decided by, %3 new end, %4 reason */
    PHRASE_EVAL_EXTENDED_ANON, /* %1 decision date, %3 new end, %4 reason */
    PHRASE_EVAL_MIDPOINT,    /* %1 the midpoint (passed) */
    PHRASE_EVAL_MIDPOINT_AHEAD, /* %1 the midpoint (after the report date) */
    PHRASE_EVAL_NO_MIDPOINT, /* (none) */
    PHRASE_EVAL_STATE_MIDPOINT, /* %1 the midpoint, %2 "29 acties", %3 the parts */
    PHRASE_EVAL_STATE_NOW,   /* %1 the report date, %2 "29 acties", %3 the parts */
    PHRASE_EVAL_PART_DONE,   /* %1 number */
    PHRASE_EVAL_PART_UNDER_WAY,
    PHRASE_EVAL_PART_NOT_STARTED,
    PHRASE_EVAL_PART_CANCELLED,
    PHRASE_EVAL_PART_NEVER,
    PHRASE_EVAL_LAGGING,     /* %1 the lines: "Preventie (0 van 5 afgerond)"; n lines */
    PHRASE_EVAL_LINE_SHARE,  /* %1 line, %2 done, %3 "5 acties" */
    PHRASE_EVAL_NO_LAG,      /* n lines: none has done a smaller share than the plan */
    PHRASE_EVAL_ON_HOLD,     /* %1 "2 acties" */
    PHRASE_EVAL_NO_ACTIONS,  /* (none) */
    PHRASE_EVAL_BUDGET,      /* %1 amount, %2 first year, %3 last year */
    PHRASE_EVAL_NO_BUDGET,   /* (none) */
    PHRASE_EVAL_FUNDING,     /* %1 the funding as written, sources joined by "; " */
    PHRASE_EVAL_UNPRICED,    /* %1 "3 acties": a budget text without an amount */
    PHRASE_EVAL_RUNNING,     /* %1 "2 acties": running costs outside the budget */
    PHRASE_EVAL_REGION_PLANS,   /* %1 "3 plannen", %2 region, %3 the plans listed */
    PHRASE_EVAL_REGION_PASSED,  /* %1 "2 plannen": past their midpoint */
    PHRASE_EVAL_REGION_AHEAD,   /* %1 "1 plan": midpoint after the report date */
    PHRASE_EVAL_REGION_UNKNOWN, /* %1 "1 plan": no term, no midpoint */
    PHRASE_EVAL_REGION_TOTAL,   /* %1 "75 acties", %2 done now, %3 overdue, %4 never */
    PHRASE_COUNT
} phrase_id;

/* The template `id` in the form for `n` (singular for 1, else plural), its %1..%4
 * replaced by args[0..3] (fewer may be given; a missing one becomes ""). g_free. */
char *phrase_fill(phrase_id id, size_t n, const char *const *args, int argc);

/* The raw template (tests check its placeholders). `english` picks the language,
 * `plural` the form. Static. */
const char *phrase_template(phrase_id id, int english, int plural);

/* An amount of money as a sentence writes it: "€ 143.620" ("€143,620" in English),
 * with cents only when there are any ("€ 3.200,50"). g_free. */
char *phrase_money(long long cents);

/* A plan kind as a noun phrase in a sentence: "het lokale plan", "the local plan";
 * with `capital` as it opens a sentence ("Het lokale plan"). `kind` is a plan_kind
 * (base/vocab.h). Static. */
const char *phrase_plan_kind(int kind, int capital);

#endif
