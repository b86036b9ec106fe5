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
 * executable (the source tree); else `../../scripts` from the executable's folder
 * (build/san/); else the installed PREFIX/share/regiorapport (version_scripts_dir());
 * else `./scripts`.
 */
#ifndef RR_CHARTS_H
#define RR_CHARTS_H

#include <glib.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/diag.h"
#include "load/model.h"
#include "base/vocab.h"
#include "base/error.h"

/* Without --chart-timeout the whole chart phase gets this long plus this per chart:
 * gnuplot on a fixed script does not hang, but a chart must never stop the report. */
#define CHARTS_TIMEOUT_BASE 120
#define CHARTS_TIMEOUT_PER_CHART 10

/*
 * The charts of the report, for the folder `dir` in `format` (png, svg or pdf; never
 * CHARTS_NONE):
 *
 *   status.EXT                    actions per status per owner, stacked bars
 *   verloop.EXT                   each owner's shares at every meeting, stacked areas
 *   tijdlijn.EXT                  every plan: term, extensions, midpoint, evaluation
 *                                 (past 40 plans tijdlijn-REGION.EXT per region)
 *   acties-tijdlijn-OWNER.EXT     one owner's action deadlines, coloured by signal
 *   cijfers-INDICATOR.EXT         an indicator per year per owner (and per 1,000)
 *   begroting.EXT                 budget per owner, year and action line (past 8
 *                                 owners begroting-REGION.EXT per region)
 *
 * The data files behind them are in `dir`/data/ so that anyone can plot again.
 *
 * All or nothing: they are drawn into a temporary folder beside `dir`
 * (base/atomic.h), which the caller swaps in for `dir` as a whole, so a chart folder
 * holds the charts of one run only.
 *
 * Three steps, so that the workbook is written while gnuplot draws:
 *   charts_start()   writes every data file and starts the gnuplot processes;
 *   charts_finish()  waits for them, draws again alone what a batch did not finish;
 *   charts_folder()  the finished folder, for atomic_commit(); then charts_free().
 *
 * Anything short of a write failure is a warning added to `notes` (path: the chart
 * file, or "gnuplot", or `dir`; line 0), not an error: gnuplot not installed (one
 * warning, no chart, `dir` untouched), the scripts not found, a chart without data
 * (skipped), gnuplot failing on one chart, the deadline passed (one warning naming
 * every chart not drawn; every gnuplot still running is killed with its process
 * group). Errors (RR_ERR_WRITE, with an error in `notes`): the folder or a data file
 * cannot be written, or the system cannot start a process at all.
 */
typedef struct charts_drawing charts_drawing;

/*
 * Starts the chart phase: the deadline is `timeout_seconds` from now (0: the
 * default above). RR_OK with *drawing NULL when there is nothing to draw (gnuplot or
 * the scripts missing: a warning). The drawing keeps `notes`, `model` and
 * `analysis` until charts_free(). On an error nothing is left behind.
 */
rr_error charts_start(const rr_model *model, const rr_analysis *analysis, const char *dir,
                      rr_chart_format format, int timeout_seconds, diag_list *notes,
                      charts_drawing **drawing);

/* Waits for the drawing (never past its deadline) and checks every chart. Appends a
 * g_strdup'ed path under `dir` to `written` for every chart made (the caller frees
 * them with g_free); they are there once the folder is committed. */
rr_error charts_finish(charts_drawing *drawing, GPtrArray *written);

/* The temporary folder holding the charts, to commit (atomic_commit); owned by the
 * drawing, which removes what is left of it in charts_free(). */
atomic_out *charts_folder(charts_drawing *drawing);

/* Stops any gnuplot still running, removes the temporary folder (or, after a commit,
 * the previous charts) and frees the drawing. NULL is allowed. */
void charts_free(charts_drawing *drawing);

/* All three steps and the commit for `dir` alone, with the default deadline. */
rr_error charts_write_all(const rr_model *model, const rr_analysis *analysis, const char *dir,
                          rr_chart_format format, diag_list *notes, GPtrArray *written);

#endif
