/* say.c - every message of the command line (see say.h). */
#include "cli/say.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>

#include "cli/progressline.h"

static const char *command_name;

void say_command(const char *name)
{
    command_name = name;
}

/* One message line on stderr: the prefix (when `prefixed`), the text with control
 * characters made visible, a newline. Error, warning and note read the same today;
 * they are apart so that each call says what it is. */
static void say_line(bool prefixed, const char *fmt, va_list ap)
{
    char *text = g_strdup_vprintf(fmt, ap);
    progressline_clear();
    if (prefixed)
        fprintf(stderr, "regiorapport%s%s: ", command_name ? " " : "",
                command_name ? command_name : "");
    diag_put_printable(text, stderr);
    fputc('\n', stderr);
    g_free(text);
}

void say_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_line(true, fmt, ap);
    va_end(ap);
}

void say_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_line(true, fmt, ap);
    va_end(ap);
}

void say_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_line(true, fmt, ap);
    va_end(ap);
}

void say_hint(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_line(false, fmt, ap);
    va_end(ap);
}

void say_diagnostics(const diag_list *list)
{
    progressline_clear();
    diag_list_print(list, stderr);
}
