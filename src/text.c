/*
 * text.c - reading text, once for every parser of the library (text.h).
 */
#include "text.h"

#include <stdio.h>
#include <string.h>

size_t ssem_text_bom(const char *text, size_t len)
{
    return len >= 3u && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3u : 0u;
}

void ssem_lines_init(ssem_lines_t *it, const char *text, size_t len)
{
    it->text = text ? text : "";
    it->len = text ? len : 0u;
    it->pos = ssem_text_bom(it->text, it->len);
    it->lineno = 0;
}

bool ssem_lines_next(ssem_lines_t *it, const char **s, size_t *n)
{
    if (it->pos >= it->len)
        return false;
    const char *start = it->text + it->pos;
    size_t left = it->len - it->pos, k = 0;
    while (k < left && start[k] != '\n' && start[k] != '\r')
        k++;
    *s = start;
    *n = k;
    size_t end = k; /* past the line end: "\n", "\r\n" or "\r" */
    if (end < left)
        end += (start[end] == '\r' && end + 1u < left && start[end + 1u] == '\n') ? 2u : 1u;
    it->pos += end;
    it->lineno++;
    return true;
}

const char *ssem_text_line(const char *text, size_t len, int want, size_t *n)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    while (ssem_lines_next(&it, &s, n))
        if (it.lineno == want)
            return s;
    return NULL;
}

size_t ssem_skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && ssem_is_blank(s[i]))
        i++;
    return i;
}

bool ssem_is_comment(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return false;
    if (s[i] == ';' || s[i] == '#')
        return true;
    return i + 1 < n && ((s[i] == '-' && s[i + 1] == '-') || (s[i] == '/' && s[i + 1] == '/'));
}

int ssem_col_of(size_t i) { return i < (size_t)INT32_MAX ? (int)i + 1 : INT32_MAX; }

void ssem_describe_byte(char c, char *buf, size_t size)
{
    unsigned char u = (unsigned char)c;
    if (u > 32u && u < 127u)
        snprintf(buf, size, "'%c'", c);
    else
        snprintf(buf, size, "byte 0x%02X", (unsigned)u);
}

bool ssem_name_equal(const char *a, const char *s, size_t n)
{
    size_t i = 0;
    for (; i < n; i++)
        if (a[i] == '\0' || ssem_lower((unsigned char)a[i]) != ssem_lower((unsigned char)s[i]))
            return false;
    return a[i] == '\0';
}

uint64_t ssem_parse_digits(const char *s, size_t n, size_t *i)
{
    uint64_t v = 0;
    while (*i < n && ssem_is_digit(s[*i])) {
        if (v < SSEM_NUMBER_CAP)
            v = v * 10u + (uint64_t)(s[*i] - '0');
        (*i)++;
    }
    return v;
}
