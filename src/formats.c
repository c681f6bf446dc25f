/*
 * formats.c - program files in and out: detection, the four store-image
 * readers (listing, snapshot, bare bits, bare decimals) and three writers.
 * Share links (the url format) are read and written by src/url.c.
 *
 * Baby programs circulate in a dozen forms written by a dozen tools (see
 * docs/formats.md and ../shared/corpus). Assembly is handed to the assembler
 * (src/asm.c); every other form is a store image, one line of text per store
 * line, read here. Detection looks at the content first, line by line, and
 * lets the most common line shape decide; the file name's extension only
 * breaks ties, because files are often misnamed (a .snp holding a listing, a
 * .baby holding a snapshot).
 *
 * The readers take text that is not NUL-terminated and may hold any bytes
 * (they are fuzzed): every index is checked against the length, numbers are
 * accumulated with saturation, and words are built in uint32_t. Errors carry
 * the 1-based line and column of the offending byte; things that are odd but
 * harmless (a count line that disagrees, a line given twice) are warnings.
 */
#include "internal.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Names
 * ---------------------------------------------------------------------- */

static const char *const format_names[SSEM_FORMAT_COUNT] = {
    "auto", "listing", "snp", "asm", "bits", "decimal", "url", "state",
};

const char *ssem_format_name(ssem_format_t f)
{
    if ((unsigned)f >= (unsigned)SSEM_FORMAT_COUNT)
        return "unknown";
    return format_names[f];
}

int ssem_format_parse(const char *name, ssem_format_t *f)
{
    if (name == NULL || f == NULL)
        return -1;
    size_t n = strlen(name);
    for (int i = 0; i < (int)SSEM_FORMAT_COUNT; i++) {
        if (ssem_name_equal(format_names[i], name, n)) {
            *f = (ssem_format_t)i;
            return 0;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------------
 * Scanning text (lines, blanks, digits: src/text.h)
 * ---------------------------------------------------------------------- */

/* Nothing left on the line but blanks and perhaps a comment. */
static bool rest_is_empty(const char *s, size_t n, size_t i)
{
    i = ssem_skip_blanks(s, n, i);
    return i >= n || ssem_is_comment(s, n, i);
}

/* Where a reader is, for its messages. */
typedef struct reader {
    const char *name;
    ssem_image_t *img;
    ssem_diag_t *err;
    int lineno;
} reader_t;

/* Reads exactly 32 bits, bit 0 first, at s[i]; after them must come a blank,
 * the end of the line, or a comment. Returns 0, or -1 with *err set. */
static int read_bits(reader_t *r, const char *s, size_t n, size_t i, uint32_t *word)
{
    size_t k = 0;
    while (i + k < n && ssem_is_bit(s[i + k]))
        k++;
    char what[24];
    if (k > 32u) {
        ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i + 32u),
                      "more than 32 bits: a store line has 32");
        return -1;
    }
    bool ends = i + k >= n || ssem_is_blank(s[i + k]) || ssem_is_comment(s, n, i + k);
    if (k == 32u && !ends) {
        ssem_describe_byte(s[i + k], what, sizeof what);
        ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i + k), "unexpected %s after 32 bits",
                      what);
        return -1;
    }
    if (k < 32u) {
        if (k == 0u && ends)
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i),
                          "expected 32 bits (0 or 1, bit 0 first)");
        else if (ends)
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i),
                          "only %u bits: a store line has 32", (unsigned)k);
        else {
            ssem_describe_byte(s[i + k], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i + k),
                          "%s is not a bit (0 or 1)", what);
        }
        return -1;
    }
    uint32_t w = 0;
    for (unsigned b = 0; b < 32u; b++)
        if (s[i + b] == '1')
            w |= 1u << b;
    *word = w;
    return 0;
}

/* Reads a store-line number at s[*i] and checks it is 0..31. */
static int read_line_number(reader_t *r, const char *s, size_t n, size_t *i, uint32_t *line,
                            const char *expect)
{
    size_t start = *i;
    if (start >= n || !ssem_is_digit(s[start])) {
        char what[24];
        if (start >= n)
            snprintf(what, sizeof what, "end of line");
        else
            ssem_describe_byte(s[start], what, sizeof what);
        ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(start), "expected %s, found %s",
                      expect, what);
        return -1;
    }
    uint64_t v = ssem_parse_digits(s, n, i);
    if (v >= SSEM_LINES) {
        ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(start),
                      "store line number %.*s out of range 0..31",
                      (int)((*i - start) > 12u ? 12u : *i - start), s + start);
        return -1;
    }
    *line = (uint32_t)v;
    return 0;
}

static void set_line(reader_t *r, uint32_t line, uint32_t word, size_t col)
{
    if (r->img->defined & (1u << line))
        ssem_image_warn(r->img, r->name, r->lineno, ssem_col_of(col),
                        "store line %u given twice: the later value is kept", (unsigned)line);
    r->img->word[line] = word;
    r->img->defined |= 1u << line;
}

static int no_store_lines(reader_t *r)
{
    ssem_diag_set(r->err, r->name, 0, 0, "no store lines in the file");
    return -1;
}

/* ------------------------------------------------------------------------
 * Readers
 * ---------------------------------------------------------------------- */

/* The lecture's listing: "N BITS free comment". */
static int read_listing(const char *text, size_t len, reader_t *r)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    while (ssem_lines_next(&it, &s, &n)) {
        r->lineno = it.lineno;
        size_t i = ssem_skip_blanks(s, n, 0);
        if (i >= n || ssem_is_comment(s, n, i))
            continue;
        size_t at = i;
        uint32_t line, word;
        if (read_line_number(r, s, n, &i, &line, "a store line number") != 0)
            return -1;
        if (i < n && !ssem_is_blank(s[i])) {
            char what[24];
            ssem_describe_byte(s[i], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i),
                          "expected a space after the line number, found %s", what);
            return -1;
        }
        i = ssem_skip_blanks(s, n, i);
        if (read_bits(r, s, n, i, &word) != 0)
            return -1;
        /* whatever follows the bits is the programmer's comment */
        set_line(r, line, word, at);
    }
    return r->img->defined ? 0 : no_store_lines(r);
}

/* Sharp's snapshot: ";" comments, an optional count line, "NNNN:BITS". The
 * colon may have blanks around it (pfaivre and babyutils write "0000: BITS"). */
static int read_snp(const char *text, size_t len, reader_t *r)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    bool seen_any = false, have_count = false;
    uint64_t count = 0;
    int count_line = 0, count_col = 0;
    unsigned read = 0;
    while (ssem_lines_next(&it, &s, &n)) {
        r->lineno = it.lineno;
        size_t i = ssem_skip_blanks(s, n, 0);
        if (i >= n || ssem_is_comment(s, n, i))
            continue;
        size_t at = i;
        if (!ssem_is_digit(s[i])) {
            char what[24];
            ssem_describe_byte(s[i], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i),
                          "expected a line such as 0001:<32 bits>, found %s", what);
            return -1;
        }
        size_t j = i;
        uint64_t v = ssem_parse_digits(s, n, &j);
        size_t k = ssem_skip_blanks(s, n, j);
        if (k >= n || ssem_is_comment(s, n, k)) {
            /* a bare number: the count line, allowed once before any store line */
            if (seen_any) {
                ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(j),
                              "expected ':' after the line number");
                return -1;
            }
            seen_any = true;
            have_count = true;
            count = v;
            count_line = r->lineno;
            count_col = ssem_col_of(i);
            continue;
        }
        seen_any = true;
        if (s[k] != ':') {
            /* reported right after the number, where the colon belongs */
            char what[24];
            ssem_describe_byte(s[j], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(j),
                          "expected ':' after the line number, found %s", what);
            return -1;
        }
        uint32_t line, word;
        if (read_line_number(r, s, n, &i, &line, "a store line number") != 0)
            return -1;
        i = ssem_skip_blanks(s, n, k + 1u);
        if (read_bits(r, s, n, i, &word) != 0)
            return -1;
        if (!rest_is_empty(s, n, i + 32u)) {
            size_t e = ssem_skip_blanks(s, n, i + 32u);
            char what[24];
            ssem_describe_byte(s[e], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(e),
                          "unexpected %s after the bits", what);
            return -1;
        }
        set_line(r, line, word, at);
        read++;
    }
    if (!r->img->defined)
        return no_store_lines(r);
    if (have_count && count != read) {
        /* Sharp's own files get this wrong (Baby9.snp says 31, lists 32):
         * the lines themselves are what the file means, so only warn */
        if (count >= SSEM_NUMBER_CAP)
            ssem_image_warn(r->img, r->name, count_line, count_col,
                            "the count line is too large: %u store lines follow",
                            (unsigned)read);
        else
            ssem_image_warn(r->img, r->name, count_line, count_col,
                            "the count line says %llu store lines but %u follow",
                            (unsigned long long)count, (unsigned)read);
    }
    return 0;
}

/* Bare lines of 32 bits (or of decimal words), store line 0 first. */
static int read_sequential(const char *text, size_t len, reader_t *r, bool decimal)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    uint32_t line = 0;
    while (ssem_lines_next(&it, &s, &n)) {
        r->lineno = it.lineno;
        size_t i = ssem_skip_blanks(s, n, 0);
        if (i >= n || ssem_is_comment(s, n, i))
            continue;
        if (line >= SSEM_LINES) {
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(i),
                          "more than 32 store lines");
            return -1;
        }
        uint32_t word;
        size_t end;
        if (!decimal) {
            if (read_bits(r, s, n, i, &word) != 0)
                return -1;
            end = i + 32u;
        } else {
            size_t start = i;
            bool negative = false;
            if (s[i] == '-' || s[i] == '+')
                negative = s[i++] == '-';
            if (i >= n || !ssem_is_digit(s[i])) {
                ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(start),
                              "expected a signed decimal number");
                return -1;
            }
            uint64_t v = ssem_parse_digits(s, n, &i);
            /* -2^31 .. 2^32-1: signed words, or the unsigned view of one */
            if ((negative && v > 0x80000000ull) || (!negative && v > 0xFFFFFFFFull)) {
                ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(start),
                              "number out of range for a 32-bit word");
                return -1;
            }
            word = negative ? 0u - (uint32_t)v : (uint32_t)v;
            end = i;
        }
        if (!rest_is_empty(s, n, end)) {
            size_t e = end < n && !ssem_is_blank(s[end]) ? end : ssem_skip_blanks(s, n, end);
            char what[24];
            ssem_describe_byte(s[e], what, sizeof what);
            ssem_diag_set(r->err, r->name, r->lineno, ssem_col_of(e), "unexpected %s after the %s",
                          what, decimal ? "number" : "bits");
            return -1;
        }
        r->img->word[line] = word;
        r->img->defined |= 1u << line;
        line++;
    }
    return line ? 0 : no_store_lines(r);
}

/* ------------------------------------------------------------------------
 * Detection
 * ---------------------------------------------------------------------- */

enum shape { SHAPE_SNP, SHAPE_LISTING, SHAPE_BITS, SHAPE_NUMBER, SHAPE_OTHER, SHAPE_COUNT };

/* What one non-blank, non-comment line looks like, loosely: a shape is
 * decided by the first few characters, so that a line with one bit too many
 * still counts for its format and the reader can say what is wrong. */
static enum shape line_shape(const char *s, size_t n, size_t i)
{
    size_t j = i;
    if (ssem_is_digit(s[j])) {
        ssem_parse_digits(s, n, &j);
        size_t k = ssem_skip_blanks(s, n, j);
        if (k < n && s[k] == ':') {
            k = ssem_skip_blanks(s, n, k + 1u);
            if (k < n && ssem_is_bit(s[k]))
                return SHAPE_SNP; /* "0001:0101..." (asm is "01: LDN 24") */
        }
        if (k > j && k < n && ssem_is_bit(s[k])) {
            size_t e = k;
            while (e < n && ssem_is_bit(s[e]))
                e++;
            /* "1 0001100..."; "1 0x1F" is not (the run ends in a letter) */
            if (e >= n || ssem_is_blank(s[e]) || e - k > 10u)
                return SHAPE_LISTING;
        }
    }
    /* a run of 0/1 longer than any 32-bit decimal is a bit string */
    j = i;
    while (j < n && ssem_is_bit(s[j]))
        j++;
    if (j - i > 10u)
        return SHAPE_BITS;
    j = i;
    if (s[j] == '-' || s[j] == '+')
        j++;
    if (j < n && ssem_is_digit(s[j])) {
        ssem_parse_digits(s, n, &j);
        if (rest_is_empty(s, n, j))
            return SHAPE_NUMBER;
    }
    return SHAPE_OTHER;
}

static const ssem_format_t shape_format[SHAPE_COUNT] = {
    SSEM_FORMAT_SNP, SSEM_FORMAT_LISTING, SSEM_FORMAT_BITS, SSEM_FORMAT_DECIMAL, SSEM_FORMAT_ASM,
};

/* The format a file name's extension suggests, or AUTO. */
static ssem_format_t format_from_name(const char *name)
{
    if (name == NULL)
        return SSEM_FORMAT_AUTO;
    const char *dot = strrchr(name, '.');
    if (dot == NULL || strchr(dot, '/') != NULL)
        return SSEM_FORMAT_AUTO;
    static const struct {
        const char *ext;
        ssem_format_t f;
    } table[] = {
        {"snp", SSEM_FORMAT_SNP},      {"asm", SSEM_FORMAT_ASM},   {"ssem", SSEM_FORMAT_ASM},
        {"baby", SSEM_FORMAT_ASM},     {"s", SSEM_FORMAT_ASM},     {"byi", SSEM_FORMAT_DECIMAL},
        {"bys", SSEM_FORMAT_BITS},     {"lst", SSEM_FORMAT_LISTING},
    };
    size_t n = strlen(dot + 1);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (ssem_name_equal(table[i].ext, dot + 1, n))
            return table[i].f;
    return SSEM_FORMAT_AUTO;
}

/* Votes: every significant line counts for the format its shape belongs to.
 * A bare unsigned number on the first significant line may be a count line
 * (Sharp's .snp and .asm), so it votes only when nothing else does. */
static ssem_format_t detect(const char *text, size_t len, const char *name)
{
    /* a share link is one word that no other format's file can be */
    if (ssem_is_url(text, len))
        return SSEM_FORMAT_URL;
    unsigned votes[SHAPE_COUNT] = {0};
    unsigned significant = 0;
    bool first_is_count = false;
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    while (ssem_lines_next(&it, &s, &n)) {
        size_t i = ssem_skip_blanks(s, n, 0);
        if (i >= n || ssem_is_comment(s, n, i))
            continue;
        enum shape sh = line_shape(s, n, i);
        if (significant++ == 0 && sh == SHAPE_NUMBER && ssem_is_digit(s[i]))
            first_is_count = true;
        else
            votes[sh]++;
    }
    ssem_format_t hint = format_from_name(name);
    if (first_is_count) {
        bool alone = true;
        for (int k = 0; k < SHAPE_COUNT; k++)
            if (votes[k] != 0 && k != SHAPE_NUMBER)
                alone = false;
        /* "32" and nothing else: the hint's count line, or a one-word file */
        if (alone && !(significant == 1 && (hint == SSEM_FORMAT_SNP || hint == SSEM_FORMAT_ASM)))
            votes[SHAPE_NUMBER]++;
    }
    /* bdwalton mixes "0001:BITS" with "0002 LDN 5" in one file; the
     * assembler reads both kinds of line, so a mixture is assembly */
    if (votes[SHAPE_SNP] != 0 && votes[SHAPE_OTHER] != 0)
        return SSEM_FORMAT_ASM;
    unsigned best = 0;
    for (int k = 0; k < SHAPE_COUNT; k++)
        if (votes[k] > best)
            best = votes[k];
    if (best == 0) /* nothing to read: let the hinted reader say so */
        return hint != SSEM_FORMAT_AUTO ? hint : SSEM_FORMAT_SNP;
    if (hint != SSEM_FORMAT_AUTO)
        for (int k = 0; k < SHAPE_COUNT; k++)
            if (votes[k] == best && shape_format[k] == hint)
                return hint;
    for (int k = 0; k < SHAPE_COUNT; k++)
        if (votes[k] == best)
            return shape_format[k];
    return SSEM_FORMAT_ASM;
}

/* ------------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------- */

int ssem_snp_parse(const char *text, size_t len, const char *name, ssem_image_t *img,
                   ssem_diag_t *err)
{
    reader_t r = {name, img, err, 0};
    return read_snp(text, len, &r);
}

/* A line that begins with the state tag anywhere but at the top of a file
 * that is not a state file: only a comment, and the reader is told so. */
static void warn_stray_state_lines(const char *text, size_t len, const char *name,
                                   ssem_image_t *img)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    static const char tag[] = "; ssem-state:";
    while (ssem_lines_next(&it, &s, &n)) {
        size_t i = ssem_skip_blanks(s, n, 0);
        if (n - i >= sizeof tag - 1u && memcmp(s + i, tag, sizeof tag - 1u) == 0)
            ssem_image_warn(img, name, it.lineno, ssem_col_of(i),
                            "a state line that is not at the top of the file is only a "
                            "comment: its registers are not read");
    }
}

/* A program image read in one format (not a state file). */
static int read_image(const char *text, size_t len, const char *name, ssem_format_t format,
                      ssem_image_t *img, ssem_diag_t *err)
{
    if (format == SSEM_FORMAT_AUTO)
        format = detect(text, len, name);
    reader_t r = {name, img, err, 0};
    int rc;
    switch (format) {
    case SSEM_FORMAT_LISTING:
        rc = read_listing(text, len, &r);
        break;
    case SSEM_FORMAT_SNP:
        rc = read_snp(text, len, &r);
        break;
    case SSEM_FORMAT_BITS:
        rc = read_sequential(text, len, &r, false);
        break;
    case SSEM_FORMAT_DECIMAL:
        rc = read_sequential(text, len, &r, true);
        break;
    case SSEM_FORMAT_URL:
        rc = ssem_url_read_image(text, len, name, img, err);
        break;
    case SSEM_FORMAT_ASM:
        rc = ssem_asm_parse(text, len, name, img, err);
        if (rc == 0 && img->defined == 0u)
            rc = no_store_lines(&r);
        break;
    default:
        ssem_diag_set(err, name, 0, 0, "unknown format %d", (int)format);
        return -1;
    }
    if (rc != 0)
        return -1;
    img->format = format;
    warn_stray_state_lines(text, len, name, img);
    return 0;
}

/* Both public loaders: *m receives a state file's machine (its store and
 * registers; m->lenient untouched), or is NULL for an image only. */
static int load(const char *text, size_t len, const char *name, ssem_format_t format,
                ssem_image_t *img, ssem_t *m, ssem_diag_t *err)
{
    memset(img, 0, sizeof *img);
    memset(err, 0, sizeof *err);
    if (text == NULL && len != 0) {
        ssem_diag_set(err, name, 0, 0, "no text to read");
        return -1;
    }
    if (text == NULL)
        text = "";
    if ((unsigned)format >= (unsigned)SSEM_FORMAT_COUNT) {
        ssem_diag_set(err, name, 0, 0, "unknown format %d", (int)format);
        return -1;
    }
    int reg_line = ssem_state_header(text, len);
    int rc;
    if (reg_line != 0 || format == SSEM_FORMAT_STATE) {
        /* a state file is a snapshot: read as one, it keeps its registers */
        if (format != SSEM_FORMAT_AUTO && format != SSEM_FORMAT_SNP &&
            format != SSEM_FORMAT_STATE) {
            ssem_diag_set(err, name, reg_line, 1,
                          "a state file (the registers are on line %d) cannot be read as %s",
                          reg_line, ssem_format_name(format));
            return -1;
        }
        ssem_t whole;
        rc = ssem_state_read(text, len, name, img, &whole, err);
        if (rc == 0) {
            img->format = SSEM_FORMAT_STATE;
            if (m != NULL) {
                bool lenient = m->lenient;
                *m = whole;
                m->lenient = lenient;
            } else {
                ssem_image_warn(img, name, reg_line, 1,
                                "a state file: only its store is read, not its registers "
                                "(A, CI, PI, lamp, steps)");
            }
        }
    } else if (m != NULL && (format == SSEM_FORMAT_URL ||
                             (format == SSEM_FORMAT_AUTO && ssem_is_url(text, len)))) {
        /* a share link carries A and CI too: the machine gets them */
        ssem_t whole = *m;
        rc = ssem_load_url(text, len, name, &whole, err);
        if (rc == 0) {
            memcpy(img->word, whole.store, sizeof img->word);
            img->defined = 0xFFFFFFFFu;
            img->format = SSEM_FORMAT_URL;
            *m = whole;
        }
    } else {
        rc = read_image(text, len, name, format, img, err);
        if (rc == 0 && m != NULL)
            ssem_load_image(m, img);
    }
    if (rc != 0) {
        /* a failed load leaves no half-read image behind */
        memset(img, 0, sizeof *img);
        return -1;
    }
    return 0;
}

int ssem_load(const char *text, size_t len, const char *name, ssem_format_t format,
              ssem_image_t *img, ssem_diag_t *err)
{
    return load(text, len, name, format, img, NULL, err);
}

int ssem_load_machine(const char *text, size_t len, const char *name, ssem_format_t format,
                      ssem_t *m, ssem_image_t *img, ssem_diag_t *err)
{
    ssem_t next = *m;
    if (load(text, len, name, format, img, &next, err) != 0)
        return -1;
    *m = next;
    return 0;
}

/* ------------------------------------------------------------------------
 * Writers: into the caller's buffer (a store's text is bounded)
 * ---------------------------------------------------------------------- */

typedef struct out {
    char *buf;
    size_t used, size;
    bool failed;
} out_t;

static void put(out_t *o, const char *fmt, ...) SSEM_PRINTF(2, 3);

static void put(out_t *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(o->buf + o->used, o->size - o->used, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= o->size - o->used)
        o->failed = true;
    else
        o->used += (size_t)k;
}

size_t ssem_write(ssem_format_t format, const uint32_t store[SSEM_LINES], char *buf,
                  size_t size)
{
    if (buf == NULL || size == 0)
        return 0;
    buf[0] = '\0';
    if (store != NULL && format == SSEM_FORMAT_URL) {
        /* the link, with A = CI = 0, and a newline */
        char *link = ssem_write_url(store, 0u, 0u, NULL);
        size_t n = link ? strlen(link) : 0u;
        bool fits = link != NULL && n + 2u <= size;
        if (fits)
            memcpy(buf, link, n), memcpy(buf + n, "\n", 2u);
        free(link);
        return fits ? n + 1u : 0u;
    }
    if (store == NULL || (format != SSEM_FORMAT_LISTING && format != SSEM_FORMAT_SNP &&
                          format != SSEM_FORMAT_ASM))
        return 0;
    out_t o = {buf, 0, size, false};
    char bits[33], text[48];
    switch (format) {
    case SSEM_FORMAT_LISTING:
        /* the lecture's form; the disassembly is the free comment */
        for (uint32_t l = 0; l < SSEM_LINES; l++) {
            ssem_word_bits(store[l], bits, sizeof bits);
            if (store[l] == 0u)
                put(&o, "%u %s\n", (unsigned)l, bits);
            else
                put(&o, "%u %s  %s\n", (unsigned)l, bits,
                    ssem_disasm_word(store[l], text, sizeof text));
        }
        break;
    case SSEM_FORMAT_SNP:
        /* as Sharp's simulator and the museum's files: comment, count, lines */
        put(&o, "; Manchester Baby store, written by ssem %s\n%u\n", SSEM_VERSION,
            (unsigned)SSEM_LINES);
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            put(&o, "%04u:%s\n", (unsigned)l, ssem_word_bits(store[l], bits, sizeof bits));
        break;
    default:
        /* every line, so that reading it back defines the whole store */
        put(&o, "; Manchester Baby store, written by ssem %s\n", SSEM_VERSION);
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            put(&o, "%02u: %s\n", (unsigned)l, ssem_disasm_word(store[l], text, sizeof text));
        break;
    }
    if (o.failed) {
        buf[0] = '\0';
        return 0;
    }
    return o.used;
}
