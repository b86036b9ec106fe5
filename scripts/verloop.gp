# verloop.gp - each owner's progress from meeting to meeting: one panel per owner,
# the shares done / under way / not started / unknown stacked to 100 %.
#
# Run by regiorapport as   gnuplot -c verloop.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text (names, titles, the program's own words) is read from
# the data files below and only ever used as a string value: nothing from the data
# is code here. Keep it that way: no macros (@), no eval, no system(), no backquotes.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, owners, first x, last x
#                      (fractional years), number of series
#   PREFIX.series.tsv  per share, bottom up: label, colour
#   PREFIX.owners.tsv  per owner: the panel title, the line under it (its last report)
#   PREFIX.tsv         one block per owner, drawn as steps: x, then the upper edge of
#                      each share (%) from x to the next row's x; the last row only
#                      ends the block (at the meeting that counted the last report)

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), ROWS = int(column(5)), XMIN = column(6), XMAX = column(7), \
    NS = int(column(8)), 0) nooutput
array LABEL[NS]
array COLOUR[NS]
stats ARG3.".series.tsv" using (LABEL[int(column(0)) + 1] = strcol(1), \
    COLOUR[int(column(0)) + 1] = strcol(2), 0) nooutput
array OWNER[ROWS]
array LAST[ROWS]
stats ARG3.".owners.tsv" using (OWNER[int(column(0)) + 1] = strcol(1), \
    LAST[int(column(0)) + 1] = strcol(2), 0) nooutput

# The page grows with the number of rows of panels.
# Three panels a row; six for a country's worth of owners. cairo draws no surface over
# 32,767 pixels, so a very long chart gets lower panels instead of failing.
COLS = ROWS < 3 ? ROWS : (ROWS <= 30 ? 3 : 6)
PANEL_ROWS = int((ROWS + COLS - 1) / COLS)
PANEL_H = 220 + PANEL_ROWS * 330 > 30000 ? int((30000 - 220) / PANEL_ROWS) : 330
H = 220 + PANEL_ROWS * PANEL_H
if (ARG1 eq "pngcairo") {
    set terminal pngcairo size 1600,H noenhanced font "DejaVu Sans,13" linewidth 1.5
    FONT = 13
} else {
    if (ARG1 eq "svg") {
        set terminal svg size 1600,H noenhanced font "DejaVu Sans,13" linewidth 1.5 \
            background "#FFFFFF"
        FONT = 13
    } else {
        # The same picture on an A4 page (842 points wide). cairo's PDF draws a font at
        # 4/3 of its size times fontscale: 0.75 makes the sizes here the printed points.
        set terminal pdfcairo size 11.69,(11.69 * H / 1600.0) noenhanced fontscale 0.75 \
            font "DejaVu Sans,8" linewidth 1
        FONT = 8
    }
}
# The smallest text: 9 pixels on a screen, 7 points on paper.
SMALLEST = ARG1 eq "pdfcairo" ? 7 : 9
TITLE_FONT = sprintf(",%.1f", FONT * 1.3)
PANEL_FONT = sprintf(",%.1f", FONT * 1.05)
set output ARG2
# Where the data came from (PREFIX.source.tsv: files, folder, report date): two small
# lines on the bottom rows of the page, left, under everything else. The bottom band is
# counted in lines of text (gnuplot's character units), not in parts of the page, so it
# holds whatever the chart's height: the source up to 2 lines, the legend from KEY_Y up,
# then the axis's ticks and label. Nothing else comes down into that band.
stats ARG3.".source.tsv" using (SOURCE = strcol(1)."\n".strcol(2), 0) nooutput
SOURCE_SIZE = FONT * 0.85 < SMALLEST ? SMALLEST : FONT * 0.85
set label 99 SOURCE at character 1, character 1.45 left front tc rgb "#595959" \
    font sprintf(",%.1f", SOURCE_SIZE) noenhanced
KEY_Y = 2.5
set termoption noenhanced

# The page title and the legend take fixed bands at the top and the bottom.
# At the bottom: the source, then the legend's (up to) two rows, about 24 pixels a line.
TOP = 1.0 - 150.0 / H
BOTTOM = (KEY_Y + 2 * 1.2 + 0.6) * 24.0 / H
set multiplot title TITLE."\n".SUBTITLE font TITLE_FONT
set border 3 lc rgb "#606060"
set xtics nomirror out
set ytics nomirror out 0, 25, 100
set grid ytics lc rgb "#D9D9D9" lt 1
set xrange [XMIN:XMAX]
set yrange [0:100]
set style fill solid 1.0 noborder
# Whole years as ticks; months within a short span.
set xtics ()
do for [year = int(XMIN) + 1:int(XMAX)] {
    set xtics add (sprintf("%d", year) year)
}
if (XMAX - XMIN < 1.5) {
    set xtics add ("" XMIN + 0.25, "" XMIN + 0.5, "" XMIN + 0.75)
}
set ylabel YLABEL noenhanced
W = 1.0 / COLS
PH = (TOP - BOTTOM) / PANEL_ROWS
do for [i = 1:ROWS] {
    col = (i - 1) % COLS
    row = int((i - 1) / COLS)
    set origin col * W, TOP - (row + 1) * PH
    set size W, PH
    set title OWNER[i]."\n".LAST[i] font PANEL_FONT noenhanced
    if (i == 1) {
        set key at screen 0.5, character KEY_Y center bottom horizontal maxrows 1 reverse Left \
            noenhanced samplen 1.5 width 3
    } else {
        unset key
    }
    if (col > 0) {
        unset ylabel
    }
    # Steps, the top share first and each lower one over it: every band is the part
    # between its upper edge and the next lower one's.
    plot for [k=1:NS] keyentry with boxes fc rgb COLOUR[k] title LABEL[k], \
         for [k=NS:1:-1] DATA index (i - 1) using 1:(column(k + 1)) \
            with fillsteps fc rgb COLOUR[k] notitle
    unset label 99 # drawn once
}
unset multiplot
