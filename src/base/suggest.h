/*
 * suggest.h - "did you mean": the nearest known names to a word that is not one.
 *
 * Used by the command line (options, commands) and by the checks (ids, themes,
 * plans, statuses). The lists are short, so a plain edit distance over all of
 * them is enough.
 */
#ifndef RR_SUGGEST_H
#define RR_SUGGEST_H

#include <stddef.h>

/* The edit distance (insert, delete or replace one byte, swap two neighbours) between
 * a and b, ignoring ASCII case; stops counting above `limit` and then returns
 * limit + 1. */
size_t suggest_distance(const char *a, const char *b, size_t limit);

/*
 * "; bedoelt u 'x'?" (or "'x' of 'y'" for a tie) in the run's language, naming the
 * names among `names[0..count)` nearest to `word` when they are near enough to be
 * a typing mistake; "" when none is. Returns a new string (g_free).
 */
char *suggest_hint(const char *word, const char *const *names, size_t count);

#endif
