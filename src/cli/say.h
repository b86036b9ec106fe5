/*
 * say.h - how the command line speaks to its user: every message on stderr goes
 * through here, so each says "regiorapport COMMAND: ..." the same way, starts on a
 * line of its own (after the progress line is cleared) and shows control characters
 * from names and data as \x1B instead of sending them to the terminal.
 *
 * Results (the paths written, `status`'s table, `validate`'s report) go to stdout and
 * are not messages.
 */
#ifndef RR_SAY_H
#define RR_SAY_H

#include "base/diag.h"

/* The command the messages speak for ("regiorapport template: ..."); NULL until a
 * command is known ("regiorapport: ..."). Process-wide, as the language is; the name
 * must outlive the messages (the command table's names do). */
void say_command(const char *name);

/* A failure: why the command could not do what was asked. The format is printf's,
 * without the prefix and without the final newline. */
void say_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Something the user should know although the command did its work ("3 warnings in the
 * data"). */
void say_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* What a failure means for the files ("nothing was written; ..."). */
void say_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A line without the prefix that follows a message ("See 'regiorapport --help'."). */
void say_hint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The diagnostics of `list` in their order, one "path:line:column: fout: ..." line each
 * (diag.h), on stderr. */
void say_diagnostics(const diag_list *list);

#endif
