/* textfit.c - the room a printed text takes (see textfit.h). */
#include "xlsx/textfit.h"

#include <glib.h>
#include <string.h>

/* Carlito Regular's advance widths in 1/1000 em, U+0020 .. U+00FF (0 where no
 * printable character is). */
static const unsigned short latin[224] = {
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386,
    507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463,
    894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662,
    517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498,
    291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527,
    525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498, 0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    260, 326, 498, 507, 498, 507, 498, 498, 393, 834, 402, 512, 498, 310, 507, 394,
    339, 498, 336, 334, 292, 550, 586, 252, 307, 246, 422, 512, 636, 671, 675, 463,
    579, 579, 579, 579, 579, 579, 763, 533, 488, 488, 488, 488, 252, 252, 252, 252,
    625, 646, 662, 662, 662, 662, 662, 498, 664, 642, 642, 642, 642, 487, 517, 527,
    479, 479, 479, 479, 479, 479, 773, 423, 498, 498, 498, 498, 229, 229, 229, 229,
    525, 525, 527, 527, 527, 527, 527, 498, 529, 525, 525, 525, 525, 453, 525, 453,
};

/* Bold is about 4 % wider than regular in Carlito; a little more, to be safe. */
#define BOLD_FACTOR 1.06
/* Other characters: the ones punctuation uses, else a wide letter's width. */
static unsigned char_width(gunichar c)
{
    if (c >= 0x20 && c < 0x100 && latin[c - 0x20])
        return latin[c - 0x20];
    switch (c) {
    case 0x20AC: return 507; /* € */
    case 0x2026: return 690; /* … */
    case 0x2013: return 498; /* – */
    case 0x2014: return 905; /* — */
    case 0x2018: case 0x2019: return 250;
    case 0x201C: case 0x201D: return 418;
    default: return 700;
    }
}

double textfit_column_points(double width_chars)
{
    /* Excel gives width w about w * 7 + 5 pixels at 96 dpi, LibreOffice with Carlito
     * about w * 7.4 + 5; both keep about 3 pixels of padding on each side. Between the
     * two, so a line breaks where it would on either. */
    double pixels = width_chars * 7.2 - 1.0;
    return pixels > 0 ? pixels * 0.75 : 0;
}

double textfit_column_points_excel(double width_chars)
{
    return width_chars > 0 ? width_chars * 7.0 * 0.75 : 0;
}

double textfit_width(const char *text, double size, bool bold)
{
    double units = 0;
    for (const char *p = text; p && *p; p = g_utf8_next_char(p))
        units += char_width(g_utf8_get_char(p));
    return units / 1000.0 * size * (bold ? BOLD_FACTOR : 1.0);
}

/* The width of the character at `p` in points. */
static double char_points(const char *p, double size, bool bold)
{
    return char_width(g_utf8_get_char(p)) / 1000.0 * size * (bold ? BOLD_FACTOR : 1.0);
}

/* Breaks `text` into lines of at most `width` points; appends each line to `out`
 * (when not NULL) and returns their number. Explicit newlines start a new line. */
static int wrap(const char *text, double width, double size, bool bold, GPtrArray *out)
{
    int lines = 0;
    char **paragraphs = g_strsplit(text ? text : "", "\n", -1);
    for (char **para = paragraphs; *para; para++) {
        char **words = g_strsplit(*para, " ", -1);
        GString *line = g_string_new(NULL);
        for (char **w = words; *w; w++) {
            if (!**w)
                continue;
            gchar *trial = line->len ? g_strconcat(line->str, " ", *w, NULL) : g_strdup(*w);
            if (line->len && textfit_width(trial, size, bold) > width) {
                lines++;
                if (out)
                    g_ptr_array_add(out, g_strdup(line->str));
                g_string_assign(line, *w);
            } else {
                g_string_assign(line, trial);
            }
            g_free(trial);
            /* A word longer than the line: broken where it reaches the edge. */
            while (textfit_width(line->str, size, bold) > width && g_utf8_strlen(line->str, -1) > 1) {
                const char *cut = line->str;
                double used = 0;
                while (*cut) {
                    double w1 = char_points(cut, size, bold);
                    if (used + w1 > width && cut != line->str)
                        break;
                    used += w1;
                    cut = g_utf8_next_char(cut);
                }
                lines++;
                if (out)
                    g_ptr_array_add(out, g_strndup(line->str, (gsize)(cut - line->str)));
                g_string_erase(line, 0, cut - line->str);
            }
        }
        lines++;
        if (out)
            g_ptr_array_add(out, g_strdup(line->str));
        g_string_free(line, TRUE);
        g_strfreev(words);
    }
    g_strfreev(paragraphs);
    return lines > 0 ? lines : 1;
}

int textfit_lines(const char *text, double width, double size, bool bold)
{
    return wrap(text, width, size, bold, NULL);
}

char *textfit_cut(const char *text, double width, double size, bool bold, int max_lines,
                  int *lines)
{
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    int n = wrap(text, width, size, bold, all);
    if (n <= max_lines || max_lines < 1) {
        g_ptr_array_free(all, TRUE);
        if (lines)
            *lines = n;
        return g_strdup(text ? text : "");
    }
    /* The first max_lines lines, then words dropped from the end until "…" fits. */
    GString *kept = g_string_new(NULL);
    for (int i = 0; i < max_lines - 1; i++) {
        g_string_append(kept, g_ptr_array_index(all, i));
        g_string_append_c(kept, ' ');
    }
    GString *last = g_string_new(g_ptr_array_index(all, max_lines - 1));
    for (;;) {
        gchar *trial = g_strconcat(last->str, "…", NULL);
        bool fits = textfit_width(trial, size, bold) <= width;
        g_free(trial);
        if (fits)
            break;
        char *space = strrchr(last->str, ' ');
        if (space)
            g_string_truncate(last, (gsize)(space - last->str));
        else if (last->len > 0)
            g_string_truncate(last, (gsize)(g_utf8_prev_char(last->str + last->len) - last->str));
        else
            break;
    }
    /* No dangling punctuation before the ellipsis. */
    while (last->len && strchr(" ,;:(-", last->str[last->len - 1]))
        g_string_truncate(last, last->len - 1);
    g_string_append(kept, last->str);
    g_string_append(kept, "…");
    g_string_free(last, TRUE);
    g_ptr_array_free(all, TRUE);
    if (lines)
        *lines = max_lines;
    return g_string_free(kept, FALSE);
}
