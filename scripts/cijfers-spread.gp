# cijfers-spread.gp - one indicator of many owners: per year the median and the spread
# (middle half, lowest to highest), municipalities and regions in panels side by side.
# Used instead of cijfers.gp when one line per owner would be unreadable.
#
# Run by regiorapport as   gnuplot -c cijfers-spread.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text is read from the data files below and only ever used as
# a string value: nothing from the data is code here. Keep it that way: no macros
# (@), no eval, no system(), no backquotes.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, panels, first year, last
#                      year, the legend's words: median, middle half, lowest to highest
#   PREFIX.panels.tsv  per panel: title, y label, top of its y axis
#   PREFIX.tsv         one block (index) per panel: year, lowest, first quartile,
#                      median, third quartile, highest, the median as text
#   PREFIX.yticksN.tsv the y ticks of panel N (value, text)

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    NP = int(column(5)), XMIN = column(6), XMAX = column(7), L_MEDIAN = strcol(8), \
    L_MIDDLE = strcol(9), L_RANGE = strcol(10), 0) nooutput
array PTITLE[NP]
array PYLABEL[NP]
array PTOP[NP]
stats ARG3.".panels.tsv" using (PTITLE[int(column(0)) + 1] = strcol(1), \
    PYLABEL[int(column(0)) + 1] = strcol(2), PTOP[int(column(0)) + 1] = column(3), 0) nooutput

if (ARG1 eq "pngcairo") {
    set terminal pngcairo size 1600,1000 noenhanced font "DejaVu Sans,14" linewidth 1.5
    FONT = 14
} else {
    if (ARG1 eq "svg") {
        set terminal svg size 1600,1000 noenhanced font "DejaVu Sans,14" linewidth 1.5 \
            background "#FFFFFF"
        FONT = 14
    } else {
        # The same picture on an A4 page (842 points wide). cairo's PDF draws a font at
        # 4/3 of its size times fontscale: 0.75 makes the sizes here the printed points.
        set terminal pdfcairo size 11.69,8.27 noenhanced fontscale 0.75 font "DejaVu Sans,8.7" linewidth 1
        FONT = 8.7
    }
}
# The smallest text: 9 pixels on a screen, 7 points on paper.
SMALLEST = ARG1 eq "pdfcairo" ? 7 : 9
TITLE_FONT = sprintf(",%.1f", FONT * 1.3)
PANEL_FONT = sprintf(",%.1f", FONT * 1.08)
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

BLUE = "#2E75B6"
set border 3 lc rgb "#606060"
set xrange [XMIN - 0.5:XMAX + 0.5]
set xtics 1 nomirror format "%.0f" scale 0.5
set ytics nomirror
set grid ytics lc rgb "#D9D9D9" lt 1
set xlabel XLABEL noenhanced
set style fill solid 1.0 noborder
set key at screen 0.5, character KEY_Y center bottom horizontal maxrows 1 reverse Left \
    noenhanced samplen 2.5 width 2
set multiplot title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced \
    layout 1,NP margins screen 0.08, screen 0.97, \
    character KEY_Y + 2 * 1.3 + 3.8, screen 0.85 spacing 0.08, 0
do for [i = 1:NP] {
    set title PTITLE[i] noenhanced font PANEL_FONT
    set ylabel PYLABEL[i] noenhanced
    set yrange [0:PTOP[i]]
    set ytics ()
    plot DATA index (i - 1) using 1:2:6 with filledcurves fc rgb "#DEEBF7" title L_RANGE, \
         DATA index (i - 1) using 1:3:5 with filledcurves fc rgb "#9DC3E6" title L_MIDDLE, \
         DATA index (i - 1) using 1:4 with linespoints lw 3 pt 7 ps 1.2 lc rgb BLUE \
            title L_MEDIAN, \
         DATA index (i - 1) using 1:4:7 with labels offset 0,1.1 tc rgb BLUE noenhanced notitle, \
         ARG3.sprintf(".yticks%d.tsv", i) using (NaN):1:ytic(2) notitle
    unset key
    unset label 99 # drawn once
}
unset multiplot
