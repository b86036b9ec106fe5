# begroting.gp - budget per owner and year, stacked by action line.
#
# Run by regiorapport as   gnuplot -c begroting.gp TERMINAL OUTPUT PREFIX
# TERMINAL is pngcairo, svg or pdfcairo; OUTPUT and PREFIX are absolute paths the
# program built. Every text is read from the data files below and only ever used as
# a string value: nothing from the data is code here. Keep it that way: no macros
# (@), no eval, no system(), no backquotes. Amounts in euros.
#
#   PREFIX.source.tsv  where the data came from: two lines for the bottom rows
#   PREFIX.meta.tsv    title, subtitle, x label, y label, rows (bars), x from, x to,
#                      y top, number of series (action lines)
#   PREFIX.series.tsv  per action line: label
#   PREFIX.tsv         per stack segment: x, bottom, top, series number
#   PREFIX.bars.tsv    per bar: x, total, total as text, year
#   PREFIX.groups.tsv  per owner: x of the middle of its bars, name
#   PREFIX.yticks.tsv  per y tick: amount, amount as text ("€ 30.000")

set datafile separator "\t"
set datafile commentschars ""
set encoding utf8

DATA = ARG3.".tsv"
BARS = ARG3.".bars.tsv"
GROUPS = ARG3.".groups.tsv"
YTICKS = ARG3.".yticks.tsv"
stats ARG3.".meta.tsv" using (TITLE = strcol(1), SUBTITLE = strcol(2), XLABEL = strcol(3), \
    YLABEL = strcol(4), ROWS = column(5), XMIN = column(6), XMAX = column(7), \
    YMAX = column(8), NS = int(column(9)), 0) nooutput
array LABEL[NS]
stats ARG3.".series.tsv" using (LABEL[int(column(0)) + 1] = strcol(1), 0) nooutput

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

PALETTE = "#2E75B6 #ED7D31 #70AD47 #7030A0 #FFC000 #C00000 #264478 #9E480E #43682B #7F7F7F"
COLOUR(i) = word(PALETTE, (i - 1) % 10 + 1)

set title TITLE."\n".SUBTITLE font TITLE_FONT noenhanced
set xlabel XLABEL noenhanced
set ylabel YLABEL noenhanced offset -1,0
# The legend under the owners' names, above the source, with the room it needs kept
# free. Action lines are long: one per row.
set key at screen 0.5, character KEY_Y center bottom vertical maxcols 1 \
    reverse Left noenhanced samplen 2 width 1 spacing 1.25
# Many bars (a region's municipalities, four years each) leave no room for a total
# above each bar or a year beside the next: then the years stand upright (smaller), the owners'
# names slant down to the left from the middle of their bars, and the totals are left
# to the axis.
DENSE = XMAX - XMIN > 24
stats GROUPS using (strlen(strcol(2))) nooutput
LONGEST = STATS_max
NG = int(STATS_records)
array GX[NG]
array GNAME[NG]
stats GROUPS using (GX[int(column(0)) + 1] = column(1), GNAME[int(column(0)) + 1] = strcol(2), 0) \
    nooutput
NAMES_H = DENSE ? 1.5 + LONGEST * 0.62 * sin(35 * pi / 180) : 2
set bmargin KEY_Y + 1.25 * NS + (DENSE ? 3 : 1.5) + NAMES_H + 1
set border 3 lc rgb "#606060"
set xrange [XMIN:XMAX]
set yrange [0:YMAX]
set xtics nomirror scale 0
if (DENSE) {
    set xtics rotate by 90 right font SMALL_FONT
}
set xtics ()
set ytics nomirror
set ytics ()
set grid ytics lc rgb "#D9D9D9" lt 1
set style fill solid 1.0 border lc rgb "#FFFFFF"
set lmargin 16

# Each owner's name under the middle of its bars. Labels, not a plot of GROUPS: gnuplot
# 5.4 crashes on a plot of labels whose points are all skipped.
do for [i = 1:NG] {
    if (DENSE) {
        set label 100 + i GNAME[i] at first GX[i], first 0 right rotate by 35 offset 0.5, -3.6 \
            font BOLD_FONT noenhanced
    } else {
        set label 100 + i GNAME[i] at first GX[i], first 0 center offset 0, -2.6 \
            font BOLD_FONT noenhanced
    }
}

HALF = 0.36
plot for [k=1:NS] DATA using (int($4) == k ? $1 : NaN):(($2 + $3) / 2):($1 - HALF):($1 + HALF):2:3 \
        with boxxyerror fc rgb COLOUR(k) title LABEL[k], \
     BARS using 1:(DENSE ? NaN : $2):3 with labels offset 0,0.9 noenhanced notitle, \
     BARS using 1:(NaN):xtic(4) notitle, \
     YTICKS using (NaN):1:ytic(2) notitle
