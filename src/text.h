/*
 * text.h - reading text, once for every parser of the library.
 *
 * The loaders (src/formats.c, src/state.c, src/asm.c) and the diagnostic
 * formatter (src/diag.c) all cut text into lines and look at bytes one at a
 * time. They must agree exactly, or a message would point at the wrong line:
 * so the rules live here, once. A line ends at "\n", "\r\n" or a lone "\r"
 * (old Macintosh files), and a UTF-8 byte-order mark at the very start of the
 * text is not part of line 1 (so columns count from after it). Byte tests
 * are our own, not <ctype.h>: those take int, are undefined for negative
 * char values and depend on the locale.
 *
 * Internal: not installed, not part of the API.
 */
#ifndef SSEM_TEXT_H
#define SSEM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Lines of a text that need not be NUL-terminated. */
typedef struct ssem_lines {
    const char *text;
    size_t len;
    size_t pos;  /* where the next line starts                          */
    int lineno;  /* 1-based number of the line last returned            */
} ssem_lines_t;

/* Starts at the beginning of text (after a byte-order mark, if any). */
void ssem_lines_init(ssem_lines_t *it, const char *text, size_t len);
/* The next line, without its line end: s[0 .. n). False past the end (a
 * final line end does not start another line). */
bool ssem_lines_next(ssem_lines_t *it, const char **s, size_t *n);
/* Line `want` (1-based) of text, as the iterator cuts it; NULL if none. */
const char *ssem_text_line(const char *text, size_t len, int want, size_t *n);

/* The byte-order mark's length at the start of text (3 or 0). */
size_t ssem_text_bom(const char *text, size_t len);

static inline bool ssem_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
static inline bool ssem_is_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool ssem_is_bit(char c) { return c == '0' || c == '1'; }
static inline int ssem_lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* A comment starts at s[i]: ';' and '#' (everyone), '//' and '--'
 * (emuStudio, NevynUK, babyutils), the same in every format. */
bool ssem_is_comment(const char *s, size_t n, size_t i);

/* The index of the first non-blank at or after i (n when none). */
size_t ssem_skip_blanks(const char *s, size_t n, size_t i);

/* A 1-based column for index i, clamped to int. */
int ssem_col_of(size_t i);

/* The byte c for a message: 'x' if printable ASCII, else "byte 0xNN". */
void ssem_describe_byte(char c, char *buf, size_t size);

/* Case-insensitive (ASCII) equality of a NUL-terminated string and s[0..n). */
bool ssem_name_equal(const char *a, const char *s, size_t n);

/* Decimal digits from s[*i] on, advancing *i past them. Saturates at
 * SSEM_NUMBER_CAP, far above any value a reader accepts, so a line of a
 * million digits neither overflows nor passes a range check. */
#define SSEM_NUMBER_CAP 0x1000000000ull
uint64_t ssem_parse_digits(const char *s, size_t n, size_t *i);

#endif
