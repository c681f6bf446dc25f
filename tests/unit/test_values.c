/*
 * test_values.c - the one strict parser of option values (tools/values.c):
 * every spelling issue 12 item 10 found accepted ( ' -1', '+5', ' 5', '0x10',
 * '1948.0' taken as 1948 times) and the ones that must stay accepted.
 * Expected values are the numbers as written, worked out by reading them.
 */
#include "check.h"
#include "values.h"

#include <stdint.h>

static void test_counts(void)
{
    uint64_t v = 7;
    CHECK_EQ(value_count("0", UINT64_MAX, &v), 0);
    CHECK_EQ(v, 0);
    CHECK_EQ(value_count("100000000", UINT64_MAX, &v), 0);
    CHECK_EQ(v, 100000000);
    CHECK_EQ(value_count("007", UINT64_MAX, &v), 0); /* decimal, not octal */
    CHECK_EQ(v, 7);
    /* 2^64 - 1 is the largest; 2^64 overflows */
    CHECK_EQ(value_count("18446744073709551615", UINT64_MAX, &v), 0);
    CHECK_EQ(v, UINT64_MAX);
    v = 3;
    CHECK_EQ(value_count("18446744073709551616", UINT64_MAX, &v), -1);
    CHECK_EQ(value_count("99999999999999999999999", UINT64_MAX, &v), -1);
    const char *bad[] = {"", " -1", "-1", "+5", " 5", "5 ", "0x10", "1e3", "1.0", "abc",
                         "10x", "-0", "\t5", NULL};
    for (int i = 0; bad[i] != NULL; i++) {
        if (value_count(bad[i], UINT64_MAX, &v) != -1)
            fprintf(stderr, "count '%s' accepted\n", bad[i]);
        CHECK_EQ(value_count(bad[i], UINT64_MAX, &v), -1);
    }
    CHECK_EQ(v, 3); /* a refused value leaves the output alone */
    /* the bound: lines 0-31 */
    CHECK_EQ(value_count("31", 31, &v), 0);
    CHECK_EQ(v, 31);
    CHECK_EQ(value_count("32", 31, &v), -1);
}

static void test_reals(void)
{
    double d = 0;
    CHECK_EQ(value_real("2.5", 0, 10, &d), 0);
    CHECK(d == 2.5);
    CHECK_EQ(value_real("10", 0, 10, &d), 0);
    CHECK(d == 10.0);
    CHECK_EQ(value_real("1e1", 0, 10, &d), 0);
    CHECK(d == 10.0);
    CHECK_EQ(value_real("25e-1", 0, 10, &d), 0);
    CHECK(d == 2.5);
    CHECK_EQ(value_real("3.", 0, 10, &d), 0);
    CHECK(d == 3.0);
    const char *bad[] = {"", " 1", "+1", "-1", "0x10", "inf", "nan", ".5", "1e", "1e+",
                         "1.5.", "1,5", "10.5", "1e400", NULL};
    for (int i = 0; bad[i] != NULL; i++) {
        if (value_real(bad[i], 0, 10, &d) != -1)
            fprintf(stderr, "real '%s' accepted\n", bad[i]);
        CHECK_EQ(value_real(bad[i], 0, 10, &d), -1);
    }
}

static void test_speeds(void)
{
    double s = -1;
    /* 1948 is the Baby's own speed however it is written */
    CHECK_EQ(value_speed("1948", &s), 0);
    CHECK(s == 1.0);
    s = -1;
    CHECK_EQ(value_speed("1948.0", &s), 0);
    CHECK(s == 1.0);
    s = -1;
    CHECK_EQ(value_speed("1.948e3", &s), 0);
    CHECK(s == 1.0);
    /* x1948 is 1948 times it */
    CHECK_EQ(value_speed("x1948", &s), 0);
    CHECK(s == 1948.0);
    CHECK_EQ(value_speed("max", &s), 0);
    CHECK(s == VALUE_SPEED_MAX);
    s = -1;
    CHECK_EQ(value_speed("MAX", &s), 0);
    CHECK(s == VALUE_SPEED_MAX);
    CHECK_EQ(value_speed("x2.5", &s), 0);
    CHECK(s == 2.5);
    CHECK_EQ(value_speed("X2.5", &s), 0);
    CHECK(s == 2.5);
    CHECK_EQ(value_speed("2.5", &s), 0);
    CHECK(s == 2.5);
    CHECK_EQ(value_speed("10", &s), 0);
    CHECK(s == 10.0);
    CHECK_EQ(value_speed("1e9", &s), 0); /* the top */
    CHECK(s == 1e9);
    const char *bad[] = {"", "0", "-3", "fast", "nan", "inf", "0x10", " 5", "+5", "x",
                         "xx2", "1e12", "1e10", "0.001", "x-1", "max ", NULL};
    for (int i = 0; bad[i] != NULL; i++) {
        if (value_speed(bad[i], &s) != -1)
            fprintf(stderr, "speed '%s' accepted\n", bad[i]);
        CHECK_EQ(value_speed(bad[i], &s), -1);
    }
}

static void test_keywords(void)
{
    const char *const words[] = {"snp", "listing", "asm", NULL};
    CHECK_EQ(value_keyword("snp", words), 0);
    CHECK_EQ(value_keyword("Listing", words), 1);
    CHECK_EQ(value_keyword("ASM", words), 2);
    CHECK_EQ(value_keyword("as", words), -1);
    CHECK_EQ(value_keyword("asmx", words), -1);
    CHECK_EQ(value_keyword("", words), -1);
    CHECK(value_same_word("Ref", "ref"));
    CHECK(!value_same_word("re", "ref"));
}

int main(void)
{
    RUN(test_counts);
    RUN(test_reals);
    RUN(test_speeds);
    RUN(test_keywords);
    return CHECK_DONE();
}
