/*
 * charts.h - the charts of a report, drawn by gnuplot from data files.
 *
 * Text from the data never reaches gnuplot as code. The gnuplot scripts are fixed
 * files in scripts/; the program writes tab-separated data files (labels included)
 * and runs `gnuplot -c script.gp ARG...` through fork and execve, without a shell,
 * where every ARG is a path, a terminal name or a number the program built itself.
 * See docs/pitfalls.md (gnuplot).
 *
 * Which folder holds the scripts: $REGIORAPPORT_SCRIPTS; else `scripts` beside the
 * executable; else `../../scripts` from the executable's folder (build/san/); else
 * `./scripts`.
 */
#ifndef RR_CHARTS_H
#define RR_CHARTS_H

#include <glib.h>

#include "analyse/analyse.h"
#include "base/diag.h"
#include "load/model.h"
#include "cli/options.h"
#include "base/error.h"

/*
 * Writes every chart of the report into `dir` (created with its parents when
 * missing) in `format` (png, svg or pdf; never CHARTS_NONE):
 *
 *   status.EXT                    actions per status per owner, stacked bars
 *   tijdlijn.EXT                  every plan: term, extensions, midpoint, evaluation
 *   acties-tijdlijn-OWNER.EXT     one owner's action deadlines, coloured by signal
 *   cijfers-INDICATOR.EXT         an indicator per year per owner (and per 1,000)
 *   begroting.EXT                 budget per owner, year and action line
 *
 * The data files behind them stay in `dir`/data/ so that anyone can plot again.
 *
 * Anything short of a write failure is a warning added to `notes` (path: the chart
 * file, or "gnuplot"; line 0), not an error: gnuplot not installed (one warning, no
 * chart), the scripts not found, a chart without data (skipped), gnuplot failing on
 * one chart. Appends a g_strdup'ed path to `written` for every chart file made; the
 * caller frees them with g_free.
 *
 * Returns RR_OK, or RR_ERR_WRITE (with a message on stderr) when the folder cannot
 * be created or a data file cannot be written.
 */
rr_error charts_write_all(const rr_model *model, const rr_analysis *analysis, const char *dir,
                         chart_format format, diag_list *notes, GPtrArray *written);

#endif
