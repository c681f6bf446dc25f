/*
 * test_machine.c - the reference step against SPEC sections 1-4 and 9.
 *
 * Every edge case the SPEC names has a test here. Expected values are worked
 * out from the SPEC by hand (the comments show the arithmetic); instruction
 * words are built with the SPEC's field layout, not with the library's own
 * helpers, so a wrong mask in the library cannot agree with itself.
 */
#include "check.h"
#include "first_program.h"
#include "ssem.h"

#include <string.h>

/* function f, line n, per SPEC section 3: n in bits 0-4, f in bits 13-15 */
#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))
#define JMP(n) INS(0, n)
#define JRP(n) INS(1, n)
#define LDN(n) INS(2, n)
#define STO(n) INS(3, n)
#define SUB(n) INS(4, n)
#define CMP INS(6, 0)
#define STP INS(7, 0)

static ssem_t fresh(void)
{
    ssem_t m;
    memset(&m, 0xA5, sizeof m); /* reset must clear everything that matters */
    m.lenient = false;
    ssem_reset(&m);
    return m;
}

static void test_reset(void)
{
    ssem_t m = fresh();
    for (unsigned i = 0; i < 32; i++)
        CHECK_EQ(m.store[i], 0);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.ci, 0);
    CHECK_EQ(m.pi, 0);
    CHECK(!m.lamp);
    CHECK_EQ(m.steps, 0);
}

static void test_bit_order_examples(void)
{
    /* SPEC section 2: these two strings, bit 0 first */
    CHECK_EQ(bits_to_word("10111111111111111111111111111111"), (uint32_t)-3);
    CHECK_EQ(bits_to_word("00011000000000100000000000000000"), LDN(24));
    CHECK_EQ(ssem_word_signed(0xFFFFFFFDu), -3);
    CHECK_EQ((uint32_t)ssem_word_signed(0x80000000u), 0x80000000u);
    CHECK_EQ(ssem_word_signed(0x7FFFFFFFu), 2147483647);
}

static void test_first_fetch_is_line_1(void)
{
    ssem_t m = fresh();
    m.store[0] = STP; /* never executed: CI is incremented before the fetch */
    m.store[1] = LDN(5);
    m.store[2] = STP;
    m.store[5] = 7;
    CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
    CHECK_EQ(m.ci, 1);
    CHECK_EQ(m.pi, LDN(5));
    CHECK_EQ(m.a, (uint32_t)-7);
    CHECK_EQ(ssem_step(&m), SSEM_HALTED);
    CHECK(m.lamp);
    CHECK_EQ(m.ci, 2); /* CI stays on the STP's line */
    CHECK_EQ(m.steps, 2);
}

static void test_each_function(void)
{
    ssem_t m = fresh();
    /* JMP: CI <- S[n]; next fetch is S[n] + 1 */
    m.store[1] = JMP(20);
    m.store[20] = 9;
    ssem_step(&m);
    CHECK_EQ(m.ci, 9);

    m = fresh(); /* JRP: CI <- CI + S[n] */
    m.store[1] = JRP(20);
    m.store[20] = 5;
    ssem_step(&m);
    CHECK_EQ(m.ci, 6);

    m = fresh(); /* STO: S[n] <- A */
    m.store[1] = LDN(20);
    m.store[2] = STO(21);
    m.store[20] = 100;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.store[21], (uint32_t)-100);
    CHECK_EQ(m.a, (uint32_t)-100);

    m = fresh(); /* SUB: A <- A - S[n]: -10 - 5 = -15 */
    m.store[1] = LDN(20);
    m.store[2] = SUB(21);
    m.store[20] = 10;
    m.store[21] = 5;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.a, (uint32_t)-15);
}

static void test_function_5_is_sub(void)
{
    ssem_t m = fresh();
    m.store[1] = INS(5, 20);
    m.store[20] = 3;
    CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
    CHECK_EQ(m.a, (uint32_t)-3); /* 0 - 3 */
}

static void test_ignored_bits(void)
{
    /* bits 5-12 and 16-31 are not decoded: a picture in them changes nothing */
    ssem_t m = fresh();
    m.store[1] = LDN(20) | 0xFFFF0000u | 0x1FE0u;
    m.store[20] = 4;
    ssem_step(&m);
    CHECK_EQ(m.a, (uint32_t)-4);
}

static void test_negate_min_int(void)
{
    ssem_t m = fresh();
    m.store[1] = LDN(20);
    m.store[20] = 0x80000000u; /* -2^31 negates to itself modulo 2^32 */
    ssem_step(&m);
    CHECK_EQ(m.a, 0x80000000u);
}

static void test_sub_wraps(void)
{
    ssem_t m = fresh();
    m.store[1] = LDN(20); /* A = -(2^31 - 1) = 0x80000001 */
    m.store[2] = SUB(21); /* 0x80000001 - 2 = 0x7FFFFFFF: wraps past -2^31 */
    m.store[20] = 0x7FFFFFFFu;
    m.store[21] = 2;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.a, 0x7FFFFFFFu);
}

static void test_cmp(void)
{
    /* A = 0: not negative, no skip */
    ssem_t m = fresh();
    m.store[1] = CMP;
    ssem_step(&m);
    CHECK_EQ(m.ci, 1);

    /* A = -1: skip, CI + 1 */
    m = fresh();
    m.store[1] = LDN(20);
    m.store[2] = CMP;
    m.store[20] = 1;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 3);

    /* A = 0x80000000, the most negative: skip */
    m = fresh();
    m.store[1] = LDN(20);
    m.store[2] = CMP;
    m.store[20] = 0x80000000u;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 3);

    /* A = 0x7FFFFFFF, positive: no skip */
    m = fresh();
    m.store[1] = LDN(20);
    m.store[2] = CMP;
    m.store[20] = 0x80000001u;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 2);
}

static void test_cmp_in_line_30_and_31(void)
{
    /* CMP at 30 with A < 0: CI = 31 -> 32, the next fetch is from line 0 */
    ssem_t m = fresh();
    m.ci = 29;
    m.a = 0xFFFFFFFFu;
    m.store[30] = CMP;
    m.store[0] = LDN(5);
    m.store[5] = 42;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 32);
    CHECK_EQ(m.pi, LDN(5));
    CHECK_EQ(m.a, (uint32_t)-42);

    /* CMP at 31 with A < 0: CI = 32 -> 33, the next fetch is line 1 */
    m = fresh();
    m.ci = 30;
    m.a = 0xFFFFFFFFu;
    m.store[31] = CMP;
    m.store[1] = LDN(5);
    m.store[5] = 6;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 33);
    CHECK_EQ(m.a, (uint32_t)-6);

    /* CMP at 31 with A >= 0: the next fetch is line 0 */
    m = fresh();
    m.ci = 30;
    m.store[31] = CMP;
    m.store[0] = LDN(5);
    m.store[5] = 8;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 32);
    CHECK_EQ(m.a, (uint32_t)-8);
}

static void test_jrp_negative(void)
{
    /* the first program's line 20 = -3 sends line 8 back to line 6 */
    ssem_t m = fresh();
    m.ci = 7;
    m.store[8] = JRP(20);
    m.store[20] = (uint32_t)-3;
    ssem_step(&m);
    CHECK_EQ(m.ci, 5); /* 8 + (-3); the next fetch is line 6 */
}

static void test_ci_31_to_32(void)
{
    ssem_t m = fresh();
    m.ci = 30;
    m.store[31] = LDN(3);
    m.store[0] = SUB(3);
    m.store[3] = 1;
    ssem_run(&m, 2, 0);
    CHECK_EQ(m.ci, 32); /* CI keeps all 32 bits; line 0 was fetched */
    CHECK_EQ(m.pi, SUB(3));
    CHECK_EQ(m.a, (uint32_t)-2);
}

static void test_fault_through_jmp(void)
{
    ssem_t m = fresh();
    m.store[1] = LDN(20);
    m.store[2] = JMP(21);
    m.store[21] = 0x2000u; /* CI <- 0x2000; the next CI (0x2001) has bit 13 set */
    m.store[20] = 9;
    ssem_stop_t why = ssem_run(&m, 100, 0);
    CHECK_EQ(why, SSEM_FAULT);
    CHECK_EQ(m.steps, 2);       /* the faulting step executed nothing */
    CHECK_EQ(m.ci, 0x2001u);    /* CI keeps its incremented value */
    CHECK_EQ(m.pi, JMP(21));    /* PI unchanged */
    CHECK_EQ(m.a, (uint32_t)-9);
    CHECK(m.lamp);
    CHECK(m.fault);
    /* the machine stays stopped */
    CHECK_EQ(ssem_step(&m), SSEM_FAULT);
    CHECK_EQ(m.ci, 0x2001u);
    char why_text[256];
    ssem_fault_reason(&m, why_text, sizeof why_text);
    CHECK(strstr(why_text, "13-15") != NULL);
}

static void test_fault_through_jrp_sum(void)
{
    /* CI = 1 + 0x1FFD = 0x1FFE: legal; next CI 0x1FFF legal; the one after is 0x2000 */
    ssem_t m = fresh();
    m.store[1] = JRP(20);
    m.store[20] = 0x1FFDu;
    m.store[31] = CMP; /* 0x1FFF & 31 = 31 */
    ssem_stop_t why = ssem_run(&m, 100, 0);
    CHECK_EQ(why, SSEM_FAULT);
    CHECK_EQ(m.steps, 2);   /* JRP, then CMP at line 31 */
    CHECK_EQ(m.ci, 0x2000u);
}

static void test_fault_by_running_off_the_end(void)
{
    /* an empty store (all JMP 0): CI climbs 1, S[0]=0 -> CI = 0, ... it loops:
     * JMP 0 sets CI to 0 each time, so no fault. With S[0] = 31 instead, each
     * JMP goes to 31, then 32 -> line 0 -> 31 ... no growth either. A store
     * full of CMP with A = 0 walks CI upward: after 0x1FFF steps CI = 0x1FFF,
     * and the next increment reaches 0x2000. */
    ssem_t m = fresh();
    for (unsigned i = 0; i < 32; i++)
        m.store[i] = CMP;
    ssem_stop_t why = ssem_run(&m, 100000, 0);
    CHECK_EQ(why, SSEM_FAULT);
    CHECK_EQ(m.steps, 0x1FFFu);
    CHECK_EQ(m.ci, 0x2000u);
}

static void test_lenient_ignores_fault(void)
{
    ssem_t m = fresh();
    m.lenient = true;
    m.store[1] = JMP(21);
    m.store[21] = 0x2000u + 4u; /* next fetch: CI 0x2005, line 5 */
    m.store[5] = STP;
    CHECK_EQ(ssem_run(&m, 100, 0), SSEM_HALTED);
    CHECK_EQ(m.ci, 0x2005u);
    CHECK_EQ(m.steps, 2);
}

static void test_resume_after_stp(void)
{
    ssem_t m = fresh();
    m.store[1] = STP;
    m.store[2] = LDN(20);
    m.store[3] = STP;
    m.store[20] = 1;
    CHECK_EQ(ssem_run(&m, 10, 0), SSEM_HALTED);
    CHECK_EQ(m.ci, 1);
    /* stopped stays stopped */
    CHECK_EQ(ssem_run(&m, 10, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, 1);
    ssem_resume(&m);
    CHECK(!m.lamp);
    CHECK_EQ(ssem_run(&m, 10, 0), SSEM_HALTED); /* continues from CI + 1 = 2 */
    CHECK_EQ(m.a, (uint32_t)-1);
    CHECK_EQ(m.ci, 3);
    CHECK_EQ(m.steps, 3);
}

static void test_budget_exact(void)
{
    /* an endless loop: line 1 JMP 20 with S[20] = 0 -> back to line 1 */
    ssem_t m = fresh();
    m.store[1] = JMP(20);
    CHECK_EQ(ssem_run(&m, 0, 0), SSEM_LIMIT);
    CHECK_EQ(m.steps, 0);
    CHECK_EQ(ssem_run(&m, 1, 0), SSEM_LIMIT);
    CHECK_EQ(m.steps, 1);
    CHECK_EQ(ssem_run(&m, 12345, 0), SSEM_LIMIT);
    CHECK_EQ(m.steps, 12346);

    /* a program that halts on exactly the budget's last step reports halted */
    m = fresh();
    m.store[1] = LDN(0);
    m.store[2] = STP;
    CHECK_EQ(ssem_run(&m, 2, 0), SSEM_HALTED);
    m = fresh();
    m.store[1] = LDN(0);
    m.store[2] = STP;
    CHECK_EQ(ssem_run(&m, 1, 0), SSEM_LIMIT);
    CHECK(!m.lamp);
}

static void test_breakpoints(void)
{
    ssem_t m = fresh();
    m.store[1] = LDN(0);
    m.store[2] = LDN(0);
    m.store[3] = STP;
    CHECK_EQ(ssem_run(&m, 100, 1u << 3), SSEM_BREAK);
    CHECK_EQ(m.steps, 2); /* stopped before fetching line 3 */
    CHECK_EQ(m.ci, 2);
    /* no "not on the first step" rule: running again stops at once, nothing
     * executed; resuming is an explicit step-over */
    CHECK_EQ(ssem_run(&m, 100, 1u << 3), SSEM_BREAK);
    CHECK_EQ(m.steps, 2);
    CHECK_EQ(m.ci, 2);
    CHECK_EQ(ssem_step(&m), SSEM_HALTED); /* the step-over obeys line 3's STP */
    CHECK_EQ(m.steps, 3);
    /* a breakpoint on the very first line fetched (CI = 0: line 1) stops a
     * fresh run before any step; budget 0 is still LIMIT */
    ssem_t f = fresh();
    f.store[1] = STP;
    CHECK_EQ(ssem_run(&f, 0, 1u << 1), SSEM_LIMIT);
    CHECK_EQ(ssem_run(&f, 5, 1u << 1), SSEM_BREAK);
    CHECK_EQ(f.steps, 0);
    CHECK_EQ(f.ci, 0);
    CHECK_EQ(ssem_run(&f, 5, 1u << 2), SSEM_HALTED); /* other lines do not stop it */
    /* a lit lamp wins over a breakpoint on the next line */
    CHECK_EQ(ssem_run(&f, 5, 1u << 2), SSEM_HALTED);
    /* the mask is of lines: line (CI + 1) & 31, so CI = 31 breaks on line 0 */
    ssem_t w = fresh();
    w.ci = 31;
    CHECK_EQ(ssem_run(&w, 5, 1u << 0), SSEM_BREAK);
    CHECK_EQ(w.steps, 0);
}

/* ssem_execute obeys the word given, not a fetched one, with CI as it is:
 * worked by hand from SPEC section 3. */
static void test_execute(void)
{
    ssem_t m = fresh();
    m.store[5] = 7;
    m.store[6] = STP; /* what a fetch from CI + 1 = 6 would find: not obeyed */
    m.ci = 5;
    CHECK_EQ(ssem_execute(&m, LDN(5)), SSEM_RUNNING);
    CHECK_EQ(m.a, 0u - 7u); /* A <- -S[5] */
    CHECK_EQ(m.ci, 5);      /* no increment: the caller's (ssem_step, Man mode) */
    CHECK_EQ(m.pi, LDN(5));
    CHECK_EQ(m.steps, 1);
    CHECK(!m.lamp);
    CHECK_EQ(ssem_execute(&m, STO(9)), SSEM_RUNNING);
    CHECK_EQ(m.store[9], 0u - 7u);
    CHECK_EQ(ssem_execute(&m, CMP), SSEM_RUNNING); /* A < 0: CI + 1 */
    CHECK_EQ(m.ci, 6);
    CHECK_EQ(ssem_execute(&m, JRP(5)), SSEM_RUNNING); /* CI <- 6 + 7 */
    CHECK_EQ(m.ci, 13);
    CHECK_EQ(ssem_execute(&m, STP), SSEM_HALTED);
    CHECK(m.lamp && !m.fault);
    CHECK_EQ(m.ci, 13); /* STP leaves CI */
    CHECK_EQ(m.steps, 5);
}

static void test_tstate_equal(void)
{
    ssem_t x = fresh(), y = fresh();
    CHECK(ssem_tstate_equal(&x, &y));
    y.steps = 5; /* derived, not T-state */
    y.lenient = true;
    CHECK(ssem_tstate_equal(&x, &y));
    y.store[31] = 1;
    CHECK(!ssem_tstate_equal(&x, &y));
    y = x;
    y.pi = 1;
    CHECK(!ssem_tstate_equal(&x, &y));
    y = x;
    y.lamp = true;
    CHECK(!ssem_tstate_equal(&x, &y));
}

static void test_time(void)
{
    /* 1000 instructions x 144 digit periods x 10 us = 1.44 s */
    double t = ssem_time_1948(1000, 10.0);
    CHECK(t > 1.4399 && t < 1.4401);
}

static void test_first_program(void)
{
    ssem_t m = fresh();
    put_first_program(&m);
    CHECK_EQ(m.store[23], (uint32_t)-262144);
    CHECK_EQ(m.store[24], 262143);

    uint64_t count[8] = {0}, accesses = 0;
    ssem_stop_t why;
    do {
        why = ssem_step(&m);
        if (why == SSEM_RUNNING || why == SSEM_HALTED) {
            uint32_t f = (m.pi >> 13) & 7u;
            count[f]++;
            accesses += 1u + (f == 6 || f == 7 ? 0u : 1u); /* fetch + operand */
        }
    } while (why == SSEM_RUNNING && m.steps < 3000000);
    CHECK_EQ(why, SSEM_HALTED);
    CHECK_EQ(m.store[27], 131072);
    CHECK_EQ(m.store[26], (uint32_t)-131072);
    CHECK_EQ(m.store[25], 0);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.ci, 13);
    CHECK_EQ(m.steps, 2097154);
    CHECK_EQ(count[2], 524288);            /* LDN */
    CHECK_EQ(count[4] + count[5], 524288); /* SUB */
    CHECK_EQ(count[3], 393216);            /* STO */
    CHECK_EQ(count[6], 393217);            /* CMP */
    CHECK_EQ(count[1], 131073);            /* JRP */
    CHECK_EQ(count[0], 131071);            /* JMP */
    CHECK_EQ(count[7], 1);                 /* STP */
    CHECK_EQ(accesses, 3801090);
    /* 50.3 minutes at 1.44 ms */
    double minutes = ssem_time_1948(m.steps, SSEM_DIGIT_PERIOD_US) / 60.0;
    CHECK(minutes > 50.29 && minutes < 50.35);
}

static void test_run_equals_steps(void)
{
    /* ssem_run in chunks gives the same state as one long run */
    ssem_t x = fresh();
    put_first_program(&x);
    ssem_t y = x;
    CHECK_EQ(ssem_run(&x, 5000000, 0), SSEM_HALTED);
    ssem_stop_t why;
    do
        why = ssem_run(&y, 777, 0);
    while (why == SSEM_LIMIT);
    CHECK_EQ(why, SSEM_HALTED);
    CHECK(ssem_tstate_equal(&x, &y));
    CHECK_EQ(x.steps, y.steps);
}

static void test_isa_table(void)
{
    CHECK(strcmp(ssem_op_info(0)->mnemonic, "JMP") == 0);
    CHECK(strcmp(ssem_op_info(5)->mnemonic, "SUB") == 0);
    CHECK(strcmp(ssem_op_info(7)->mnemonic, "STP") == 0);
    CHECK(strcmp(ssem_op_info(6)->notation, "Test") == 0);
    CHECK((ssem_op_info(6)->flags & SSEM_HAS_OPERAND) == 0);
    CHECK((ssem_op_info(3)->flags & SSEM_WRITES_STORE) != 0);
    CHECK_EQ(ssem_make_instruction(2, 24), 0x4018u);
    CHECK_EQ(ssem_word_function(0xFFFFFFFFu), 7);
    CHECK_EQ(ssem_word_line(0xFFFFFFFFu), 31);
}

static void test_disasm(void)
{
    char buf[64];
    CHECK(strcmp(ssem_disasm_word(LDN(24), buf, sizeof buf), "LDN 24") == 0);
    CHECK(strcmp(ssem_disasm_word(JRP(20), buf, sizeof buf), "JRP 20") == 0);
    CHECK(strcmp(ssem_disasm_word(CMP, buf, sizeof buf), "CMP") == 0);
    CHECK(strcmp(ssem_disasm_word(STP, buf, sizeof buf), "STP") == 0);
    CHECK(strcmp(ssem_disasm_word((uint32_t)-3, buf, sizeof buf), "NUM -3") == 0);
    CHECK(strcmp(ssem_disasm_word(0, buf, sizeof buf), "NUM 0") == 0);
    CHECK(strcmp(ssem_disasm_word(INS(5, 3), buf, sizeof buf), "NUM 40963") == 0);
    CHECK(strcmp(ssem_disasm_word(INS(6, 1), buf, sizeof buf), "NUM 49153") == 0);
    CHECK(strcmp(ssem_disasm_word(0x80000000u, buf, sizeof buf), "NUM -2147483648") == 0);
    CHECK(strcmp(ssem_word_bits(LDN(24), buf, sizeof buf),
                 "00011000000000100000000000000000") == 0);
}

/* A word as the machine obeys it: the function and its line, every other bit
 * ignored, so 0 is JMP 0 (where ssem_disasm_word reads it as data). */
static void test_disasm_obeyed(void)
{
    char t[40];
    CHECK(strcmp(ssem_disasm_obeyed(0, t, sizeof t), "JMP 0") == 0);
    /* 609 = 0x261: line 1, function 0, other bits ignored by the machine */
    CHECK(strcmp(ssem_disasm_obeyed(609, t, sizeof t), "JMP 1") == 0);
    CHECK(strcmp(ssem_disasm_obeyed(0x4018u, t, sizeof t), "LDN 24") == 0);
    CHECK(strcmp(ssem_disasm_obeyed(0xE000u | 5u, t, sizeof t), "STP") == 0);
    CHECK(strcmp(ssem_disasm_obeyed(0xA000u | 3u, t, sizeof t), "SUB 3") == 0); /* 5 */
    CHECK(strcmp(ssem_disasm_obeyed(0xC000u | 9u, t, sizeof t), "CMP") == 0);   /* no line */
}

static void test_diag_format(void)
{
    const char text[] = "LDN 1\n  LDX 3\nSTP\n";
    ssem_diag_t d = {"prog.asm", 2, 3, "unknown mnemonic 'LDX'"};
    char buf[512];
    ssem_diag_format(&d, text, sizeof text - 1, buf, sizeof buf);
    CHECK(strcmp(buf, "prog.asm:2:3: unknown mnemonic 'LDX'\n      LDX 3\n      ^\n") == 0);
    ssem_diag_t whole = {"x.snp", 0, 0, "no store lines in the file"};
    ssem_diag_format(&whole, "", 0, buf, sizeof buf);
    CHECK(strcmp(buf, "x.snp: no store lines in the file\n") == 0);
    /* a tiny buffer is truncated, never overrun */
    char small[8];
    ssem_diag_format(&d, text, sizeof text - 1, small, sizeof small);
    CHECK(strlen(small) == 7);
}

int main(void)
{
    RUN(test_reset);
    RUN(test_bit_order_examples);
    RUN(test_first_fetch_is_line_1);
    RUN(test_each_function);
    RUN(test_function_5_is_sub);
    RUN(test_ignored_bits);
    RUN(test_negate_min_int);
    RUN(test_sub_wraps);
    RUN(test_cmp);
    RUN(test_cmp_in_line_30_and_31);
    RUN(test_jrp_negative);
    RUN(test_ci_31_to_32);
    RUN(test_fault_through_jmp);
    RUN(test_fault_through_jrp_sum);
    RUN(test_fault_by_running_off_the_end);
    RUN(test_lenient_ignores_fault);
    RUN(test_resume_after_stp);
    RUN(test_budget_exact);
    RUN(test_breakpoints);
    RUN(test_execute);
    RUN(test_tstate_equal);
    RUN(test_time);
    RUN(test_first_program);
    RUN(test_run_equals_steps);
    RUN(test_isa_table);
    RUN(test_disasm);
    RUN(test_disasm_obeyed);
    RUN(test_diag_format);
    return CHECK_DONE();
}
