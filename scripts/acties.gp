# acties.gp - one owner's action deadlines over time, coloured by signal.
#
# Run by regiorapport as   gnuplot -c acties.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text is read from the data files below and only ever used as
# a string value: nothing from the data is code here. Keep it that way: no macros
# (@), no eval, no system(), no backquotes. Time is in fractional years.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, rows, first year, last
#                      year, lowest y, report date, its label, next meeting, its
#                      label, the legend's words for the bars and dots, the
#                      twelve month abbreviations (space-separated)
#   PREFIX.series.tsv  per signal (green, amber, red): label, colour, light colour
#   PREFIX.tsv         per action, by deadline: label, y, planned from, deadline,
#                      signal (0 green, 1 amber, 2 red), status

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), ROWS = column(5), XMIN = column(6), XMAX = column(7), \
    YMIN = column(8), ASOF = column(9), ASOF_LABEL = strcol(10), NEXT = column(11), \
    NEXT_LABEL = strcol(12), L_PLANNED = strcol(13), MONTHS = strcol(14), 0) nooutput
array LABEL[3]
array COLOUR[3]
array LIGHT[3]
stats ARG3.".series.tsv" using (LABEL[int(column(0)) + 1] = strcol(1), \
    COLOUR[int(column(0)) + 1] = strcol(2), LIGHT[int(column(0)) + 1] = strcol(3), 0) nooutput

# A4 landscape; lower for a few actions, taller for many.
H = ROWS < 10 ? 520 + ROWS * 48 : (ROWS > 22 ? 1000 + (ROWS - 22) * 34 : 1000)
if (ARG1 eq "pngcairo") {
    # The 1600-pixel layout scaled by 0.7 (1120 pixels wide; a projector scales it up):
    # half the pixels. There is one such chart per owner, so at national scale their
    # PNG encoding is most of the chart time (bench/NOTES.md).
    set terminal pngcairo size 1120,int(H * 0.7) noenhanced font "DejaVu Sans,10" \
        linewidth 1.05
    FONT = 10
    PS = 0.7
} else {
    if (ARG1 eq "svg") {
        set terminal svg size 1600,H noenhanced font "DejaVu Sans,13" linewidth 1.5 \
            background "#FFFFFF"
        FONT = 13
        PS = 1.0
    } else {
        # The same picture on an A4 page (842 points wide). cairo's PDF draws a font at
        # 4/3 of its size times fontscale: 0.75 makes the sizes here the printed points.
        set terminal pdfcairo size 11.69,(8.27 * H / 1000.0) noenhanced fontscale 0.75 \
            font "DejaVu Sans,8.1" linewidth 1
        FONT = 8.1
        PS = 0.55
    }
}
# The smallest text: 9 pixels on a screen, 7 points on paper.
SMALLEST = ARG1 eq "pdfcairo" ? 7 : 9
TITLE_FONT = sprintf(",%.1f", FONT * 1.3)
PANEL_FONT = sprintf(",%.1f", FONT * 1.08)
# The status beside a deadline stays legible: never under SMALLEST.
SMALL_FONT = sprintf(",%.1f", FONT * 0.82 < SMALLEST ? SMALLEST : FONT * 0.82)
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

RED = "#C00000"

set title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced
set xlabel XLABEL noenhanced
set ylabel YLABEL noenhanced
# The legend in three rows, under the axis, above the source.
set key at screen 0.5, character KEY_Y center bottom vertical maxrows 3 \
    reverse Left noenhanced samplen 2 width 2 spacing 1.25
set bmargin KEY_Y + 3 * 1.25 + 3
set border 3 lc rgb "#606060"
# Room on the right for the status beside the last deadlines.
set xrange [XMIN:XMAX + (XMAX - XMIN) * 0.08]
set yrange [YMIN - 0.3:0.7]
set ytics nomirror scale 0 tc rgb "#1F1F1F"
set ytics ()
set xtics nomirror scale 0
set xtics ()
# Up to three years: quarters named ("jan 2023", "apr", ...); longer: a year's label
# in its middle. A thin line at every 1 January, a dotted one per quarter.
SHOW_MONTHS = XMAX - XMIN <= 3.5
do for [year = int(XMIN):int(XMAX) - 1] {
    if (SHOW_MONTHS) {
        set xtics add (sprintf("%s %d", word(MONTHS, 1), year) year)
        do for [q = 1:3] {
            set xtics add (word(MONTHS, 3 * q + 1) year + q / 4.0)
        }
    } else {
        set xtics add (sprintf("%d", year) year + 0.5)
    }
    set arrow from year, graph 0 to year, graph 1 nohead back lc rgb "#BFBFBF" lw 1
    do for [q = 1:3] {
        Q = year + q / 4.0
        set arrow from Q, graph 0 to Q, graph 1 nohead back lc rgb "#E7E7E7" lw 0.7 dt 3
    }
}
if (SHOW_MONTHS) {
    set xtics add (sprintf("%s %d", word(MONTHS, 1), int(XMAX)) int(XMAX))
}
set arrow from int(XMAX), graph 0 to int(XMAX), graph 1 nohead back lc rgb "#BFBFBF" lw 1
# Room right of the frame too: a status beside a deadline at the very end ("in progress")
# stays on the page.
set rmargin 9

HALF = 0.22
IS(s) = int(column(5)) == s - 1
# The report date and the next meeting are drawn over the bars but under the dots and
# the statuses, which stand on a white box: a line never crosses a status word.
set style textbox opaque noborder margins 1, 1
Y0 = YMIN - 0.3
Y1 = 0.7
plot for [s=1:3] DATA using (IS(s) ? ($3 + $4) / 2 : NaN):2:3:4:($2 - HALF):($2 + HALF) \
        with boxxyerror fs solid 1.0 noborder fc rgb LIGHT[s] notitle, \
     "+" using (ASOF):(Y0):(0):(Y1 - Y0) every ::0::0 with vectors nohead lw 2.5 \
        lc rgb RED notitle, \
     "+" using (NEXT):(Y0):(0):(Y1 - Y0) every ::0::0 with vectors nohead lw 2 dt (8, 5) \
        lc rgb "#404040" notitle, \
     keyentry with boxes fs solid 1.0 noborder fc rgb "#FFFFFF" title L_PLANNED, \
     for [s=1:3] DATA using (IS(s) ? $4 : NaN):2 \
        with points pt 7 ps 2 * PS lc rgb COLOUR[s] notitle, \
     for [s=1:3] keyentry with boxes fs solid 1.0 border lc rgb COLOUR[s] lw 2 \
        fc rgb LIGHT[s] title LABEL[s], \
     DATA using 4:2:6 with labels left offset 1.2,0 boxed tc rgb "#595959" font SMALL_FONT \
        noenhanced notitle, \
     keyentry with lines lw 2.5 lc rgb RED title ASOF_LABEL, \
     keyentry with lines lw 2 dt (8, 5) lc rgb "#404040" title NEXT_LABEL, \
     DATA using (NaN):2:ytic(1) notitle
