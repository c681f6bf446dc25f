/*
 * asm.c - the assembler: every Baby assembly dialect we have met, one parser.
 *
 * Programs for the Baby are written for a dozen tools that mostly agree: one
 * statement per line, an optional line number ("05", "0005", "05:"), a
 * mnemonic and an operand. They disagree in details (comment markers,
 * aliases, how binary is written, whether lines are numbered, labels), and
 * none of the details collide, so one grammar reads them all; docs/asm.md
 * describes it, with the quirk of each tool and why we follow it.
 *
 * A statement line is
 *
 *     [line-number [:]] {label :} [operation [operand]] [comment]
 *
 * and a word goes to the line number when there is one, else to the line
 * after the previous word (from line 0). A line number alone (with or without
 * a comment) moves the position there and, if nothing is then placed on that
 * line, makes it an empty (zero) line, as emuStudio and NevynUK files use it.
 *
 * Two passes over the text, with no allocation: the first finds the labels
 * (positions do not depend on label values, so both passes place every word
 * alike), the second evaluates operands and fills the image. Syntax errors
 * are reported by the first pass, so an error on line 50 may be reported
 * before an undefined label on line 10.
 *
 * Robustness: the text is not NUL-terminated and may hold any bytes. Every
 * read is checked against the end of the current line, numbers are
 * accumulated with an explicit bound (never past 2^32), expressions are
 * evaluated iteratively in int64_t with a bound on the running total, and
 * the label table is a fixed array in the context.
 */
#include "internal.h"
#include "text.h"

#include <string.h>

#define ASM_MAX_LABELS 512
#define ASM_NAME_SHOWN 40          /* characters of a name shown in messages */
#define ASM_EXPR_BOUND (1LL << 40) /* a running total past this is an error */

typedef struct asm_label {
    size_t at, n; /* the name: text[at .. at+n) */
    int64_t value;
    int line; /* source line of the definition */
} asm_label_t;

/* What an operation does with its line. */
typedef enum asm_kind {
    K_INSTR, /* an instruction: function + line number             */
    K_DATA,  /* NUM / VAR: the operand is the word                   */
    K_BITS,  /* BNUM / BINS / BIN: the operand is bits, bit 0 first  */
    K_ADDR,  /* EJA / ADR: a jump address, the operand minus one     */
    K_ORG,   /* ORG / .org: the next word goes to the operand's line */
    K_START  /* emuStudio START: accepted, not needed on the Baby    */
} asm_kind_t;

typedef struct asm_ctx {
    const char *text;
    size_t len;
    const char *name;
    ssem_image_t *img;
    ssem_diag_t *err;
    int pass; /* 1: labels; 2: words */

    /* the current source line: text[ls .. le), cursor p */
    size_t ls, le, p;
    int line;
    int count_line; /* Sharp's count line, skipped; 0 when there is none */

    uint64_t pos;        /* where the next unnumbered word goes */
    bool pending;        /* a bare line number is waiting for a word */
    uint64_t pending_at; /* ... on this line */
    bool warned_long;

    int nlabels;
    asm_label_t label[ASM_MAX_LABELS];
} asm_ctx_t;

/* ------------------------------------------------------------------------
 * Characters. Our own tests, not <ctype.h> (src/text.h says why); the
 * blanks, digits and comments are those of every reader.
 * ---------------------------------------------------------------------- */
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_ident_start(char c) { return is_alpha(c) || c == '_' || c == '.'; }
static bool is_ident_char(char c) { return is_ident_start(c) || ssem_is_digit(c); }
static char to_upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

static int hex_value(char c)
{
    if (ssem_is_digit(c))
        return c - '0';
    char u = to_upper(c);
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

/* Case-insensitive comparison of text[at..at+n) with a NUL-terminated word. */
static bool same_word(const char *s, size_t n, const char *word)
{
    return ssem_name_equal(word, s, n);
}

/* ------------------------------------------------------------------------
 * The cursor within the current line.
 * ---------------------------------------------------------------------- */
static int col_at(const asm_ctx_t *c, size_t at) { return ssem_col_of(at - c->ls); }

static char peek(const asm_ctx_t *c, size_t k)
{
    return c->p + k < c->le ? c->text[c->p + k] : '\0';
}

static void skip_space(asm_ctx_t *c)
{
    c->p = c->ls + ssem_skip_blanks(c->text + c->ls, c->le - c->ls, c->p - c->ls);
}

/* Comments (src/text.h): "--" always starts one, so "x--1" is x and a comment. */
static bool at_comment(const asm_ctx_t *c)
{
    return ssem_is_comment(c->text + c->ls, c->le - c->ls, c->p - c->ls);
}

/* True when nothing but space and a comment is left on the line. */
static bool at_end(asm_ctx_t *c)
{
    skip_space(c);
    return c->p >= c->le || at_comment(c);
}

static size_t scan_ident(asm_ctx_t *c)
{
    size_t at = c->p;
    while (c->p < c->le && is_ident_char(c->text[c->p]))
        c->p++;
    return c->p - at;
}

/* A number-like token: digits and letters ("0x1F", "1Fh", "0b101", bits). */
static size_t scan_number(asm_ctx_t *c)
{
    size_t at = c->p;
    while (c->p < c->le && (is_alpha(c->text[c->p]) || ssem_is_digit(c->text[c->p]) ||
                            c->text[c->p] == '_'))
        c->p++;
    return c->p - at;
}

static int fail(asm_ctx_t *c, size_t at, const char *what)
{
    ssem_diag_set(c->err, c->name, c->line, col_at(c, at), "%s", what);
    return -1;
}

static int fail_unexpected(asm_ctx_t *c, const char *after)
{
    unsigned char ch = (unsigned char)c->text[c->p];
    if (ch > 32u && ch < 127u)
        ssem_diag_set(c->err, c->name, c->line, col_at(c, c->p), "unexpected '%c'%s", ch, after);
    else
        ssem_diag_set(c->err, c->name, c->line, col_at(c, c->p),
                      "unexpected byte 0x%02X%s", (unsigned)ch, after);
    return -1;
}

/* ------------------------------------------------------------------------
 * Numbers.
 * ---------------------------------------------------------------------- */

/* Bits written bit 0 first (the Baby's own order), at most 32 of them. */
static bool parse_lsb_bits(const char *s, size_t n, uint32_t *out)
{
    if (n == 0 || n > 32)
        return false;
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '0' && s[i] != '1')
            return false;
        if (s[i] == '1')
            w |= 1u << i;
    }
    *out = w;
    return true;
}

static bool only_bits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '0' && s[i] != '1')
            return false;
    return true;
}

static bool is_bits32(const char *s, size_t n)
{
    uint32_t w;
    return n == 32 && parse_lsb_bits(s, n, &w);
}

/* Digits in a base, conventional order (most significant first), bounded by
 * 2^32 - 1. Returns 0, -1 for a bad digit, -2 for out of range. */
static int parse_digits(const char *s, size_t n, unsigned base, uint64_t *out)
{
    if (n == 0)
        return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hex_value(s[i]);
        if (d < 0 || (unsigned)d >= base)
            return -1;
        v = v * base + (unsigned)d; /* v <= 2^32 before, so no overflow */
        if (v > 0xFFFFFFFFu)
            return -2;
    }
    *out = v;
    return 0;
}

/* A literal starting with a digit: 123, 0x1F, 1Fh (Sharp), 0b101 (most
 * significant bit first, as babyutils and Sharp write it). */
static int parse_literal(asm_ctx_t *c, size_t at, size_t n, uint64_t *out)
{
    const char *s = c->text + at;
    int r;
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        r = parse_digits(s + 2, n - 2, 16, out);
    else if (n > 1 && (s[n - 1] == 'h' || s[n - 1] == 'H'))
        r = parse_digits(s, n - 1, 16, out);
    else if (n > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        r = parse_digits(s + 2, n - 2, 2, out);
    else
        r = parse_digits(s, n, 10, out);
    if (r == -2)
        return fail(c, at, "number out of range");
    if (r < 0) {
        ssem_diag_set(c->err, c->name, c->line, col_at(c, at), "bad number '%.*s'",
                      (int)(n < ASM_NAME_SHOWN ? n : ASM_NAME_SHOWN), s);
        return -1;
    }
    return 0;
}

/* Sharp's LSB-first binary literal: L0b followed by bits, bit 0 first. */
static bool is_lsb_literal(const char *s, size_t n)
{
    return n > 3 && (s[0] == 'L' || s[0] == 'l') && s[1] == '0' && (s[2] == 'b' || s[2] == 'B');
}

/* ------------------------------------------------------------------------
 * Labels.
 * ---------------------------------------------------------------------- */
static asm_label_t *find_label(asm_ctx_t *c, size_t at, size_t n)
{
    for (int i = 0; i < c->nlabels; i++) {
        asm_label_t *l = &c->label[i];
        if (l->n == n && memcmp(c->text + l->at, c->text + at, n) == 0)
            return l;
    }
    return NULL;
}

static int define_label(asm_ctx_t *c, size_t at, size_t n)
{
    if (c->pass != 1)
        return 0;
    asm_label_t *old = find_label(c, at, n);
    if (old != NULL) {
        ssem_diag_set(c->err, c->name, c->line, col_at(c, at),
                      "duplicate label '%.*s' (first defined on line %d)",
                      (int)(n < ASM_NAME_SHOWN ? n : ASM_NAME_SHOWN), c->text + at, old->line);
        return -1;
    }
    if (c->nlabels >= ASM_MAX_LABELS)
        return fail(c, at, "too many labels");
    asm_label_t *l = &c->label[c->nlabels++];
    l->at = at;
    l->n = n;
    l->value = (int64_t)c->pos;
    l->line = c->line;
    return 0;
}

/* ------------------------------------------------------------------------
 * Expressions: terms joined by + and -, each term a number, a label or $
 * (the line being assembled), with optional signs in front.
 * ---------------------------------------------------------------------- */

/* `here` is the value of $; `early` demands labels defined on or before
 * this line (for ORG, whose value must be the same in both passes). A binary
 * + or - is read as the sign of the next term, which is the same sum. */
static int parse_expr(asm_ctx_t *c, int64_t here, bool early, int64_t *out)
{
    int64_t acc = 0;
    for (;;) {
        bool neg = false;
        skip_space(c);
        while (c->p < c->le && !at_comment(c) && (peek(c, 0) == '-' || peek(c, 0) == '+')) {
            if (peek(c, 0) == '-')
                neg = !neg;
            c->p++;
            skip_space(c);
        }
        if (at_end(c))
            return fail(c, c->p, "expected an operand");

        size_t at = c->p;
        char ch = peek(c, 0);
        int64_t v;
        if (ch == '$') {
            c->p++;
            v = here;
        } else if (ssem_is_digit(ch)) {
            size_t n = scan_number(c);
            uint64_t u;
            if (parse_literal(c, at, n, &u) != 0)
                return -1;
            v = (int64_t)u;
        } else if (is_ident_start(ch)) {
            size_t n = scan_ident(c);
            uint32_t w;
            if (is_lsb_literal(c->text + at, n)) {
                if (n - 3 > 32)
                    return fail(c, at, "number out of range");
                if (!parse_lsb_bits(c->text + at + 3, n - 3, &w))
                    return fail(c, at, "bad binary number: L0b takes 0s and 1s, bit 0 first");
                v = (int64_t)w;
            } else {
                const asm_label_t *l = find_label(c, at, n);
                bool ok = l != NULL && (!early || l->line <= c->line);
                if (!ok && (c->pass == 2 || early)) {
                    int shown = (int)(n < ASM_NAME_SHOWN ? n : ASM_NAME_SHOWN);
                    if (l != NULL)
                        ssem_diag_set(c->err, c->name, c->line, col_at(c, at),
                                      "label '%.*s' is defined after this line", shown,
                                      c->text + at);
                    else
                        ssem_diag_set(c->err, c->name, c->line, col_at(c, at),
                                      "undefined label '%.*s'", shown, c->text + at);
                    return -1;
                }
                v = ok ? l->value : 0;
            }
        } else {
            return fail_unexpected(c, ": expected a number or a label");
        }

        acc += neg ? -v : v;
        if (acc > ASM_EXPR_BOUND || acc < -ASM_EXPR_BOUND)
            return fail(c, at, "number out of range");

        skip_space(c);
        if (c->p >= c->le || at_comment(c) || (peek(c, 0) != '+' && peek(c, 0) != '-'))
            break;
    }
    *out = acc;
    return 0;
}

/* ------------------------------------------------------------------------
 * Operations: the ISA's own mnemonics (from SSEM_ISA, through ssem_op_info)
 * and the aliases and directives other tools use.
 * ---------------------------------------------------------------------- */
static const struct asm_alias {
    const char *name;
    asm_kind_t kind;
    uint32_t function;
} asm_aliases[] = {
    {"JPR", K_INSTR, 1},  {"JMR", K_INSTR, 1},  /* NevynUK, emuStudio         */
    {"SKN", K_INSTR, 6},                        /* "skip if negative"         */
    {"HLT", K_INSTR, 7},  {"STOP", K_INSTR, 7}, {"HALT", K_INSTR, 7},
    {"NUM", K_DATA, 0},   {"VAR", K_DATA, 0},   /* VAR: Dundee-style files    */
    {"BNUM", K_BITS, 0},  {"BINS", K_BITS, 0},  {"BIN", K_BITS, 0},
    {"EJA", K_ADDR, 0},   {"ADR", K_ADDR, 0},   /* babyutils, Sharp's .s      */
    {"ORG", K_ORG, 0},    {".ORG", K_ORG, 0},
    {"START", K_START, 0},                      /* emuStudio                  */
};

static bool lookup_op(const char *s, size_t n, asm_kind_t *kind, uint32_t *function)
{
    /* first match wins, so SUB is function 4, not the undocumented 5 */
    for (uint32_t f = 0; f <= SSEM_FUNC_MASK; f++) {
        if (same_word(s, n, ssem_op_info(f)->mnemonic)) {
            *kind = K_INSTR;
            *function = f;
            return true;
        }
    }
    for (size_t i = 0; i < sizeof asm_aliases / sizeof asm_aliases[0]; i++) {
        if (same_word(s, n, asm_aliases[i].name)) {
            *kind = asm_aliases[i].kind;
            *function = asm_aliases[i].function;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------------
 * Placing words.
 * ---------------------------------------------------------------------- */

/* A bare line number that got no word: that line is an empty (zero) line. */
static void flush_pending(asm_ctx_t *c)
{
    if (c->pending && c->pass == 2 && c->pending_at < SSEM_LINES) {
        uint32_t bit = 1u << c->pending_at;
        if ((c->img->defined & bit) == 0u) {
            c->img->defined |= bit;
            c->img->word[c->pending_at] = 0u;
        }
    }
    c->pending = false;
}

static void place(asm_ctx_t *c, uint32_t word, size_t at)
{
    uint64_t line = c->pos;
    c->pending = false;
    c->pos = line + 1u;
    if (c->pass != 2)
        return;
    if (line >= SSEM_LINES) {
        /* A warning, not an error: the words that fit are still a program,
         * and the message says exactly what was lost. */
        if (!c->warned_long)
            ssem_image_warn(c->img, c->name, c->line, col_at(c, at),
                            "program longer than 32 lines: this word and the ones after it "
                            "are dropped");
        c->warned_long = true;
        return;
    }
    uint32_t bit = 1u << line;
    if (c->img->defined & bit)
        ssem_image_warn(c->img, c->name, c->line, col_at(c, at),
                        "line %u assembled twice; the later word is kept", (unsigned)line);
    c->img->defined |= bit;
    c->img->word[line] = word;
}

/* A value for a data word: anything from -2^31 to 2^32 - 1, as two's complement. */
static int data_word(asm_ctx_t *c, int64_t v, size_t at, uint32_t *w)
{
    if (c->pass == 2 && (v < -(int64_t)0x80000000LL || v > (int64_t)0xFFFFFFFFLL))
        return fail(c, at, "number out of range");
    *w = (uint32_t)((uint64_t)v & 0xFFFFFFFFu);
    return 0;
}

/* A line number operand: 0..31 after evaluation. Checked in pass 2 only,
 * when forward labels have their values. */
static int line_operand(asm_ctx_t *c, int64_t v, size_t at, uint32_t *n)
{
    if (c->pass == 2 && (v < 0 || v > 31))
        return fail(c, at, "line number out of range 0..31");
    *n = (uint32_t)((uint64_t)v & SSEM_LINE_MASK);
    return 0;
}

/* ------------------------------------------------------------------------
 * One source line.
 * ---------------------------------------------------------------------- */
static int expect_end(asm_ctx_t *c)
{
    if (!at_end(c))
        return fail(c, c->p, "unexpected text after operand");
    return 0;
}

static int parse_operation(asm_ctx_t *c, size_t op_at, size_t op_n, bool numbered,
                           uint64_t pos_before)
{
    asm_kind_t kind;
    uint32_t f;
    if (!lookup_op(c->text + op_at, op_n, &kind, &f)) {
        ssem_diag_set(c->err, c->name, c->line, col_at(c, op_at), "unknown mnemonic '%.*s'",
                      (int)(op_n < ASM_NAME_SHOWN ? op_n : ASM_NAME_SHOWN), c->text + op_at);
        return -1;
    }
    int64_t here = (int64_t)c->pos, v = 0;
    uint32_t w = 0, n = 0;
    size_t at;

    switch (kind) {
    case K_INSTR:
        skip_space(c);
        at = c->p;
        if (ssem_op_info(f)->flags & SSEM_HAS_OPERAND) {
            if (parse_expr(c, here, false, &v) != 0)
                return -1;
        } else if (!at_end(c)) {
            /* CMP and STP take none, but a line number there is kept, so
             * that every word of that shape reads back as it was. */
            if (parse_expr(c, here, false, &v) != 0)
                return -1;
        }
        if (line_operand(c, v, at, &n) != 0)
            return -1;
        w = ssem_make_instruction(f, n);
        break;
    case K_DATA:
    case K_ADDR:
        skip_space(c);
        at = c->p;
        if (parse_expr(c, here, false, &v) != 0)
            return -1;
        /* EJA x: the word a JMP needs to arrive at x (babyutils; Sharp's ADR) */
        if (data_word(c, kind == K_ADDR ? v - 1 : v, at, &w) != 0)
            return -1;
        break;
    case K_BITS: {
        if (at_end(c))
            return fail(c, c->p, "expected an operand");
        at = c->p;
        size_t len = scan_number(c);
        if (!parse_lsb_bits(c->text + at, len, &w))
            return fail(c, at, len > 32 && only_bits(c->text + at, len)
                                   ? "number out of range: more than 32 bits"
                                   : "expected a string of 0s and 1s (bit 0 first)");
        break;
    }
    case K_ORG:
        skip_space(c);
        at = c->p;
        if (parse_expr(c, here, true, &v) != 0)
            return -1;
        if (v < 0 || v > 31)
            return fail(c, at, "line number out of range 0..31");
        if (expect_end(c) != 0)
            return -1;
        flush_pending(c);
        c->pos = (uint64_t)v;
        return 0;
    case K_START:
        /* emuStudio's "NN START" names the line execution starts from. The
         * Baby always starts with CI = 0, so only 0 can be honoured. */
        v = numbered ? (int64_t)c->pos : 0;
        at = op_at;
        if (!at_end(c)) {
            at = c->p;
            if (parse_expr(c, here, false, &v) != 0)
                return -1;
        }
        if (expect_end(c) != 0)
            return -1;
        if (c->pass == 2 && v != 0)
            ssem_image_warn(c->img, c->name, c->line, col_at(c, at),
                            "START %lld ignored: the Baby always starts with CI = 0",
                            (long long)v);
        c->pos = pos_before;
        return 0;
    }
    if (expect_end(c) != 0)
        return -1;
    place(c, w, op_at);
    return 0;
}

static int parse_line(asm_ctx_t *c)
{
    c->p = c->ls;
    if (at_end(c) || c->line == c->count_line)
        return 0;

    uint64_t pos_before = c->pos;
    bool numbered = false;
    if (ssem_is_digit(peek(c, 0))) {
        size_t at = c->p;
        size_t n = scan_number(c);
        if (is_bits32(c->text + at, n)) {
            c->p = at; /* a bare bit line: read below as a word */
        } else {
            uint64_t v;
            if (parse_literal(c, at, n, &v) != 0)
                return -1;
            if (v > 31)
                return fail(c, at, "line number out of range 0..31");
            skip_space(c);
            if (peek(c, 0) == ':')
                c->p++;
            flush_pending(c);
            c->pos = v;
            numbered = true;
        }
    }

    /* labels, then the operation */
    while (!at_end(c)) {
        size_t at = c->p;
        char ch = peek(c, 0);
        if (is_ident_start(ch)) {
            size_t n = scan_ident(c);
            skip_space(c);
            if (peek(c, 0) == ':') {
                c->p++;
                if (define_label(c, at, n) != 0)
                    return -1;
                continue;
            }
            return parse_operation(c, at, n, numbered, pos_before);
        }
        if (ssem_is_digit(ch)) {
            /* 32 bits, bit 0 first, where a mnemonic would be: a word
             * written as the Baby shows it ("0001:0001100000...") */
            size_t n = scan_number(c);
            uint32_t w;
            if (!is_bits32(c->text + at, n) || !parse_lsb_bits(c->text + at, n, &w)) {
                c->p = at;
                return fail_unexpected(c, ": expected a mnemonic");
            }
            if (expect_end(c) != 0)
                return -1;
            place(c, w, at);
            return 0;
        }
        return fail_unexpected(c, ": expected a mnemonic or a label");
    }
    if (numbered) {
        c->pending = true;
        c->pending_at = c->pos;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Lines of the text, and the passes.
 * ---------------------------------------------------------------------- */

/* Sets the current line from the iterator (src/text.h: the same lines,
 * byte-order mark and line ends as every reader); false past the end. */
static bool next_line(asm_ctx_t *c, ssem_lines_t *it)
{
    const char *s;
    size_t n;
    if (!ssem_lines_next(it, &s, &n))
        return false;
    c->ls = (size_t)(s - c->text);
    c->le = c->ls + n;
    c->line = it->lineno;
    return true;
}

/* David Sharp's files give the number of store lines before them: the first
 * statement is a number alone on its line ("31"). We take it for a count
 * only when it matches the number of statement lines after it; otherwise it
 * is what a bare number is everywhere else, an empty numbered line. */
static int find_count_line(asm_ctx_t *c)
{
    ssem_lines_t it;
    ssem_lines_init(&it, c->text, c->len);
    int count_line = 0;
    uint64_t count = 0, seen = 0;
    while (next_line(c, &it)) {
        c->p = c->ls;
        if (at_end(c))
            continue;
        if (count_line == 0) {
            size_t at = c->p;
            size_t n = 0;
            while (c->p < c->le && ssem_is_digit(c->text[c->p]) && n < 10u)
                c->p++, n++;
            skip_space(c);
            if (n == 0 || n >= 10u || c->p != c->le)
                return 0;
            for (size_t i = 0; i < n; i++)
                count = count * 10u + (uint64_t)(c->text[at + i] - '0');
            count_line = c->line;
        } else {
            seen++;
        }
    }
    return (count_line != 0 && seen == count) ? count_line : 0;
}

static int run_pass(asm_ctx_t *c, int pass)
{
    ssem_lines_t it;
    ssem_lines_init(&it, c->text, c->len);
    c->pass = pass;
    c->line = 0;
    c->pos = 0;
    c->pending = false;
    c->warned_long = false;
    while (next_line(c, &it))
        if (parse_line(c) != 0)
            return -1;
    flush_pending(c);
    return 0;
}

/* The labels that name store lines, in the image for debuggers: the first
 * label defined for a line wins; a name too long for the image is left out. */
static void keep_labels(asm_ctx_t *c)
{
    for (int i = 0; i < c->nlabels; i++) {
        const asm_label_t *l = &c->label[i];
        if (l->value < 0 || l->value >= (int64_t)SSEM_LINES || l->n >= SSEM_LABEL_SIZE)
            continue;
        size_t line = (size_t)l->value;
        if (((c->img->defined >> line) & 1u) == 0u || c->img->label[line][0] != '\0')
            continue;
        memcpy(c->img->label[line], c->text + l->at, l->n);
        c->img->label[line][l->n] = '\0';
    }
}

int ssem_asm_parse(const char *text, size_t len, const char *name, ssem_image_t *img,
                   ssem_diag_t *err)
{
    memset(img, 0, sizeof *img);
    img->format = SSEM_FORMAT_ASM;
    if (text == NULL)
        len = 0;

    asm_ctx_t c;
    memset(&c, 0, sizeof c);
    c.text = text ? text : "";
    c.len = len;
    c.name = name;
    c.img = img;
    c.err = err;
    c.count_line = find_count_line(&c);

    if (run_pass(&c, 1) != 0 || run_pass(&c, 2) != 0) {
        memset(img, 0, sizeof *img);
        return -1;
    }
    if (img->defined == 0u) {
        ssem_diag_set(err, name, 0, 0, "no store lines in the file");
        memset(img, 0, sizeof *img);
        return -1;
    }
    keep_labels(&c);
    return 0;
}
