/* suggest.c - nearest names by edit distance (see suggest.h). */
#include "base/suggest.h"

#include <glib.h>
#include <string.h>

#include "base/i18n.h"

size_t suggest_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    /* Three rows of the table: the one before the previous for a transposition. */
    size_t *rows = g_new(size_t, 3 * (lb + 1));
    size_t *older = rows, *prev = rows + lb + 1, *cur = rows + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            char x = g_ascii_tolower(a[i - 1]), y = g_ascii_tolower(b[j - 1]);
            size_t best = prev[j - 1] + (x == y ? 0 : 1);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && x == g_ascii_tolower(b[j - 2]) &&
                g_ascii_tolower(a[i - 2]) == y && older[j - 2] + 1 < best)
                best = older[j - 2] + 1;
            cur[j] = best;
            if (best < row_min)
                row_min = best;
        }
        size_t *swap = older;
        older = prev;
        prev = cur;
        cur = swap;
        if (row_min > limit)
            break;
    }
    size_t d = prev[lb];
    g_free(rows);
    return d > limit ? limit + 1 : d;
}

char *suggest_hint(const char *word, const char *const *names, size_t count)
{
    /* A third of the word may be wrong (at least one character, at most three):
     * "thema" for "themas", not "plan" for "plaats". */
    size_t len = strlen(word);
    size_t limit = len / 3 < 1 ? 1 : (len / 3 > 3 ? 3 : len / 3);
    size_t best = limit + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = suggest_distance(word, names[i], limit);
        if (d < best)
            best = d;
    }
    if (best > limit)
        return g_strdup("");
    GString *hint = g_string_new(tr("; bedoelt u ", "; did you mean "));
    size_t shown = 0;
    for (size_t i = 0; i < count && shown < 3; i++)
        if (suggest_distance(word, names[i], limit) == best)
            g_string_append_printf(hint, "%s'%s'", shown++ ? tr(" of ", " or ") : "", names[i]);
    g_string_append_c(hint, '?');
    return g_string_free(hint, FALSE);
}
