/* check_main.c - runs every suite. */
#include <check.h>
#include <stdlib.h>

#include "suites.h"
#include "testutil.h"

int main(void)
{
    tu_skips_begin();
    SRunner *runner = srunner_create(error_suite());
    srunner_add_suite(runner, period_suite());
    srunner_add_suite(runner, vocab_suite());
    srunner_add_suite(runner, money_suite());
    srunner_add_suite(runner, csvread_suite());
    srunner_add_suite(runner, sheetread_suite());
    srunner_add_suite(runner, load_suite());
    srunner_add_suite(runner, data_suite());
    srunner_add_suite(runner, reference_suite());
    srunner_add_suite(runner, analyse_suite());
    srunner_add_suite(runner, cli_suite());
    srunner_add_suite(runner, workbook_suite());
    srunner_add_suite(runner, status_suite());
    srunner_add_suite(runner, template_suite());
    srunner_add_suite(runner, cycle_suite());
    srunner_add_suite(runner, chart_suite());
    srunner_add_suite(runner, hostile_suite());
    srunner_add_suite(runner, faults_suite());
    srunner_add_suite(runner, scale_suite());
    srunner_add_suite(runner, summary_suite());
    srunner_add_suite(runner, handout_suite());
    srunner_add_suite(runner, evaluation_suite());
    srunner_add_suite(runner, output_suite());
    srunner_add_suite(runner, forms_suite());
    srunner_add_suite(runner, meeting_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    tu_skips_end(stdout);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
