# status.gp - actions per status per owner: stacked horizontal bars.
#
# Run by regiorapport as   gnuplot -c status.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text (names, titles, the program's own words) is read from
# the data files below and only ever used as a string value: nothing from the data
# is code here. Keep it that way: no macros (@), no eval, no system(), no backquotes.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, rows, lowest y, highest
#                      total, number of series
#   PREFIX.series.tsv  per status: label, colour, text colour
#   PREFIX.tsv         per owner: name, y, total, then per series: from, to, count

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), ROWS = column(5), YMIN = column(6), XMAX = column(7), \
    NS = int(column(8)), 0) nooutput
array LABEL[NS]
array COLOUR[NS]
array TEXTCOLOUR[NS]
stats ARG3.".series.tsv" using (LABEL[int(column(0)) + 1] = strcol(1), \
    COLOUR[int(column(0)) + 1] = strcol(2), TEXTCOLOUR[int(column(0)) + 1] = strcol(3), 0) nooutput

# A4 landscape; taller when there are many owners, so that bars stay readable.
H = ROWS > 18 ? 1000 + (ROWS - 18) * 40 : 1000
if (ARG1 eq "pngcairo") {
    set terminal pngcairo size 1600,H noenhanced font "DejaVu Sans,14" linewidth 1.5
    FONT = 14
    PS = 1.0
} else {
    if (ARG1 eq "svg") {
        set terminal svg size 1600,H noenhanced font "DejaVu Sans,14" linewidth 1.5 \
            background "#FFFFFF"
        FONT = 14
        PS = 1.0
    } else {
        # The same picture on an A4 page (842 points wide). cairo's PDF draws a font at
        # 4/3 of its size times fontscale: 0.75 makes the sizes here the printed points.
        set terminal pdfcairo size 11.69,(8.27 * H / 1000.0) noenhanced fontscale 0.75 \
            font "DejaVu Sans,8.7" linewidth 1
        FONT = 8.7
        PS = 0.55
    }
}
# The smallest text: 9 pixels on a screen, 7 points on paper.
SMALLEST = ARG1 eq "pdfcairo" ? 7 : 9
TITLE_FONT = sprintf(",%.1f", FONT * 1.3)
PANEL_FONT = sprintf(",%.1f", FONT * 1.08)
SMALL_FONT = sprintf(",%.1f", FONT * 0.82)
BOLD_FONT = sprintf(":Bold,%.1f", FONT)
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

set title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced
set xlabel XLABEL noenhanced
set ylabel YLABEL noenhanced
# The legend under the axis label, in one row (two for many statuses), above the source.
KEY_ROWS = NS > 5 ? 2 : 1
set key at screen 0.5, character KEY_Y center bottom vertical maxrows KEY_ROWS \
    reverse Left noenhanced samplen 1.5 width 3 spacing 1.3
set bmargin KEY_Y + KEY_ROWS * 1.3 + 3.3
set border 3 lc rgb "#606060"
set xtics nomirror out
set ytics nomirror scale 0 tc rgb "#1F1F1F"
set ytics ()
set grid xtics lc rgb "#D9D9D9" lt 1
set xrange [0:XMAX * 1.08 + 0.5]
set yrange [YMIN - 0.7:0.7]
set style fill solid 1.0 border lc rgb "#FFFFFF"

HALF = 0.36
FROM(k) = column(3 * k + 1)
TO(k) = column(3 * k + 2)
COUNT(k) = column(3 * k + 3)
# A count is written inside its segment only where it fits.
SMALL = XMAX / 30.0 > 1 ? XMAX / 30.0 : 1
INSIDE(k) = COUNT(k) >= SMALL ? sprintf("%d", COUNT(k)) : ""

plot for [k=1:NS] DATA using ((FROM(k) + TO(k)) / 2):2:(FROM(k)):(TO(k)):($2 - HALF):($2 + HALF) \
        with boxxyerror fc rgb COLOUR[k] title LABEL[k], \
     for [k=1:NS] DATA using ((FROM(k) + TO(k)) / 2):2:(INSIDE(k)) \
        with labels tc rgb TEXTCOLOUR[k] noenhanced notitle, \
     DATA using 3:2:(sprintf(" %d", column(3))) with labels left noenhanced notitle, \
     DATA using (NaN):2:ytic(1) notitle
