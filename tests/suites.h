/* suites.h - every Check suite of the project. */
#ifndef RR_SUITES_H
#define RR_SUITES_H

#include <check.h>

Suite *error_suite(void);
Suite *period_suite(void);
Suite *money_suite(void);
Suite *csvread_suite(void);
Suite *sheetread_suite(void);
Suite *cycle_suite(void);
Suite *load_suite(void);
Suite *cli_suite(void);
Suite *data_suite(void);
Suite *analyse_suite(void);
Suite *workbook_suite(void);
Suite *status_suite(void);
Suite *template_suite(void);
Suite *chart_suite(void);
Suite *hostile_suite(void);
Suite *faults_suite(void);
Suite *scale_suite(void);
Suite *vocab_suite(void);
Suite *handout_suite(void);
Suite *output_suite(void);
Suite *forms_suite(void);
Suite *summary_suite(void);
Suite *evaluation_suite(void);
Suite *reference_suite(void);
Suite *meeting_suite(void);

#endif
