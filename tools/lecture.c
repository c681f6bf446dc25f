/*
 * lecture.c - the lecture made visible (see lecture.h, docs/lecture.md):
 * profiles, explained steps, JSON steps and the translation log.
 *
 * Explanations are generated from the ISA table's text: the register
 * transfer `rtl` of the function executed ("A <- A - S[n]") is shown with n
 * filled in, then with the values before the step substituted, then with the
 * result after it; the words are the same text read aloud ("the accumulator
 * takes the accumulator minus line 27"). So an explanation cannot disagree
 * with the table, and there is no second description of the machine here:
 * the values come from the T-states before and after the step.
 *
 * The translation log disassembles host code with capstone when the build
 * found it (the Makefile defines SSEM_HAVE_CAPSTONE); otherwise blocks
 * cannot be shown and `ssem run --log=blocks` says so.
 */
#include "lecture.h"

#include <inttypes.h>
#include <string.h>

#ifdef SSEM_HAVE_CAPSTONE
#include <capstone/capstone.h>
#endif

/* ------------------------------------------------------------ profile */

/* The line a step executed: the fetch was from CI + 1 (CI before it). */
static uint32_t executed_line(const ssem_t *before) { return (before->ci + 1u) & SSEM_LINE_MASK; }

void profile_step(profile_t *p, const ssem_t *before, const ssem_t *after)
{
    if (after->steps == before->steps)
        return; /* a fault: nothing executed */
    uint32_t line = executed_line(before), f = ssem_word_function(after->pi);
    p->steps++;
    p->line[line]++;
    p->function[f]++;
    if (after->lamp)
        return;
    /* a transfer: the next fetch is not from the line below (the wrap from
     * line 31 to 0 is a fall-through, not a jump) */
    uint32_t next = (after->ci + 1u) & SSEM_LINE_MASK;
    if (next != ((line + 1u) & SSEM_LINE_MASK) && next <= line)
        p->edge[line][next]++;
}

static double share(uint64_t part, uint64_t whole)
{
    return whole == 0 ? 0.0 : 100.0 * (double)part / (double)whole;
}

void profile_print(const profile_t *p, const ssem_t *final, FILE *f)
{
    char text[40];
    fprintf(f, "profile: %" PRIu64 " instruction%s executed\n", p->steps,
            p->steps == 1 ? "" : "s");
    /* a line that ran is shown as the instruction it is obeyed as: a 0
     * word is JMP 0 (ssem_disasm_obeyed), not the data NUM 0 */
    fprintf(f, "line        count   share  instruction (as the store holds it now)\n");
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (p->line[l] != 0)
            fprintf(f, "%4u %12" PRIu64 "  %5.1f%%  %s\n", (unsigned)l, p->line[l],
                    share(p->line[l], p->steps),
                    ssem_disasm_obeyed(final->store[l], text, sizeof text));
    fprintf(f, "instruction mix:\n");
    for (uint32_t fn = 0; fn < 8; fn++) {
        const char *mn = ssem_op_info(fn)->mnemonic;
        bool seen = false;
        for (uint32_t g = 0; g < fn; g++)
            seen = seen || strcmp(ssem_op_info(g)->mnemonic, mn) == 0;
        if (seen)
            continue; /* function 5 is SUB: counted with 4 */
        uint64_t n = 0;
        for (uint32_t g = fn; g < 8; g++)
            if (strcmp(ssem_op_info(g)->mnemonic, mn) == 0)
                n += p->function[g];
        fprintf(f, "  %-4s %12" PRIu64 "  %5.1f%%  %s\n", mn, n, share(n, p->steps),
                ssem_op_info(fn)->notation);
    }
    fprintf(f, "loops (back-edges: a jump or skip to the same line or one above it):\n");
    bool any = false;
    for (uint32_t from = 0; from < SSEM_LINES; from++)
        for (uint32_t to = 0; to < SSEM_LINES; to++)
            if (p->edge[from][to] != 0) {
                char edge[24];
                snprintf(edge, sizeof edge, "%u -> %u", (unsigned)from, (unsigned)to);
                fprintf(f, "  %-10s %12" PRIu64 " times  (line %u: %s; loop body lines %u-%u)\n",
                        edge, p->edge[from][to], (unsigned)from,
                        ssem_disasm_obeyed(final->store[from], text, sizeof text), (unsigned)to,
                        (unsigned)from);
                any = true;
            }
    if (!any)
        fprintf(f, "  none\n");
}

/* ------------------------------------------------------------ explain */

/* A word's value as the explanation shows it: signed decimal. */
static void value_text(char *buf, size_t size, uint32_t w, bool paren_negative)
{
    int32_t v = ssem_word_signed(w);
    if (paren_negative && v < 0)
        snprintf(buf, size, "(%" PRId32 ")", v);
    else
        snprintf(buf, size, "%" PRId32, v);
}

typedef struct text {
    char s[256];
    size_t len;
} text_t;

static void put(text_t *t, const char *s)
{
    for (; *s != '\0' && t->len + 1u < sizeof t->s; s++)
        t->s[t->len++] = *s;
    t->s[t->len] = '\0';
}

/* The register-transfer text with n filled in ("S[n]" -> "S[27]"). */
static void with_line(text_t *out, const char *rtl, uint32_t n)
{
    char num[16];
    snprintf(num, sizeof num, "S[%u]", (unsigned)n);
    for (const char *p = rtl; *p;) {
        if (strncmp(p, "S[n]", 4) == 0) {
            put(out, num);
            p += 4;
        } else {
            char c[2] = {*p++, '\0'};
            put(out, c);
        }
    }
}

/* The values an operand name had when the instruction executed: A and the
 * store from before the step, CI after the fetch's increment. */
static uint32_t operand_value(const char *name, size_t len, const ssem_t *before, uint32_t n,
                              bool *known)
{
    *known = true;
    if (len == 1 && name[0] == 'A')
        return before->a;
    if (len == 2 && strncmp(name, "CI", 2) == 0)
        return before->ci + 1u;
    if (len == 4 && strncmp(name, "S[n]", 4) == 0)
        return before->store[n];
    *known = false;
    return 0;
}

/* The rtl expressions are space-separated tokens ("A - S[n]", "-S[n]").
 * Copies the spaces at *p to out, leaves *p on the next token and returns
 * its length (0 at the end). Both walkers below go through here. */
static size_t next_token(text_t *out, const char **p)
{
    for (; **p == ' '; (*p)++)
        put(out, " ");
    const char *end = strchr(*p, ' ');
    return end ? (size_t)(end - *p) : strlen(*p);
}

/* rtl with the values substituted. Returns the number of tokens. */
static int substitute(text_t *out, const char *expr, const ssem_t *before, uint32_t n)
{
    int tokens = 0;
    size_t len;
    for (const char *p = expr; (len = next_token(out, &p)) > 0; p += len) {
        bool unary = len > 1 && p[0] == '-';
        bool known;
        uint32_t v = operand_value(p + unary, len - unary, before, n, &known);
        char buf[40];
        if (known) {
            if (unary)
                put(out, "-");
            bool is_ci = (len - unary) == 2 && strncmp(p + unary, "CI", 2) == 0;
            if (is_ci)
                snprintf(buf, sizeof buf, "%" PRIu32, v);
            else
                value_text(buf, sizeof buf, v, unary || tokens > 0);
            put(out, buf);
        } else {
            snprintf(buf, sizeof buf, "%.*s", (int)len, p);
            put(out, buf);
        }
        tokens++;
    }
    return tokens;
}

/* The expression read aloud. */
static void in_words(text_t *out, const char *expr, uint32_t n)
{
    static const struct {
        const char *token, *words;
    } say[] = {{"A", "the accumulator"}, {"<-", "takes"},     {"+", "plus"},
               {"-", "minus"},           {"<", "is below"},   {"then", "then"}};
    char line[24];
    snprintf(line, sizeof line, "line %u", (unsigned)n);
    size_t len;
    for (const char *p = expr; (len = next_token(out, &p)) > 0; p += len) {
        bool unary = len > 1 && p[0] == '-';
        const char *q = p + unary;
        size_t qlen = len - unary;
        if (unary)
            put(out, "minus ");
        bool done = false;
        if (qlen == 4 && strncmp(q, "S[n]", 4) == 0) {
            put(out, line);
            done = true;
        }
        for (size_t i = 0; !done && i < sizeof say / sizeof say[0]; i++)
            if (strlen(say[i].token) == qlen && strncmp(q, say[i].token, qlen) == 0) {
                put(out, say[i].words);
                done = true;
            }
        if (!done) {
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)qlen, q);
            put(out, buf);
        }
    }
}

/* The new value of an assignment's target after the step. */
static void result_text(char *buf, size_t size, const char *lhs, const ssem_t *after, uint32_t n)
{
    if (strcmp(lhs, "CI") == 0)
        snprintf(buf, size, "%" PRIu32, after->ci);
    else if (strcmp(lhs, "A") == 0)
        value_text(buf, size, after->a, false);
    else if (strcmp(lhs, "S[n]") == 0)
        value_text(buf, size, after->store[n], false);
    else
        buf[0] = '\0';
}

/* "LHS <- RHS = values = result" for one assignment of the rtl. */
static void explain_assignment(text_t *out, const char *assign, const ssem_t *before,
                               const ssem_t *after, uint32_t n)
{
    const char *arrow = strstr(assign, " <- ");
    if (arrow == NULL) {
        put(out, assign);
        return;
    }
    char lhs[16];
    snprintf(lhs, sizeof lhs, "%.*s", (int)(arrow - assign), assign);
    const char *rhs = arrow + 4;
    with_line(out, assign, n);
    text_t values = {{0}, 0};
    int tokens = substitute(&values, rhs, before, n);
    char result[40];
    result_text(result, sizeof result, lhs, after, n);
    bool plain = tokens == 1 && rhs[0] != '-'; /* "S[n] <- A": the value once */
    put(out, " = ");
    put(out, values.s);
    if (!plain && strcmp(values.s, result) != 0) {
        put(out, " = ");
        put(out, result);
    }
}

void explain_step(const ssem_t *before, const ssem_t *after, ssem_stop_t why, FILE *f)
{
    char text[40], bits[33];
    uint32_t ci = before->ci + 1u;
    fprintf(f, "step %" PRIu64 "\n", after->steps + (why == SSEM_FAULT ? 1u : 0u));
    if (why == SSEM_FAULT) {
        char reason[256];
        ssem_fault_reason(after, reason, sizeof reason);
        fprintf(f, "  fetch    CI <- CI + 1 = %" PRIu32 " + 1 = %" PRIu32 ": %s\n", before->ci,
                ci, reason);
        return;
    }
    uint32_t line = ci & SSEM_LINE_MASK, w = after->pi;
    fprintf(f, "  fetch    CI <- CI + 1 = %" PRIu32 " + 1 = %" PRIu32 "; PI <- S[%u] = %s (%s)\n",
            before->ci, ci, (unsigned)line, ssem_word_bits(w, bits, sizeof bits),
            ssem_disasm_obeyed(w, text, sizeof text));

    uint32_t fn = ssem_word_function(w), n = ssem_word_line(w);
    const ssem_op_info_t *op = ssem_op_info(fn);
    /* the rtl without a trailing remark such as " (as 4)" */
    char rtl[128], remark[64] = "";
    snprintf(rtl, sizeof rtl, "%s", op->rtl);
    char *paren = strstr(rtl, " (");
    if (paren != NULL) {
        snprintf(remark, sizeof remark, "%s", paren);
        *paren = '\0';
    }
    text_t out = {{0}, 0}, words = {{0}, 0};
    const char *then = strstr(rtl, " then ");
    if (strncmp(rtl, "if ", 3) == 0 && then != NULL) {
        /* a test: the condition with its values, then what followed */
        char cond[64];
        snprintf(cond, sizeof cond, "%.*s", (int)(then - rtl - 3), rtl + 3);
        const char *assign = then + 6;
        bool taken = after->ci != ci;
        put(&out, rtl);
        put(&out, ": ");
        substitute(&out, cond, before, n);
        put(&out, taken ? " is true, so " : " is false: nothing changes");
        if (taken)
            explain_assignment(&out, assign, before, after, n);
    } else {
        explain_assignment(&out, rtl, before, after, n);
    }
    /* the words: the transfer read aloud (an rtl that is already words,
     * like STP's, is not repeated), then what follows from it */
    if (strstr(rtl, "<-") != NULL)
        in_words(&words, rtl, n);
    uint32_t next = (after->ci + 1u) & SSEM_LINE_MASK;
    char then_text[64] = "";
    if (after->lamp)
        snprintf(then_text, sizeof then_text, "the lamp is lit; CI stays on line %u",
                 (unsigned)(after->ci & SSEM_LINE_MASK));
    else if ((op->flags & SSEM_BRANCHES) && next != ((line + 1u) & SSEM_LINE_MASK))
        snprintf(then_text, sizeof then_text, "the next fetch is from line %u", (unsigned)next);
    fprintf(f, "  execute  %s: %s%s\n", op->notation, out.s, remark);
    fprintf(f, "           (%s%s%s)\n", words.s, words.len > 0 && then_text[0] ? "; " : "",
            then_text);
}

void trace_json_step(const ssem_t *before, const ssem_t *after, ssem_stop_t why, FILE *f)
{
    if (why == SSEM_FAULT) {
        fprintf(f,
                "{\"step\":%" PRIu64 ",\"fault\":true,\"ci\":%" PRIu32 ",\"a\":%" PRId32
                ",\"status\":\"fault\"}\n",
                after->steps + 1u, after->ci, ssem_word_signed(after->a));
        return;
    }
    uint32_t w = after->pi, fn = ssem_word_function(w), n = ssem_word_line(w);
    const ssem_op_info_t *op = ssem_op_info(fn);
    char text[40], bits[33];
    fprintf(f,
            "{\"step\":%" PRIu64 ",\"line\":%u,\"word\":%" PRId32 ",\"bits\":\"%s\","
            "\"function\":%u,\"mnemonic\":\"%s\",\"operand\":",
            after->steps, (unsigned)executed_line(before), ssem_word_signed(w),
            ssem_word_bits(w, bits, sizeof bits), (unsigned)fn, op->mnemonic);
    if (op->flags & SSEM_HAS_OPERAND)
        fprintf(f, "%u", (unsigned)n);
    else
        fputs("null", f);
    fprintf(f,
            ",\"text\":\"%s\",\"a\":%" PRId32 ",\"ci\":%" PRIu32 ",\"next_line\":%u,\"status\":\"%s\"",
            ssem_disasm_obeyed(w, text, sizeof text), ssem_word_signed(after->a), after->ci,
            (unsigned)((after->ci + 1u) & SSEM_LINE_MASK),
            why == SSEM_HALTED ? "halted" : "running");
    if (op->flags & SSEM_WRITES_STORE)
        fprintf(f, ",\"stored\":{\"line\":%u,\"value\":%" PRId32 "}", (unsigned)n,
                ssem_word_signed(after->store[n]));
    fputs("}\n", f);
}

/* ------------------------------------------------------- translation log */

bool translation_log_disassembles(void)
{
#ifdef SSEM_HAVE_CAPSTONE
    return true;
#else
    return false;
#endif
}

/* The host code, disassembled; before the code of each Baby instruction
 * (ev->offsets), a comment naming it, as QEMU marks guest instructions. */
static void print_host_code(FILE *f, const ssem_event_t *ev)
{
    const uint8_t *code = ev->code;
    size_t len = ev->code_len;
    uint64_t address = ev->host_address;
#ifdef SSEM_HAVE_CAPSTONE
    char text[40];
    uint32_t next = 0; /* the next Baby instruction to announce */
    csh handle;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) == CS_ERR_OK) {
        cs_insn *insn;
        size_t count = cs_disasm(handle, code, len, address, 0, &insn);
        size_t done = 0;
        for (size_t i = 0; i < count; i++) {
            size_t at = (size_t)(insn[i].address - ev->host_address);
            if (ev->offsets != NULL && at == 0 && ev->offsets[0] > 0)
                fprintf(f, "  ;; the block's entry: are there %u steps left in the budget?\n",
                        (unsigned)ev->count);
            for (; ev->offsets != NULL && next < ev->count && ev->offsets[next] <= at; next++)
                fprintf(f, "  ;; line %u: %s\n", (unsigned)(ev->line + next),
                        ssem_disasm_obeyed(ev->words[next], text, sizeof text));
            if (ev->offsets != NULL && next == ev->count && i > 0 && at > ev->offsets[next - 1u] &&
                strcmp(insn[i - 1].mnemonic, "jmp") == 0) {
                fprintf(f, "  ;; out of line: exits and skips\n");
                next++; /* said once */
            }
            fprintf(f, "  0x%" PRIx64 ":  %-8s %s\n", insn[i].address, insn[i].mnemonic,
                    insn[i].op_str);
            done += insn[i].size;
        }
        if (count > 0)
            cs_free(insn, count);
        cs_close(&handle);
        if (done == len)
            return;
        code += done;
        address += done;
        len -= done;
        fprintf(f, "  (capstone stopped: the rest as bytes)\n");
    }
#endif
    for (size_t i = 0; i < len; i += 16) {
        fprintf(f, "  0x%" PRIx64 ": ", address + i);
        for (size_t j = i; j < len && j < i + 16; j++)
            fprintf(f, " %02x", code[j]);
        fputc('\n', f);
    }
}

void translation_log_event(void *user, const ssem_event_t *ev)
{
    const translation_log_t *log = user;
    FILE *f = log->out;
    if (!log->blocks)
        return;
    char text[40], bits[33];
    switch (ev->kind) {
    case SSEM_EVENT_TRANSLATE:
        fprintf(f, "IN: block at line %u (%u instruction%s)\n", (unsigned)ev->line,
                (unsigned)ev->count, ev->count == 1 ? "" : "s");
        for (uint32_t i = 0; i < ev->count; i++)
            fprintf(f, "  %2u  %s  %s\n", (unsigned)(ev->line + i),
                    ssem_word_bits(ev->words[i], bits, sizeof bits),
                    ssem_disasm_obeyed(ev->words[i], text, sizeof text));
        fprintf(f, "OUT: %zu bytes of x86-64 at 0x%" PRIx64 "\n", ev->code_len, ev->host_address);
        print_host_code(f, ev);
        fputc('\n', f);
        break;
    case SSEM_EVENT_CHAIN:
        fprintf(f, "CHAIN: block %u -> block %u (jmp at 0x%" PRIx64 ")\n", (unsigned)ev->from_line,
                (unsigned)ev->line, ev->host_address);
        break;
    case SSEM_EVENT_INVALIDATE:
        fprintf(f, "INVALIDATE: %s: %u block%s dropped\n", ev->why, (unsigned)ev->count,
                ev->count == 1 ? "" : "s");
        break;
    case SSEM_EVENT_FLUSH:
        fprintf(f, "FLUSH: %s: %u block%s dropped\n", ev->why, (unsigned)ev->count,
                ev->count == 1 ? "" : "s");
        break;
    case SSEM_EVENT_FALLBACK:
        fprintf(f, "FALLBACK: %" PRIu64 " step%s from line %u by the reference step (%s)\n",
                ev->steps, ev->steps == 1 ? "" : "s", (unsigned)ev->line, ev->why);
        break;
    }
}

void translation_log_stats(const ssem_engine_stats_t *st, const char *engine, FILE *f)
{
    fprintf(f, "translation statistics (engine %s):\n", engine);
    fprintf(f, "  blocks translated     %12" PRIu64 "\n", st->blocks);
    fprintf(f, "  Baby instructions in  %12" PRIu64 "\n", st->instructions);
    fprintf(f, "  host code bytes out   %12" PRIu64 "\n", st->host_bytes);
    fprintf(f, "  chains                %12" PRIu64 "\n", st->chains);
    fprintf(f, "  invalidations         %12" PRIu64 "\n", st->invalidations);
    fprintf(f, "  flushes               %12" PRIu64 "\n", st->flushes);
    fprintf(f, "  blocks dropped        %12" PRIu64 "\n", st->dropped);
    fprintf(f, "  fallbacks to ref      %12" PRIu64 "  (%" PRIu64 " steps)\n", st->fallbacks,
            st->fallback_steps);
}
