# cijfers.gp - one indicator per year per owner: absolute, and per 1,000
# inhabitants where the population is known. Suppressed values are marked on the
# axis, never drawn as 0.
#
# Run by regiorapport as   gnuplot -c cijfers.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text is read from the data files below and only ever used as
# a string value: nothing from the data is code here. Keep it that way: no macros
# (@), no eval, no system(), no backquotes.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, rows (owners), first year,
#                      last year, any per 1,000 (0/1), any suppressed (0/1), panel
#                      titles (absolute, per 1,000), y label per 1,000, the
#                      suppressed marker's label and legend, top of each y axis
#                      (absolute, per 1,000), split (0/1: regions and municipalities
#                      in separate absolute panels), the titles of those two
#                      panels, top of the regions' y axis
#   PREFIX.series.tsv  per owner: name, 1 for a region drawn in the regions' panel
#   PREFIX.tsv         one block (index) per owner: year, value, per 1,000,
#                      0 where suppressed, value as text, per 1,000 as text
#   PREFIX.yticks.tsv, PREFIX.yticks2.tsv, PREFIX.yticks3.tsv   y ticks of the
#                      absolute (municipalities'), per 1,000 and regions' panels

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), NS = int(column(5)), XMIN = column(6), XMAX = column(7), \
    PER_THOUSAND = int(column(8)), SUPPRESSED = int(column(9)), T_ABSOLUTE = strcol(10), \
    T_PER_THOUSAND = strcol(11), YLABEL2 = strcol(12), L_SUPPRESSED = strcol(13), \
    LEGEND_SUPPRESSED = strcol(14), YTOP = column(15), YTOP2 = column(16), \
    SPLIT = int(column(17)), T_REGIONS = strcol(18), T_MUNICIPALITIES = strcol(19), \
    YTOP3 = column(20), 0) nooutput
array LABEL[NS]
array REGION[NS]
stats ARG3.".series.tsv" using (LABEL[int(column(0)) + 1] = strcol(1), \
    REGION[int(column(0)) + 1] = int(column(2)), 0) nooutput

if (ARG1 eq "pngcairo") {
    set terminal pngcairo size 1600,1000 noenhanced font "DejaVu Sans,14" linewidth 1.5
    FONT = 14
    PS = 1.0
} else {
    if (ARG1 eq "svg") {
        set terminal svg size 1600,1000 noenhanced font "DejaVu Sans,14" linewidth 1.5 \
            background "#FFFFFF"
        FONT = 14
        PS = 1.0
    } else {
        # The same picture on an A4 page (842 points wide). cairo's PDF draws a font at
        # 4/3 of its size times fontscale: 0.75 makes the sizes here the printed points.
        set terminal pdfcairo size 11.69,8.27 noenhanced fontscale 0.75 font "DejaVu Sans,8.7" linewidth 1
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

PALETTE = "#2E75B6 #ED7D31 #548235 #7030A0 #BF8F00 #C00000 #264478 #9E480E #43682B #7F7F7F"
COLOUR(i) = word(PALETTE, (i - 1) % 10 + 1)

set border 3 lc rgb "#606060"
set xrange [XMIN - 0.5:XMAX + 0.5]
set xtics 1 nomirror format "%.0f" scale 0.5
set ytics nomirror
set ytics ()
set grid ytics lc rgb "#D9D9D9" lt 1
set xlabel XLABEL noenhanced
# One legend for both panels, centred under them.
KEY_ROWS = NS + SUPPRESSED > 4 ? 2 : 1
set key at screen 0.5, character KEY_Y center bottom vertical maxrows KEY_ROWS \
    reverse Left noenhanced samplen 2.5 width 1 spacing 1.3
set pointsize 1.6 * PS

PANELS = (SPLIT ? 2 : 1) + (PER_THOUSAND ? 1 : 0)
set multiplot title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced \
    layout 1,PANELS margins screen 0.08, screen 0.97, \
    character KEY_Y + KEY_ROWS * 1.3 + 3.8, screen 0.85 spacing (PANELS > 2 ? 0.07 : 0.08), 0

# A region's total is ten or twenty times a municipality's: on one axis the
# municipalities lie flat on the floor. Split, regions get a panel of their own first.
# IN(i) is whether series i belongs in the absolute panel being drawn (R: regions').
IN(i, R) = !SPLIT || REGION[i] == R
# The legend (every owner) goes with the first panel.
set ylabel YLABEL noenhanced
do for [R = (SPLIT ? 1 : 0):0:-1] {
    set title (SPLIT ? (R ? T_REGIONS : T_MUNICIPALITIES) : T_ABSOLUTE) noenhanced \
        font PANEL_FONT
    set yrange [0:(SPLIT && R ? YTOP3 : YTOP)]
    TICKS = ARG3.(SPLIT && R ? ".yticks3.tsv" : ".yticks.tsv")
    plot for [i=1:NS] keyentry with linespoints lw 2.5 pt 7 lc rgb COLOUR(i) title LABEL[i], \
         for [i=1:NS] DATA index (i - 1) using 1:(IN(i, R) ? $2 : NaN) \
            with linespoints lw 2.5 pt 7 lc rgb COLOUR(i) notitle, \
         for [i=1:NS] DATA index (i - 1) using 1:(IN(i, R) ? $2 : NaN):5 \
            with labels offset 0,1.1 tc rgb COLOUR(i) noenhanced notitle, \
         for [i=1:NS] DATA index (i - 1) using 1:(IN(i, R) ? $4 : NaN) \
            with points pt 6 ps 2.4 * PS lw 2 lc rgb COLOUR(i) notitle, \
         for [i=1:NS] DATA index (i - 1) using 1:(IN(i, R) ? $4 : NaN):(L_SUPPRESSED) \
            with labels offset 0,1.4 tc rgb COLOUR(i) noenhanced notitle, \
         keyentry with points pt 6 ps 2.4 * PS lw 2 lc rgb "#404040" \
            title (SUPPRESSED ? LEGEND_SUPPRESSED : ""), \
         TICKS using (NaN):1:ytic(2) notitle
    unset key
    unset label 99 # drawn once
}

# Per 1,000 inhabitants: only owners whose population is known.
if (PER_THOUSAND) {
    set title T_PER_THOUSAND noenhanced font PANEL_FONT
    set ylabel YLABEL2 noenhanced
    unset key
    set yrange [0:YTOP2]
    plot for [i=1:NS] DATA index (i - 1) using 1:3 \
            with linespoints lw 2.5 pt 7 lc rgb COLOUR(i) title LABEL[i], \
         for [i=1:NS] DATA index (i - 1) using 1:3:6 \
            with labels offset 0,1.1 tc rgb COLOUR(i) noenhanced notitle, \
         for [i=1:NS] DATA index (i - 1) using 1:4 \
            with points pt 6 ps 2.4 * PS lw 2 lc rgb COLOUR(i) notitle, \
         for [i=1:NS] DATA index (i - 1) using 1:4:(L_SUPPRESSED) \
            with labels offset 0,1.4 tc rgb COLOUR(i) noenhanced notitle, \
         ARG3.".yticks2.tsv" using (NaN):1:ytic(2) notitle
}
unset multiplot
