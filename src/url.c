/*
 * url.c - the share links of manchesterbaby.com, read and written.
 *
 * David Sharp's Java simulator (the one museum volunteers train on) shares a
 * machine as https://manchesterbaby.com?s=VALUE, VALUE being base64url
 * without padding of one of two byte layouts (docs/formats.md, "Share
 * links"):
 *
 *   old form, 128 bytes: the 32 store lines, big-endian, line 0 first;
 *   compact form: a 4-byte big-endian bitmap (bit L set: line L is compact),
 *     each line in 1 byte (compact: bits 0-4 as themselves, bits 13-15 in
 *     bits 5-7) or 4 bytes, then a byte with CI in bits 0-4 and "A is
 *     compact" in bit 5, then A in 1 or 4 bytes.
 *
 * (Store.toBase64url of one version also wrote 133 bytes: the store, A, and
 * CI in one byte; a compact form never has that length, so it is read too.)
 *
 * A compact form can be exactly 128 bytes long (two compact lines and a
 * compact A, or three and a full A), the length of the old form. Our writer
 * never produces that length (it spells one compact line out in full, which
 * the Java reader accepts), and our reader takes 128 bytes as compact only
 * when they parse as the compact form that simulator's writer would have
 * produced (canonical: every 4-byte line and A needs its 4 bytes); an old
 * program hardly ever does, since its plain instructions would be 4-byte
 * lines that fit in one.
 *
 * The link keeps only CI's low 5 bits: ssem_write_url reports the loss
 * rather than hide it. Nothing else of the T-state but the store, A and CI
 * travels (PI and the lamp are not in the link).
 *
 * The reader takes any bytes (it is fuzzed: tests/fuzz/fuzz_url.c), never
 * reads past len, and reports errors at the line and column of the character
 * at fault.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMPACT_MASK 0x0000E01Fu /* the bits a compact byte can carry    */
#define OLD_BYTES 128u           /* 32 lines x 4                         */
#define REGS_BYTES 133u          /* 32 lines x 4 + A x 4 + CI x 1         */
#define MAX_BYTES 137u           /* bitmap + 32 x 4 + CI byte + A x 4     */
#define MAX_CHARS 183u           /* base64 of 137 bytes, unpadded         */
#define MIN_BARE_CHARS 51u       /* base64 of the shortest link, 38 bytes */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* The one word of text: [*b, *e) without surrounding white space or a BOM. */
static void trim(const char *text, size_t len, size_t *b, size_t *e)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        i = 3;
    while (i < len && is_space(text[i]))
        i++;
    size_t j = len;
    while (j > i && is_space(text[j - 1]))
        j--;
    *b = i;
    *e = j;
}

/* Line and column (1-based) of text[pos]. */
static void where(const char *text, size_t pos, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < pos; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1u;
        }
    *line = l;
    size_t c = pos - start + 1u;
    *col = c < (size_t)INT32_MAX ? (int)c : INT32_MAX;
}

typedef struct ctx {
    const char *text;
    const char *name;
    ssem_diag_t *err;
} ctx_t;

static int fail_at(const ctx_t *c, size_t pos, const char *message)
{
    int line, col;
    where(c->text, pos, &line, &col);
    ssem_diag_set(c->err, c->name, line, col, "%s", message);
    return -1;
}

static bool is_link(const char *s, size_t n)
{
    return starts_with_ci(s, n, "https://") || starts_with_ci(s, n, "http://");
}

/* Finds the s= value in the word [b, e): a link's s parameter, "s=VALUE",
 * or the word itself. */
static int find_value(const ctx_t *c, size_t b, size_t e, size_t *vb, size_t *ve)
{
    const char *t = c->text;
    for (size_t i = b; i < e; i++)
        if (is_space(t[i]))
            return fail_at(c, i, "a share link is one word: unexpected white space");
    if (is_link(t + b, e - b)) {
        size_t q = b;
        while (q < e && t[q] != '?' && t[q] != '#')
            q++;
        if (q >= e || t[q] != '?')
            return fail_at(c, q < e ? q : e - 1u,
                           "the link has no query: expected ...manchesterbaby.com?s=...");
        size_t end = q + 1u;
        while (end < e && t[end] != '#')
            end++;
        for (size_t p = q + 1u; p < end;) {
            size_t amp = p;
            while (amp < end && t[amp] != '&')
                amp++;
            if (amp - p >= 2u && t[p] == 's' && t[p + 1u] == '=') {
                *vb = p + 2u;
                *ve = amp;
                return 0;
            }
            p = amp + 1u;
        }
        return fail_at(c, q, "the link has no s= parameter (the program)");
    }
    if (e - b >= 2u && t[b] == 's' && t[b + 1u] == '=')
        b += 2u;
    *vb = b;
    *ve = e;
    return 0;
}

/* Decodes base64url (padding '=' or "%3D" allowed only at the end) into
 * bytes, which holds MAX_BYTES + 1. */
static int decode_b64(const ctx_t *c, size_t vb, size_t ve, uint8_t *bytes, size_t *nbytes)
{
    const char *t = c->text;
    char msg[120];
    if (vb >= ve)
        return fail_at(c, vb > 0 ? vb - 1u : 0u, "the s= value is empty");
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t n = 0, chars = 0, last = vb;
    size_t i = vb;
    for (; i < ve; i++) {
        char ch = t[i];
        if (ch == '=' || (ch == '%' && ve - i >= 3u && t[i + 1] == '3' &&
                          (t[i + 2] == 'D' || t[i + 2] == 'd')))
            break;
        int v = b64_value(ch);
        if (v < 0) {
            unsigned char u = (unsigned char)ch;
            if (ch == '+' || ch == '/')
                snprintf(msg, sizeof msg,
                         "'%c' is not base64url (the link alphabet is A-Z a-z 0-9 - _)", ch);
            else if (u > 32u && u < 127u)
                snprintf(msg, sizeof msg, "'%c' is not a base64url character", ch);
            else
                snprintf(msg, sizeof msg, "byte 0x%02X is not a base64url character",
                         (unsigned)u);
            return fail_at(c, i, msg);
        }
        if (chars >= MAX_CHARS)
            return fail_at(c, i, "the s= value is too long for a Baby (137 bytes at most)");
        acc = (acc << 6) | (uint32_t)v;
        bits += 6u;
        chars++;
        last = i;
        if (bits >= 8u) {
            bits -= 8u;
            bytes[n++] = (uint8_t)(acc >> bits);
            acc &= (1u << bits) - 1u;
        }
    }
    /* padding: up to two '=' (or %3D), and nothing after */
    unsigned pads = 0;
    while (i < ve) {
        if (t[i] == '=')
            i++;
        else if (t[i] == '%' && ve - i >= 3u && t[i + 1] == '3' &&
                 (t[i + 2] == 'D' || t[i + 2] == 'd'))
            i += 3u;
        else
            return fail_at(c, i, "nothing may follow the '=' padding of the s= value");
        if (++pads > 2u)
            return fail_at(c, i - 1u, "too much '=' padding at the end of the s= value");
    }
    if (chars % 4u == 1u)
        return fail_at(c, last, "the s= value is cut short (its length cannot be base64)");
    *nbytes = n;
    return 0;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static uint32_t from_compact(uint8_t b) { return (uint32_t)(b & 0x1Fu) | (uint32_t)(b & 0xE0u) << 8; }
static uint8_t to_compact(uint32_t w) { return (uint8_t)((w & 0x1Fu) | ((w >> 8) & 0xE0u)); }
static bool fits_compact(uint32_t w) { return (w & ~COMPACT_MASK) == 0u; }

typedef struct decoded {
    uint32_t store[SSEM_LINES];
    uint32_t a, ci;
} decoded_t;

/* The compact form. With `canonical`, also insists that every 4-byte field
 * needs its 4 bytes; then it only answers yes or no (no message). */
static int parse_compact(const ctx_t *c, const uint8_t *bytes, size_t n, const size_t *pos,
                         size_t end_pos, bool canonical, decoded_t *d)
{
    char msg[120];
#define NEED(k, what)                                                                      \
    do {                                                                                   \
        if (p + (k) > n) {                                                                 \
            if (canonical)                                                                 \
                return -1;                                                                 \
            snprintf(msg, sizeof msg, "the link ends inside %s", what);                    \
            return fail_at(c, end_pos, msg);                                               \
        }                                                                                  \
    } while (0)
    size_t p = 0;
    char what[40];
    NEED(4u, "the bitmap of compact lines (the first 4 bytes)");
    uint32_t map = be32(bytes);
    p = 4u;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        snprintf(what, sizeof what, "store line %u", (unsigned)l);
        if (map & (1u << l)) {
            NEED(1u, what);
            d->store[l] = from_compact(bytes[p++]);
        } else {
            NEED(4u, what);
            d->store[l] = be32(bytes + p);
            p += 4u;
            if (canonical && fits_compact(d->store[l]))
                return -1;
        }
    }
    NEED(1u, "the CI byte");
    uint8_t flag = bytes[p++];
    d->ci = flag & 0x1Fu; /* bits 5-7 are the flag and the writer's stray CI bits */
    if (flag & 0x20u) {
        NEED(1u, "the accumulator");
        d->a = from_compact(bytes[p++]);
    } else {
        NEED(4u, "the accumulator");
        d->a = be32(bytes + p);
        p += 4u;
        if (canonical && fits_compact(d->a))
            return -1;
    }
#undef NEED
    if (p != n) {
        if (canonical)
            return -1;
        snprintf(msg, sizeof msg, "%u bytes left over after the accumulator",
                 (unsigned)(n - p));
        return fail_at(c, pos[p], msg);
    }
    return 0;
}

static bool word_is_link(const char *s, size_t n)
{
    if (is_link(s, n))
        return true; /* no other format starts so: its errors are a link's */
    if (n >= 2u && s[0] == 's' && s[1] == '=')
        return true;
    /* a bare value: long enough for a link, base64url only, not all digits
     * (a bit string or a number is another format's line) */
    size_t k = n;
    while (k > 0 && s[k - 1] == '=')
        k--;
    if (k < MIN_BARE_CHARS || k > MAX_CHARS || n - k > 2u)
        return false;
    bool digits_only = true;
    for (size_t i = 0; i < k; i++) {
        if (b64_value(s[i]) < 0)
            return false;
        if (s[i] < '0' || s[i] > '9')
            digits_only = false;
    }
    return !digits_only;
}

bool ssem_is_url(const char *text, size_t len)
{
    if (text == NULL)
        return false;
    size_t b, e;
    trim(text, len, &b, &e);
    for (size_t i = b; i < e; i++)
        if (is_space(text[i]))
            return false;
    return b < e && word_is_link(text + b, e - b);
}

/* Reads a link into *d. */
static int read_url(const char *text, size_t len, const char *name, decoded_t *d,
                    size_t *value_pos, ssem_diag_t *err)
{
    memset(d, 0, sizeof *d);
    memset(err, 0, sizeof *err);
    if (text == NULL) {
        text = "";
        len = 0;
    }
    ctx_t c = {text, name, err};
    size_t b, e;
    trim(text, len, &b, &e);
    if (b >= e) {
        ssem_diag_set(err, name, 0, 0, "no share link in the file");
        return -1;
    }
    size_t vb = b, ve = e;
    if (find_value(&c, b, e, &vb, &ve) != 0)
        return -1;
    *value_pos = vb;
    uint8_t bytes[MAX_BYTES + 1u];
    size_t pos[MAX_BYTES + 2u];
    size_t n = 0;
    if (decode_b64(&c, vb, ve, bytes, &n) != 0)
        return -1;
    /* byte i begins in character 4i/3 of the value (no padding inside) */
    for (size_t i = 0; i < n; i++)
        pos[i] = vb + i * 4u / 3u;
    size_t end_pos = ve - 1u;
    pos[n] = end_pos;
    if (n == OLD_BYTES && parse_compact(&c, bytes, n, pos, end_pos, true, d) == 0)
        return 0;
    if (n == OLD_BYTES || n == REGS_BYTES) {
        memset(d, 0, sizeof *d);
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            d->store[l] = be32(bytes + 4u * l);
        if (n == REGS_BYTES) {
            d->a = be32(bytes + OLD_BYTES);
            d->ci = bytes[OLD_BYTES + 4u];
        }
        return 0;
    }
    memset(d, 0, sizeof *d);
    return parse_compact(&c, bytes, n, pos, end_pos, false, d);
}

int ssem_url_read_image(const char *text, size_t len, const char *name, ssem_image_t *img,
                        ssem_diag_t *err)
{
    decoded_t d;
    size_t vpos = 0;
    if (read_url(text, len, name, &d, &vpos, err) != 0)
        return -1;
    memcpy(img->word, d.store, sizeof img->word);
    img->defined = 0xFFFFFFFFu; /* a link gives every line */
    if (d.a != 0u || d.ci != 0u) {
        int line, col;
        where(text, vpos, &line, &col);
        ssem_image_warn(img, name, line, col,
                        "the link also sets A = %ld and CI = %lu, which a program image "
                        "does not keep (ssem run and debug do)",
                        (long)ssem_word_signed(d.a), (unsigned long)d.ci);
    }
    return 0;
}

int ssem_load_url(const char *text, size_t len, const char *name, ssem_t *m, ssem_diag_t *err)
{
    decoded_t d;
    size_t vpos = 0;
    if (read_url(text, len, name, &d, &vpos, err) != 0)
        return -1;
    bool lenient = m->lenient;
    ssem_reset(m);
    m->lenient = lenient;
    memcpy(m->store, d.store, sizeof m->store);
    m->a = d.a;
    m->ci = d.ci;
    return 0;
}

char *ssem_write_url(const uint32_t store[SSEM_LINES], uint32_t a, uint32_t ci, bool *ci_cut)
{
    if (ci_cut != NULL)
        *ci_cut = (ci & ~SSEM_LINE_MASK) != 0u;
    if (store == NULL)
        return NULL;
    uint32_t map = 0;
    size_t n = 4u + 1u + (fits_compact(a) ? 1u : 4u);
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        if (fits_compact(store[l]))
            map |= 1u << l;
        n += fits_compact(store[l]) ? 1u : 4u;
    }
    if (n == OLD_BYTES) {
        /* the length of the old form: spell the first compact line out in
         * full (there are at least two), so that no reader can mistake it */
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            if (map & (1u << l)) {
                map &= ~(1u << l);
                n += 3u;
                break;
            }
    }
    uint8_t bytes[MAX_BYTES + 3u];
    size_t p = 0;
    bytes[p++] = (uint8_t)(map >> 24);
    bytes[p++] = (uint8_t)(map >> 16);
    bytes[p++] = (uint8_t)(map >> 8);
    bytes[p++] = (uint8_t)map;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        if (map & (1u << l)) {
            bytes[p++] = to_compact(store[l]);
        } else {
            for (int s = 24; s >= 0; s -= 8)
                bytes[p++] = (uint8_t)(store[l] >> s);
        }
    }
    bool a_compact = fits_compact(a);
    bytes[p++] = (uint8_t)((ci & SSEM_LINE_MASK) | (a_compact ? 0x20u : 0u));
    if (a_compact) {
        bytes[p++] = to_compact(a);
    } else {
        for (int s = 24; s >= 0; s -= 8)
            bytes[p++] = (uint8_t)(a >> s);
    }
    const char *prefix = SSEM_URL_PREFIX;
    size_t plen = strlen(prefix);
    char *out = malloc(plen + (p * 4u + 2u) / 3u + 1u);
    if (out == NULL)
        return NULL;
    memcpy(out, prefix, plen);
    size_t o = plen;
    for (size_t i = 0; i < p; i += 3u) {
        uint32_t v = (uint32_t)bytes[i] << 16;
        size_t k = p - i >= 3u ? 3u : p - i;
        if (k > 1u)
            v |= (uint32_t)bytes[i + 1u] << 8;
        if (k > 2u)
            v |= bytes[i + 2u];
        out[o++] = b64[(v >> 18) & 63u];
        out[o++] = b64[(v >> 12) & 63u];
        if (k > 1u)
            out[o++] = b64[(v >> 6) & 63u];
        if (k > 2u)
            out[o++] = b64[v & 63u];
    }
    out[o] = '\0';
    return out;
}
