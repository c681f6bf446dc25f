/*
 * text.c - text the command shows (see text.h).
 *
 * Why escape: a file name, an option value or a line of a program is
 * whatever bytes the user (or an attacker handing over a file) chose, and a
 * terminal obeys some byte sequences: ESC ] 0 ; retitles the window, others
 * move the cursor or rewrite what is on screen. Bytes that are not UTF-8
 * are escaped too, so that a message is always valid text.
 */
#include "text.h"

#include "ssem.h"

#include <stdio.h>
#include <string.h>

char *obeyed_instruction(uint32_t word, char *buf, size_t size)
{
    return ssem_disasm_obeyed(word, buf, size); /* the library's, shared with the panel */
}

/* The length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_length(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    unsigned cp = c & (0x7Fu >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0; /* overlong, beyond Unicode, or a surrogate */
    if (cp >= 0x80 && cp <= 0x9F)
        return 0; /* a C1 control: some terminals obey it */
    return len;
}

char *escape_text(const char *text, size_t len, bool keep_newlines, char *out, size_t size)
{
    if (size == 0)
        return out;
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0, i = 0;
    while (i < len) {
        unsigned c = p[i];
        char piece[8];
        size_t n;
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || (c == '\n' && keep_newlines)) {
            piece[0] = (char)c;
            n = 1;
        } else if (c >= 0x80 && (n = utf8_length(p + i, len - i)) > 0) {
            memcpy(piece, p + i, n);
            if (o + n >= size)
                break;
            memcpy(out + o, piece, n);
            o += n;
            i += n;
            continue;
        } else {
            snprintf(piece, sizeof piece, "\\x%02x", c);
            n = 4;
        }
        if (o + n >= size)
            break;
        memcpy(out + o, piece, n);
        o += n;
        i++;
    }
    out[o] = '\0';
    return out;
}
