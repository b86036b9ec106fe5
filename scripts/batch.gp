# batch.gp - draws several charts in one gnuplot process.
#
# Run by regiorapport as   gnuplot -c batch.gp SCRIPTS TERMINAL JOBS
# SCRIPTS is the absolute folder of the chart scripts, TERMINAL is pngcairo, svg or
# pdfcairo, JOBS an absolute path to a tab-separated file with one chart per row:
#
#   script name (status.gp, tijdlijn.gp, acties.gp, cijfers.gp, cijfers-spread.gp,
#   begroting.gp or verloop.gp)
#   output file, absolute
#   data prefix, absolute
#
# Each row does exactly what `gnuplot -c SCRIPTS/NAME TERMINAL OUTPUT PREFIX` does,
# without starting gnuplot again (its start-up is most of the time of a small chart).
# The paths are only ever string values here, never code: no macros (@), no eval,
# no system(), no backquotes. regiorapport writes a path into JOBS only when it holds
# no tab, line break, double quote or backslash (which gnuplot would read otherwise);
# such a chart is drawn on its own instead.
#
# On an error gnuplot stops, and the charts after it in JOBS are not drawn;
# regiorapport then draws each missing one on its own, to report its own error.
# Variables here start with RR_ so that the chart scripts, which share them, never
# overwrite them.

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

RR_KNOWN = "|status.gp|tijdlijn.gp|acties.gp|cijfers.gp|begroting.gp|verloop.gp|cijfers-spread.gp|"
RR_FOLDER = ARG1
RR_TERMINAL = ARG2

stats ARG3 using (0) nooutput
RR_JOBS = int(STATS_records)
array RR_SCRIPT[RR_JOBS]
array RR_OUTPUT[RR_JOBS]
array RR_PREFIX[RR_JOBS]
stats ARG3 using (RR_SCRIPT[int(column(0)) + 1] = strcol(1), \
    RR_OUTPUT[int(column(0)) + 1] = strcol(2), RR_PREFIX[int(column(0)) + 1] = strcol(3), 0) \
    nooutput

do for [RR_JOB = 1:RR_JOBS] {
    if (strstrt(RR_KNOWN, "|" . RR_SCRIPT[RR_JOB] . "|") == 0) {
        exit error "batch.gp: unknown chart script in the job list"
    }
    reset
    RR_FILE = RR_FOLDER . "/" . RR_SCRIPT[RR_JOB]
    RR_OUT = RR_OUTPUT[RR_JOB]
    RR_DATA = RR_PREFIX[RR_JOB]
    call RR_FILE RR_TERMINAL RR_OUT RR_DATA
    # Closes the chart file, so that it is complete before the next one starts.
    set output
}
