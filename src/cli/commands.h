/*
 * commands.h - one function per command; main.c dispatches through a table.
 *
 * Each takes argv with argv[0] the command's name and returns the process exit
 * status (see rr_exit_status).
 */
#ifndef RR_COMMANDS_H
#define RR_COMMANDS_H

int cmd_handout(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
