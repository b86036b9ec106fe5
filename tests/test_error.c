/* test_error.c - the error table stays in step with the enum. */
#include <string.h>

#include "base/error.h"
#include "suites.h"

START_TEST(every_error_has_a_message)
{
    for (int e = RR_OK; e < RR_ERR_MAX; e++) {
        ck_assert_str_ne(rr_strerror((rr_error)e), "unknown error");
        for (int f = RR_OK; f < e; f++)
            ck_assert_str_ne(rr_strerror((rr_error)e), rr_strerror((rr_error)f));
    }
    ck_assert_str_eq(rr_strerror(RR_ERR_MAX), "unknown error");
    ck_assert_str_eq(rr_strerror((rr_error)-1), "unknown error");
}
END_TEST

START_TEST(exit_statuses_follow_the_cli_contract)
{
    ck_assert_int_eq(rr_exit_status(RR_OK), 0);
    ck_assert_int_eq(rr_exit_status(RR_ERR_DATA), 1);
    ck_assert_int_eq(rr_exit_status(RR_ERR_USAGE), 2);
    ck_assert_int_eq(rr_exit_status(RR_ERR_WRITE), 3);
    ck_assert_int_eq(rr_exit_status(RR_ERR_FORMS), 4);
}
END_TEST

Suite *error_suite(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, every_error_has_a_message);
    tcase_add_test(tc, exit_statuses_follow_the_cli_contract);
    suite_add_tcase(s, tc);
    return s;
}
