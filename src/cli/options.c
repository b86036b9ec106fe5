/* options.c - the option table and one getopt_long pass over the command line. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/options.h"

#include <getopt.h>
#include <glib.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "base/suggest.h"
#include "load/load.h"

static const options_spec specs[] = {
    {OPT_DATA, "data", 0, "MAP", "DIR", "de map met de gegevens (standaard: regions)",
     "the folder with the data (default: regions)"},
    {OPT_OUT, "out", 0, "MAP", "DIR", "de map voor de uitvoer (standaard: reports)",
     "the folder for what is written (default: reports)"},
    {OPT_AS_OF, "as-of", 0, "DATUM", "DATE", "de stand op deze datum (standaard: vandaag)",
     "the state on this date (default: today)"},
    {OPT_SINCE, "since", 0, "DATUM", "DATE",
     "wijzigingen sinds deze datum (standaard: vorig overleg)",
     "changes since this date (default: the previous meeting)"},
    {OPT_REGION, "region", 0, "REGIO", "REGION",
     "alleen deze regio (de mapnaam; mag vaker)", "only this region (its folder name; repeatable)"},
    {OPT_CHARTS, "charts", 0, "SOORT", "FORMAT",
     "grafieken als png, svg, pdf of none (standaard: png)",
     "charts as png, svg, pdf or none (default: png)"},
    {OPT_CHART_TIMEOUT, "chart-timeout", 0, "SEC", "SEC",
     "seconden voor alle grafieken samen (standaard 120 + 10 elk)",
     "seconds for all charts together (default 120 + 10 each)"},
    {OPT_PDF, "pdf", 0, NULL, NULL, "ook een pdf per pagina (met LibreOffice)",
     "also a PDF per page (with LibreOffice)"},
    {OPT_FORCE, "force", 0, NULL, NULL,
     "vervang ook een formulier dat afwijkt (een ingevuld formulier)",
     "replace a form even when it differs (a filled-in form)"},
    {OPT_ALL, "all", 0, NULL, NULL, "ook elke gemeente van de regio, in één keer",
     "also every municipality of the region, in one go"},
    {OPT_STRICT, "strict", 0, NULL, NULL,
     "een fout in een teruggestuurd formulier stopt alles (niets geschreven)",
     "an error in a returned form stops everything (nothing written)"},
    {OPT_KIND, "soort", 0, "SOORT", "KIND",
     "soort overleg, zoals rao of bestuurlijk-overleg (standaard: rao)",
     "kind of meeting, such as rao or bestuurlijk-overleg (default: rao)"},
    {OPT_QUIET, "quiet", 'q', NULL, NULL, "geen voortgang op de terminal",
     "no progress on the terminal"},
    {OPT_LANG, "lang", 0, "nl|en", "nl|en", "de taal van meldingen en uitvoer (standaard: nl)",
     "the language of messages and output (default: nl)"},
    {OPT_HELP, "help", 'h', NULL, NULL, "deze hulp", "this help"},
    {OPT_VERSION, "version", 'V', NULL, NULL, "de versie", "the version"},
};
#define SPEC_COUNT (sizeof specs / sizeof specs[0])

const options_spec *options_specs(size_t *count)
{
    *count = SPEC_COUNT;
    return specs;
}

/* The one reading of the clock: every stage that needs today or now gets it from the
 * options, so one run has one today. */
static void read_clock(rr_options *opts)
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    opts->today = date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

/* The first mistake on the command line, kept until the end of the pass so that its
 * message is in the language of the run even when --lang comes after it. */
typedef enum {
    PROBLEM_NONE,
    PROBLEM_UNKNOWN_OPTION,  /* word: the option as written */
    PROBLEM_NEEDS_VALUE,     /* spec */
    PROBLEM_NOT_HERE,        /* spec: known, but not this command's */
    PROBLEM_BAD_VALUE,       /* spec, word: the value */
    PROBLEM_UNEXPECTED,      /* word: the extra argument */
    PROBLEM_MISSING_OPERAND,
    PROBLEM_UNKNOWN_COMMAND, /* word */
    PROBLEM_TOO_MANY,        /* spec */
    PROBLEM_SINCE_AFTER,     /* --since later than --as-of */
    PROBLEM_OUT_IN_DATA,     /* --out is --data or inside it */
} problem_kind;

typedef struct {
    rr_options *opts;
    const cli_command *command;
    problem_kind problem;
    const options_spec *spec;
    char word[64];
    const char *value;
} parse_state;

static void set_problem(parse_state *st, problem_kind kind, const options_spec *spec,
                        const char *word)
{
    if (st->problem != PROBLEM_NONE)
        return;
    st->problem = kind;
    st->spec = spec;
    st->value = kind == PROBLEM_UNKNOWN_OPTION ? NULL : word; /* else a word of argv */
    /* An option as written: "--frob=x" is reported as "--frob". */
    snprintf(st->word, sizeof st->word, "%.*s", (int)strcspn(word ? word : "", "="),
             word ? word : "");
}

/* What an option's value must be, after "--name verwacht". */
static const char *expectation(unsigned flag)
{
    switch (flag) {
    case OPT_DATA:
    case OPT_OUT:
        return tr("een map", "a folder");
    case OPT_AS_OF:
    case OPT_SINCE:
        return tr("een datum zoals 2022-02-14 of 14-02-2022, van 01-03-1900 tot en met 2199",
                  "a date such as 2022-02-14 or 14-02-2022, from 01-03-1900 up to 2199");
    case OPT_LANG:
        return tr("nl of en", "nl or en");
    case OPT_CHARTS:
        return tr("png, svg, pdf of none", "png, svg, pdf or none");
    case OPT_KIND:
        return tr("een soort van kleine letters, cijfers en -, zoals rao of "
                  "bestuurlijk-overleg",
                  "a kind of lower-case letters, digits and -, such as rao or "
                  "bestuurlijk-overleg");
    case OPT_CHART_TIMEOUT:
        return tr("een aantal seconden van 1 tot 86400, zoals 600",
                  "a number of seconds from 1 to 86400, such as 600");
    case OPT_REGION:
        return tr("de naam van een regiomap (kleine letters, cijfers en -), zoals "
                  "gelderland-zuid",
                  "the name of a region folder (lower-case letters, digits and -), such as "
                  "gelderland-zuid");
    default:
        return "";
    }
}

/* A date option's value; false when it is no date Excel can show (serial 61 on). */
static bool take_date(const char *text, rr_date *out)
{
    rr_date day;
    if (date_parse(text, &day) != PARSE_OK || day < date_from_ymd(1900, 3, 1))
        return false;
    *out = day;
    return true;
}

/* The options without a value: each sets its field of rr_options. */
static const struct {
    unsigned flag;
    size_t offset;
} SWITCHES[] = {
    {OPT_HELP, offsetof(rr_options, help)}, {OPT_VERSION, offsetof(rr_options, version)},
    {OPT_QUIET, offsetof(rr_options, quiet)}, {OPT_PDF, offsetof(rr_options, pdf)},
    {OPT_FORCE, offsetof(rr_options, force)}, {OPT_STRICT, offsetof(rr_options, strict)},
    {OPT_ALL, offsetof(rr_options, all)},
};

/* Stores one option's value; false when the value is wrong. */
static bool take_value(parse_state *st, const options_spec *spec, const char *value)
{
    rr_options *o = st->opts;
    rr_lang lang;
    for (size_t i = 0; i < G_N_ELEMENTS(SWITCHES); i++)
        if (SWITCHES[i].flag == spec->flag) {
            G_STRUCT_MEMBER(bool, o, SWITCHES[i].offset) = true;
            return true;
        }
    switch (spec->flag) {
    case OPT_DATA:
        o->data_dir = value;
        o->data_given = true;
        return *value != '\0';
    case OPT_OUT:
        o->out_dir = value;
        return *value != '\0';
    case OPT_AS_OF:
        return take_date(value, &o->as_of);
    case OPT_SINCE:
        return take_date(value, &o->since);
    case OPT_LANG:
        if (i18n_parse_lang(value, &lang) != 0)
            return false;
        i18n_set_lang(lang);
        return true;
    case OPT_CHARTS:
        return vocab_chart_format_parse(value, &o->charts);
    case OPT_REGION:
        /* A region is a folder name, never a path: "../x" is a mistake in the call. */
        if (!load_is_slug(value))
            return false;
        if (o->region_count == MAX_REGION_OPTIONS) {
            set_problem(st, PROBLEM_TOO_MANY, spec, value);
            return true;
        }
        o->regions[o->region_count++] = value;
        return true;
    case OPT_KIND:
        o->kind = value;
        return load_is_slug(value);
    case OPT_CHART_TIMEOUT: {
        guint64 seconds = 0;
        if (!g_ascii_string_to_unsigned(value, 10, 1, CHART_TIMEOUT_MAX, &seconds, NULL))
            return false;
        o->chart_timeout = (int)seconds;
        return true;
    }
    default:
        return false;
    }
}

/* getopt_long's table, built once from `specs`: val is the spec's index + 256. */
static const struct option *long_options(void)
{
    static struct option table[SPEC_COUNT + 1];
    if (table[0].name == NULL)
        for (size_t i = 0; i < SPEC_COUNT; i++)
            table[i] = (struct option){specs[i].name,
                                       specs[i].value_nl ? required_argument : no_argument,
                                       NULL, (int)i + 256};
    return table;
}

/* The spec getopt returned `c` for (a long option's index, or a short letter). */
static const options_spec *spec_for(int c)
{
    if (c >= 256)
        return &specs[c - 256];
    for (size_t i = 0; i < SPEC_COUNT; i++)
        if (specs[i].short_name == c)
            return &specs[i];
    return NULL;
}

/* Records getopt's complaint about `written`: an unknown option, or a value missing. */
static void getopt_problem(parse_state *st, int c, const char *written)
{
    const options_spec *spec = optopt ? spec_for(optopt) : NULL;
    if (c == ':') {
        set_problem(st, PROBLEM_NEEDS_VALUE, spec, spec ? NULL : written);
    } else if (optopt > 0 && optopt < 256) {
        char letter[3] = {'-', (char)optopt, 0};
        set_problem(st, PROBLEM_UNKNOWN_OPTION, NULL, letter);
    } else {
        /* An unknown or ambiguous long option, or a value given to one that takes
         * none ("--help=x"). */
        set_problem(st, PROBLEM_UNKNOWN_OPTION, NULL, written);
    }
}

/* One getopt_long pass over argv[0..argc) from argv[1], with the options in `mask`.
 * With a leading '+' in `optstring` it stops at the first word that is no option;
 * without, getopt moves the words that are no options to the end. Returns the index
 * of the first such word. */
static int scan(parse_state *st, int argc, char **argv, unsigned mask, const char *optstring)
{
    optind = 0; /* glibc: start afresh on a new argv */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, optstring, long_options(), NULL)) != -1) {
        const char *written = argv[optind - 1];
        if (c == '?' || c == ':') {
            getopt_problem(st, c, written);
            continue;
        }
        const options_spec *spec = spec_for(c);
        if (!(mask & spec->flag)) {
            set_problem(st, PROBLEM_NOT_HERE, spec, NULL);
            continue;
        }
        if (!take_value(st, spec, spec->value_nl ? optarg : NULL))
            set_problem(st, PROBLEM_BAD_VALUE, spec, optarg);
    }
    return optind;
}

/* "--as-of" for an option's spec; the word as written when there is none. */
static const char *option_text(const parse_state *st, char *buf, size_t size)
{
    if (!st->spec)
        return st->word;
    snprintf(buf, size, "--%s", st->spec->name);
    return buf;
}

/* The names of the options in `mask`, for a suggestion (g_ptr_array_free). */
static GPtrArray *option_names(unsigned mask)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < SPEC_COUNT; i++)
        if (mask & specs[i].flag)
            g_ptr_array_add(names, g_strdup_printf("--%s", specs[i].name));
    return names;
}

/* The message of a problem with the command word or the positional arguments. */
static char *command_problem_text(const parse_state *st)
{
    const char *value = st->value ? st->value : "";
    switch (st->problem) {
    case PROBLEM_UNEXPECTED:
        return g_strdup_printf(tr("onverwacht argument '%s'", "unexpected argument '%s'"), value);
    case PROBLEM_MISSING_OPERAND:
        return g_strdup_printf(tr("%s ontbreekt", "%s is missing"),
                               tr(st->command->operand_nl, st->command->operand_en));
    case PROBLEM_UNKNOWN_COMMAND: {
        size_t count;
        const cli_command *table = commands_table(&count);
        GPtrArray *names = g_ptr_array_new();
        for (size_t i = 0; i < count; i++)
            g_ptr_array_add(names, (gpointer)table[i].name);
        char *hint = suggest_hint(value, (const char *const *)names->pdata, names->len);
        char *text = g_strdup_printf(tr("onbekende opdracht '%s'%s", "unknown command '%s'%s"),
                                     value, hint);
        g_free(hint);
        g_ptr_array_free(names, TRUE);
        return text;
    }
    default:
        return g_strdup("?");
    }
}

/* The message of a problem with an option or argument, in the run's language. */
static char *problem_text(const parse_state *st)
{
    char option[64];
    const char *name = option_text(st, option, sizeof option);
    const char *value = st->value ? st->value : "";
    unsigned mask = OPT_EVERY_COMMAND | (st->command ? st->command->options : 0);
    switch (st->problem) {
    case PROBLEM_UNKNOWN_OPTION: {
        GPtrArray *names = option_names(mask);
        char *hint = suggest_hint(name, (const char *const *)names->pdata, names->len);
        char *text = g_strdup_printf(tr("onbekende optie: %s%s", "unknown option: %s%s"), name,
                                     hint);
        g_free(hint);
        g_ptr_array_free(names, TRUE);
        return text;
    }
    case PROBLEM_NEEDS_VALUE:
        return g_strdup_printf(tr("%s mist een waarde; verwacht %s", "%s needs a value: %s"),
                               name, st->spec ? expectation(st->spec->flag) : "?");
    case PROBLEM_NOT_HERE:
        return g_strdup_printf(tr("%s hoort niet bij '%s'", "%s does not belong to '%s'"),
                               name, st->command ? st->command->name : "regiorapport");
    case PROBLEM_BAD_VALUE:
        if (*value == '\0')
            return g_strdup_printf(tr("%s verwacht %s, geen lege tekst",
                                      "%s expects %s, not an empty text"),
                                   name, expectation(st->spec->flag));
        return g_strdup_printf(tr("%s verwacht %s, niet '%s'", "%s expects %s, not '%s'"), name,
                               expectation(st->spec->flag), value);
    case PROBLEM_TOO_MANY:
        return g_strdup_printf(tr("te vaak %s (hoogstens %d keer)", "too many %s (at most %d)"),
                               name, MAX_REGION_OPTIONS);
    case PROBLEM_SINCE_AFTER:
        return g_strdup(tr("--since ligt na --as-of; geef een --since op of vóór --as-of",
                           "--since is after --as-of; give a --since on or before --as-of"));
    case PROBLEM_OUT_IN_DATA:
        return g_strdup_printf(
            tr("--out '%s' ligt in de gegevensmap --data '%s' (of is die map); een volgende run "
               "zou de uitvoer als gegevens lezen. Kies een map erbuiten, bijvoorbeeld --out "
               "reports",
               "--out '%s' is inside the data folder --data '%s' (or is that folder); a next run "
               "would read the output as data. Choose a folder outside it, for example --out "
               "reports"),
            st->opts->out_dir, st->opts->data_dir);
    default:
        return command_problem_text(st);
    }
}

/* `path` absolute and without "." or "..", with the links of its longest existing
 * start resolved, so that two spellings of one folder compare equal (g_free). */
static char *resolved_path(const char *path)
{
    char *cwd = g_get_current_dir();
    char *abs = g_canonicalize_filename(path, cwd);
    g_free(cwd);
    GString *rest = g_string_new(NULL);
    char *head = g_strdup(abs);
    char *real = NULL;
    while (!(real = realpath(head, NULL)) && strcmp(head, "/") != 0) {
        char *base = g_path_get_basename(head);
        char *dir = g_path_get_dirname(head);
        g_string_prepend(rest, base);
        g_string_prepend_c(rest, '/');
        g_free(base);
        g_free(head);
        head = dir;
    }
    char *resolved = real ? g_strconcat(strcmp(real, "/") == 0 ? "" : real, rest->str, NULL)
                          : g_strdup(abs);
    if (!*resolved) {
        g_free(resolved);
        resolved = g_strdup("/");
    }
    free(real);
    g_free(head);
    g_free(abs);
    g_string_free(rest, TRUE);
    return resolved;
}

/* Whether --out is --data or a folder inside it: the report's own charts-<date>/data
 * folders would be read as regions by the next run. */
static bool out_inside_data(const rr_options *opts)
{
    char *out = resolved_path(opts->out_dir);
    char *data = resolved_path(opts->data_dir);
    size_t n = strlen(data);
    bool inside = strncmp(out, data, n) == 0 &&
                  (out[n] == '\0' || out[n] == '/' || strcmp(data, "/") == 0);
    g_free(out);
    g_free(data);
    return inside;
}

/* Prints the problem and where to read more; RR_ERR_USAGE. */
static rr_error report_problem(const parse_state *st)
{
    char *text = problem_text(st);
    const char *name = st->command ? st->command->name : NULL;
    say_command(name);
    say_error("%s", text);
    if (name)
        say_hint(tr("Zie 'regiorapport %s --help'.", "See 'regiorapport %s --help'."), name);
    else
        say_hint("%s", tr("Zie 'regiorapport --help'.", "See 'regiorapport --help'."));
    g_free(text);
    return RR_ERR_USAGE;
}

/* The command's options from argv[first] (its name) on, then its positional argument. */
static void parse_command(parse_state *st, int argc, char **argv, int first)
{
    const cli_command *cmd = st->command;
    int end = first + scan(st, argc - first, argv + first, cmd->options | OPT_EVERY_COMMAND,
                           ":hVq");
    if (st->opts->help || st->opts->version)
        return;
    if (cmd->many_operands) {
        st->opts->targets = argv + end;
        st->opts->target_count = argc - end;
        return;
    }
    int wanted = cmd->operand_nl ? 1 : 0;
    if (argc - end > wanted)
        set_problem(st, PROBLEM_UNEXPECTED, NULL, argv[end + wanted]);
    else if (argc - end < wanted)
        set_problem(st, PROBLEM_MISSING_OPERAND, NULL, NULL);
    else if (wanted)
        st->opts->target = argv[end];
}

rr_error options_parse(rr_options *opts, int argc, char **argv, const cli_command **command)
{
    memset(opts, 0, sizeof *opts);
    opts->data_dir = "regions";
    opts->out_dir = "reports";
    read_clock(opts);
    opts->as_of = opts->today;
    opts->since = RR_DATE_NONE;
    opts->charts = CHARTS_PNG;
    parse_state st = {.opts = opts};
    /* Before the command word: only what applies to the program as a whole. */
    int first = scan(&st, argc, argv, OPT_EVERY_COMMAND, "+:hVq");
    if (first < argc && strcmp(argv[first], "help") == 0) {
        opts->help = true; /* "regiorapport help [COMMAND]" */
        first++;
    }
    if (first < argc) {
        st.command = commands_find(argv[first]);
        if (!st.command)
            set_problem(&st, PROBLEM_UNKNOWN_COMMAND, NULL, argv[first]);
        else
            parse_command(&st, argc, argv, first);
    }
    if (opts->since != RR_DATE_NONE && opts->since > opts->as_of)
        set_problem(&st, PROBLEM_SINCE_AFTER, NULL, NULL);
    if (st.command && (st.command->options & OPT_OUT) && out_inside_data(opts))
        set_problem(&st, PROBLEM_OUT_IN_DATA, NULL, NULL);
    *command = st.command;
    if (st.problem != PROBLEM_NONE)
        return report_problem(&st);
    return RR_OK;
}
