# tijdlijn.gp - every plan as a Gantt bar: original term, extensions, midpoint,
# planned evaluation, and a line at the report date.
#
# Run by regiorapport as   gnuplot -c tijdlijn.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text is read from the data files below and only ever used as
# a string value: nothing from the data is code here. Keep it that way: no macros
# (@), no eval, no system(), no backquotes. Time is in fractional years (2022.0 is
# 1 January 2022).
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, rows, first year, last
#                      year, lowest y, report date, its label, then the legend's
#                      words: original term, extension, end unknown, start unknown,
#                      midpoint, evaluation; the twelve month abbreviations; the
#                      legend's words for the part after the regional plan's end,
#                      whether any plan runs past its regional plan (0/1)
#   PREFIX.tsv         per plan: owner, y, bar from, bar to, open from (end
#                      unknown), open to (start unknown), midpoint, evaluation, title,
#                      y of the midpoint and of the evaluation marker (apart when they
#                      would cover each other), the part after the regional plan's
#                      end: from, to
#   PREFIX.ext.tsv     per extension: y, from, to, number
#   PREFIX.groups.tsv  per region: y of its header, name, y of the line above it

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
EXT = ARG3.".ext.tsv"
GROUPS = ARG3.".groups.tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), ROWS = column(5), XMIN = column(6), XMAX = column(7), \
    YMIN = column(8), ASOF = column(9), ASOF_LABEL = strcol(10), L_ORIGINAL = strcol(11), \
    L_EXTENSION = strcol(12), L_OPEN_END = strcol(13), L_OPEN_START = strcol(14), \
    L_MIDPOINT = strcol(15), L_EVALUATION = strcol(16), MONTHS = strcol(17), L_PAST_PARENT = strcol(18), \
    PAST_PARENT = int(column(19)), 0) nooutput

# A4 landscape; lower for a few plans, taller for many: 48 pixels a line past 15, so
# that the two-line labels (owner, plan) of neighbouring rows stay apart.
LINES = -YMIN
H = LINES < 10 ? 520 + LINES * 48 : (LINES > 15 ? 280 + LINES * 48 : 1000)
if (ARG1 eq "pngcairo") {
    set terminal pngcairo size 1600,H noenhanced font "DejaVu Sans,13" linewidth 1.5
    FONT = 13
    PS = 1.0
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

BLUE = "#5B9BD5"
BLUE_DARK = "#2E75B6"
ORANGE = "#F4B183"
ORANGE_DARK = "#C55A11"
RED = "#C00000"

set title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced
set xlabel XLABEL noenhanced
set ylabel YLABEL noenhanced
# The legend in two rows across the whole width, under the axis, above the source.
set key at screen 0.5, character KEY_Y center bottom vertical maxrows 2 \
    reverse Left noenhanced samplen 2.5 width 2 spacing 1.3
set bmargin KEY_Y + 2 * 1.3 + 3.3
set border 3 lc rgb "#606060"
# Room after the last year, so that a bar ending on 31 December ends inside the frame.
XRIGHT = XMAX + (XMAX - XMIN) * 0.03
set xrange [XMIN:XRIGHT]
set yrange [YMIN - 0.3:0.7]
set ytics nomirror scale 0 tc rgb "#1F1F1F"
set ytics ()
set xtics nomirror scale 0
set xtics ()
# A year's label in its middle, a thin line at every 1 January, a dotted one per quarter.
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
set arrow from ASOF, graph 0 to ASOF, graph 1 nohead front lc rgb RED lw 2.5
set rmargin 4

HALF = 0.3
plot DATA using (($3 + $4) / 2):2:3:4:($2 - HALF):($2 + HALF) with boxxyerror \
        fs solid 1.0 border lc rgb BLUE_DARK fc rgb BLUE title L_ORIGINAL, \
     EXT using (($2 + $3) / 2):1:2:3:($1 - HALF):($1 + HALF) with boxxyerror \
        fs pattern 5 border lc rgb ORANGE_DARK fc rgb ORANGE_DARK title L_EXTENSION, \
     DATA using (($12 + $13) / 2):2:12:13:($2 - HALF):($2 + HALF) with boxxyerror \
        fs solid 1.0 border lc rgb RED lw 2 fc rgb "#F8CBAD" \
        title (PAST_PARENT ? L_PAST_PARENT : ""), \
     DATA using 5:2:(XRIGHT - $5):(0) with vectors nohead dt (6, 4) lw 5 lc rgb BLUE \
        title L_OPEN_END, \
     DATA using (XMIN):2:($6 - XMIN):(0) with vectors nohead dt (2, 3) lw 5 lc rgb BLUE_DARK \
        title L_OPEN_START, \
     DATA using 7:10 with points pt 13 ps 2.2 * PS lc rgb "#1F1F1F" title L_MIDPOINT, \
     DATA using 8:11 with points pt 9 ps 2.2 * PS lc rgb "#7030A0" title L_EVALUATION, \
     keyentry with lines lw 2.5 lc rgb RED title ASOF_LABEL, \
     GROUPS using (XMIN):3:(XRIGHT - XMIN):(0) with vectors nohead lc rgb "#7F7F7F" lw 1 notitle, \
     GROUPS using (XMIN):1:2 with labels left offset 0.6,0 font BOLD_FONT noenhanced notitle, \
     DATA using (NaN):2:ytic(strcol(1)."\n".strcol(9)) notitle
