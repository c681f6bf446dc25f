/*
 * labels.c - the labels line of a state file saved by the debugger
 * (labels.h). A parser of untrusted text: tests/fuzz/fuzz_labels.c.
 */
#include "labels.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
}

static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

int labels_line_add(const char labels[SSEM_LINES][SSEM_LABEL_SIZE], char *text, size_t size)
{
    char line[SSEM_LINES * (SSEM_LABEL_SIZE + 4) + 32] = LABELS_TAG;
    bool any = false;
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (labels[l][0] != '\0') {
            snprintf(line + strlen(line), sizeof line - strlen(line), " %u=%.*s", (unsigned)l,
                     (int)(SSEM_LABEL_SIZE - 1), labels[l]);
            any = true;
        }
    if (!any)
        return 0;
    strcat(line, "\n");
    size_t len = strlen(text), first = strcspn(text, "\n") + 1u, add = strlen(line);
    if (first > len || len + add + 1u > size)
        return -1;
    memmove(text + first + add, text + first, len - first + 1u);
    memcpy(text + first, line, add);
    return 0;
}

/* One "LINE=NAME" entry of p[0..n); kept into labels when valid. */
static int parse_entry(const char *p, size_t n, char labels[SSEM_LINES][SSEM_LABEL_SIZE])
{
    size_t i = 0;
    unsigned line = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9' && line < SSEM_LINES)
        line = line * 10u + (unsigned)(p[i++] - '0');
    if (i == 0 || i > 2 || line >= SSEM_LINES || i >= n || p[i] != '=')
        return 0;
    const char *name = p + i + 1;
    size_t len = n - i - 1;
    if (len == 0 || len >= SSEM_LABEL_SIZE || !name_start(name[0]))
        return 0;
    for (size_t k = 1; k < len; k++)
        if (!name_char(name[k]))
            return 0;
    memset(labels[line], 0, SSEM_LABEL_SIZE); /* a later entry for a line wins whole */
    memcpy(labels[line], name, len);
    return 1;
}

int labels_line_parse(const char *text, size_t len, char labels[SSEM_LINES][SSEM_LABEL_SIZE])
{
    size_t tag = strlen(LABELS_TAG);
    for (size_t at = 0; at < len;) {
        size_t end = at;
        while (end < len && text[end] != '\n')
            end++;
        if (end - at >= tag && memcmp(text + at, LABELS_TAG, tag) == 0) {
            int kept = 0;
            for (size_t p = at + tag; p < end;) {
                while (p < end && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
                    p++;
                size_t q = p;
                while (q < end && text[q] != ' ' && text[q] != '\t' && text[q] != '\r')
                    q++;
                if (q > p)
                    kept += parse_entry(text + p, q - p, labels);
                p = q;
            }
            return kept;
        }
        at = end + 1;
    }
    return 0;
}
