/* options.c - getopt_long over the options every command shares. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/options.h"

#include <getopt.h>
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "load/load.h"

rr_date options_today(void)
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    return date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

/* Prints a usage error for command `name` and returns RR_ERR_USAGE. */
static rr_error usage_error(const char *name, const char *message, const char *detail)
{
    fprintf(stderr, "regiorapport %s: %s%s%s\n", name, message, detail ? ": " : "",
            detail ? detail : "");
    fprintf(stderr, tr("Zie 'regiorapport %s --help'.\n", "See 'regiorapport %s --help'.\n"), name);
    return RR_ERR_USAGE;
}

/* Parses a date option; false after reporting it. */
static bool parse_date_option(const char *command, const char *option, const char *text,
                              rr_date *out)
{
    if (date_parse(text, out) == PARSE_OK)
        return true;
    char message[160];
    snprintf(message, sizeof message,
             tr("%s verwacht een datum zoals 2022-02-14 of 14-02-2022",
                "%s expects a date such as 2022-02-14 or 14-02-2022"),
             option);
    usage_error(command, message, text);
    return false;
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

/* A usage error when --out is --data or a folder inside it: the report's own
 * charts-<date>/data folders would be read as regions by the next run. */
static rr_error check_out_outside_data(const char *name, const rr_options *opts)
{
    char *out = resolved_path(opts->out_dir);
    char *data = resolved_path(opts->data_dir);
    size_t n = strlen(data);
    bool inside = strncmp(out, data, n) == 0 &&
                  (out[n] == '\0' || out[n] == '/' || strcmp(data, "/") == 0);
    g_free(out);
    g_free(data);
    if (!inside)
        return RR_OK;
    char *message = g_strdup_printf(
        tr("--out '%s' ligt in de gegevensmap --data '%s' (of is die map); een volgende run "
           "zou de uitvoer als gegevens lezen. Kies een map erbuiten, bijvoorbeeld --out reports",
           "--out '%s' is inside the data folder --data '%s' (or is that folder); a next run "
           "would read the output as data. Choose a folder outside it, for example --out "
           "reports"),
        opts->out_dir, opts->data_dir);
    rr_error err = usage_error(name, message, NULL);
    g_free(message);
    return err;
}

/* Parses --chart-timeout's value: whole seconds, 1 to CHART_TIMEOUT_MAX. */
static bool parse_timeout_option(const char *command, const char *text, int *out)
{
    guint64 value = 0;
    if (g_ascii_string_to_unsigned(text, 10, 1, CHART_TIMEOUT_MAX, &value, NULL)) {
        *out = (int)value;
        return true;
    }
    char message[160];
    snprintf(message, sizeof message,
             tr("--chart-timeout verwacht een aantal seconden van 1 tot %d, zoals 600",
                "--chart-timeout expects a number of seconds from 1 to %d, such as 600"),
             CHART_TIMEOUT_MAX);
    usage_error(command, message, text);
    return false;
}

/* The language first, so that every other message is in it. */
static rr_error parse_language(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++) {
        const char *value = NULL;
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            value = argv[i] + 7;
        rr_lang lang;
        if (value && i18n_parse_lang(value, &lang) != 0)
            return usage_error(name, tr("--lang verwacht nl of en", "--lang expects nl or en"),
                               value);
        if (value)
            i18n_set_lang(lang);
    }
    return RR_OK;
}

rr_error options_parse(rr_options *opts, int argc, char **argv, unsigned allowed,
                       int positional)
{
    const char *name = argv[0];
    memset(opts, 0, sizeof *opts);
    opts->data_dir = "regions";
    opts->out_dir = "reports";
    opts->as_of = options_today();
    opts->since = RR_DATE_NONE;
    opts->charts = CHARTS_PNG;

    rr_error err = parse_language(argc, argv, name);
    if (err != RR_OK)
        return err;

    enum { LONG_DATA = 256, LONG_OUT, LONG_AS_OF, LONG_SINCE, LONG_LANG, LONG_CHARTS, LONG_REGION,
           LONG_HELP, LONG_PDF, LONG_CHART_TIMEOUT };
    static const struct option long_options[] = {
        {"data", required_argument, NULL, LONG_DATA},
        {"out", required_argument, NULL, LONG_OUT},
        {"as-of", required_argument, NULL, LONG_AS_OF},
        {"since", required_argument, NULL, LONG_SINCE},
        {"lang", required_argument, NULL, LONG_LANG},
        {"charts", required_argument, NULL, LONG_CHARTS},
        {"region", required_argument, NULL, LONG_REGION},
        {"help", no_argument, NULL, LONG_HELP},
        {"pdf", no_argument, NULL, LONG_PDF},
        {"chart-timeout", required_argument, NULL, LONG_CHART_TIMEOUT},
        {NULL, 0, NULL, 0},
    };
    static const unsigned flag_of[] = {
        [LONG_DATA - LONG_DATA] = OPT_DATA,    [LONG_OUT - LONG_DATA] = OPT_OUT,
        [LONG_AS_OF - LONG_DATA] = OPT_AS_OF,  [LONG_SINCE - LONG_DATA] = OPT_SINCE,
        [LONG_LANG - LONG_DATA] = OPT_LANG,    [LONG_CHARTS - LONG_DATA] = OPT_CHARTS,
        [LONG_REGION - LONG_DATA] = OPT_REGION, [LONG_HELP - LONG_DATA] = 0,
        [LONG_PDF - LONG_DATA] = OPT_PDF,
        [LONG_CHART_TIMEOUT - LONG_DATA] = OPT_CHART_TIMEOUT,
    };
    allowed |= OPT_LANG; /* every command speaks both languages */

    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+:h", long_options, NULL)) != -1) {
        if (c == 'h') {
            opts->help = true;
            continue;
        }
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            if (c == ':')
                return usage_error(name, tr("optie mist een waarde", "option needs a value"), bad);
            return usage_error(name, tr("onbekende optie", "unknown option"), bad);
        }
        unsigned flag = flag_of[c - LONG_DATA];
        if (flag && !(allowed & flag))
            return usage_error(name, tr("deze optie hoort niet bij deze opdracht",
                                        "this option does not belong to this command"),
                               argv[optind - 1]);
        switch (c) {
        case LONG_DATA:
            opts->data_dir = optarg;
            break;
        case LONG_OUT:
            opts->out_dir = optarg;
            break;
        case LONG_AS_OF:
            if (!parse_date_option(name, "--as-of", optarg, &opts->as_of))
                return RR_ERR_USAGE;
            break;
        case LONG_SINCE:
            if (!parse_date_option(name, "--since", optarg, &opts->since))
                return RR_ERR_USAGE;
            break;
        case LONG_LANG:
            break; /* handled first */
        case LONG_CHARTS:
            if (!vocab_chart_format_parse(optarg, &opts->charts))
                return usage_error(name, tr("--charts verwacht png, svg, pdf of none",
                                            "--charts expects png, svg, pdf or none"),
                                   optarg);
            break;
        case LONG_REGION:
            if (opts->region_count == MAX_REGION_OPTIONS)
                return usage_error(name, tr("te vaak --region", "too many --region"), optarg);
            /* A region is a folder name, never a path: "../x" is a mistake in the call. */
            if (!load_is_slug(optarg))
                return usage_error(name,
                                   tr("--region verwacht de naam van een regiomap (kleine "
                                      "letters, cijfers en -), zoals gelderland-zuid",
                                      "--region expects the name of a region folder (lower-case "
                                      "letters, digits and -), such as gelderland-zuid"),
                                   optarg);
            opts->regions[opts->region_count++] = optarg;
            break;
        case LONG_HELP:
            opts->help = true;
            break;
        case LONG_PDF:
            opts->pdf = true;
            break;
        case LONG_CHART_TIMEOUT:
            if (!parse_timeout_option(name, optarg, &opts->chart_timeout))
                return RR_ERR_USAGE;
            break;
        default:
            return usage_error(name, tr("onbekende optie", "unknown option"), argv[optind - 1]);
        }
    }
    if (opts->help)
        return RR_OK;
    int rest = argc - optind;
    if (positional == OPTIONS_ANY_POSITIONAL) {
        opts->targets = argv + optind;
        opts->target_count = rest;
        return RR_OK;
    }
    if (rest > positional)
        return usage_error(name, tr("onverwacht argument", "unexpected argument"), argv[optind + positional]);
    if (rest < positional)
        return usage_error(name, tr("argument ontbreekt", "missing argument"), NULL);
    if (positional)
        opts->target = argv[optind];
    return (allowed & OPT_OUT) ? check_out_outside_data(name, opts) : RR_OK;
}
