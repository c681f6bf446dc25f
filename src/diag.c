/*
 * diag.c - diagnostics: building them, and formatting them for people.
 *
 * Every parser error is "file:line:col: message"; for people we add the
 * source line and a caret under the column, as compilers do. Formatting goes
 * into a caller's buffer: the library never prints.
 */
#include "internal.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void diag_vset(ssem_diag_t *d, const char *file, int line, int col, const char *fmt,
                      va_list ap)
{
    d->file = file;
    d->line = line;
    d->col = col;
    vsnprintf(d->message, sizeof d->message, fmt, ap);
}

void ssem_diag_set(ssem_diag_t *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vset(d, file, line, col, fmt, ap);
    va_end(ap);
}

void ssem_image_warn(ssem_image_t *img, const char *file, int line, int col, const char *fmt,
                     ...)
{
    if (img->nwarnings >= SSEM_MAX_WARNINGS) {
        /* full: the last slot becomes a note, at its own place, that more
         * warnings begin there */
        ssem_diag_t *last = &img->warning[SSEM_MAX_WARNINGS - 1];
        ssem_diag_set(last, last->file, last->line, last->col,
                      "more warnings from here on (only the first %d are kept)",
                      SSEM_MAX_WARNINGS - 1);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    diag_vset(&img->warning[img->nwarnings++], file, line, col, fmt, ap);
    va_end(ap);
}

char *ssem_diag_format(const ssem_diag_t *d, const char *text, size_t len, char *buf,
                       size_t size)
{
    if (size == 0)
        return buf;
    const char *file = d->file ? d->file : "<input>";
    int used;
    if (d->line > 0 && d->col > 0)
        used = snprintf(buf, size, "%s:%d:%d: %s\n", file, d->line, d->col, d->message);
    else if (d->line > 0)
        used = snprintf(buf, size, "%s:%d: %s\n", file, d->line, d->message);
    else
        used = snprintf(buf, size, "%s: %s\n", file, d->message);
    if (used < 0 || (size_t)used >= size || text == NULL || d->line <= 0)
        return buf;

    size_t n;
    const char *src = ssem_text_line(text, len, d->line, &n); /* as the readers cut lines */
    if (src == NULL)
        return buf;
    size_t at = (size_t)used;
    if (n > 200)
        n = 200;
    /* the source line, with control characters (and DEL) shown as '?' */
    if (at + 4 + n + 1 < size) {
        memcpy(buf + at, "    ", 4);
        at += 4;
        for (size_t i = 0; i < n; i++)
            buf[at++] = (src[i] == '\t' || ((unsigned char)src[i] >= 32u && src[i] != 127)) ? src[i] : '?';
        buf[at++] = '\n';
        buf[at] = '\0';
    }
    if (d->col > 0 && (size_t)d->col <= n + 1 && at + 4 + (size_t)d->col + 2 < size) {
        memcpy(buf + at, "    ", 4);
        at += 4;
        for (int i = 1; i < d->col; i++)
            buf[at++] = src[i - 1] == '\t' ? '\t' : ' ';
        buf[at++] = '^';
        buf[at++] = '\n';
        buf[at] = '\0';
    }
    return buf;
}
