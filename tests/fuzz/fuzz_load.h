/*
 * fuzz_load.h - the body shared by the loader fuzz harnesses.
 *
 * Each tests/fuzz/fuzz_<format>.c defines FUZZ_FORMAT and FUZZ_NAME and
 * includes this (fuzz_auto also FUZZ_NAME_FROM_FIRST_BYTE). On any input the loader must return cleanly (the sanitizers
 * catch the rest); an error must carry a position inside the text and a
 * message; a success must survive the round trip through every writer: the
 * text written reloads to the same store, bit for bit.
 */
#ifndef FUZZ_LOAD_H
#define FUZZ_LOAD_H

#include "ssem.h"

#include <stdlib.h>
#include <string.h>

static void fuzz_check(int ok)
{
    if (!ok)
        abort();
}

static void round_trip(const ssem_image_t *img, ssem_format_t format)
{
    char text[SSEM_TEXT_MAX];
    fuzz_check(ssem_write(format, img->word, text, sizeof text) > 0);
    ssem_image_t again;
    ssem_diag_t err;
    fuzz_check(ssem_load(text, strlen(text), "roundtrip", format, &again, &err) == 0);
    fuzz_check(memcmp(again.word, img->word, sizeof img->word) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ssem_image_t img;
    ssem_diag_t err;
    const char *name = FUZZ_NAME;
#ifdef FUZZ_NAME_FROM_FIRST_BYTE
    /* the first byte picks the file name, so detection's extension hints
     * are explored too; the rest is the text */
    static const char *const names[8] = {"x",     "x.snp", "x.asm", "x.lst",
                                         "x.byi", "x.bys", "x.ssem", "x.SNP"};
    if (size == 0)
        return 0;
    name = names[data[0] & 7u];
    data++;
    size--;
#endif
    const char *text = (const char *)data;
    if (ssem_load(text, size, name, FUZZ_FORMAT, &img, &err) == 0) {
        fuzz_check(img.defined != 0u);
        fuzz_check(img.nwarnings >= 0 && img.nwarnings <= SSEM_MAX_WARNINGS);
        round_trip(&img, SSEM_FORMAT_SNP);
        round_trip(&img, SSEM_FORMAT_LISTING);
        round_trip(&img, SSEM_FORMAT_ASM);
        round_trip(&img, SSEM_FORMAT_URL);
    } else {
        fuzz_check(err.message[0] != '\0');
        fuzz_check(memchr(err.message, '\0', sizeof err.message) != NULL);
        fuzz_check(err.line >= 0 && err.col >= 0);
        /* the line is inside the text (line count = line ends + 1; a line
         * ends at "\n", "\r\n" or a lone "\r") */
        size_t lines = 1;
        for (size_t i = 0; i < size; i++)
            lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n'));
        fuzz_check((size_t)err.line <= lines + 1u);
        char buf[1024];
        ssem_diag_format(&err, text, size, buf, sizeof buf);
    }
#ifdef FUZZ_URL_MACHINE
    /* a link read as a machine writes back to a link of the same machine
     * (CI keeps its low 5 bits, which is all a compact link has; the
     * 133-byte form has a byte of CI, and the writer says when it cuts it) */
    ssem_t m;
    memset(&m, 0, sizeof m);
    if (ssem_load_url(text, size, name, &m, &err) == 0) {
        fuzz_check(m.ci < 256u);
        bool cut = false;
        char *link = ssem_write_url(m.store, m.a, m.ci, &cut);
        fuzz_check(link != NULL && cut == (m.ci >= 32u));
        ssem_t back;
        memset(&back, 0, sizeof back);
        fuzz_check(ssem_load_url(link, strlen(link), "link", &back, &err) == 0);
        fuzz_check(memcmp(back.store, m.store, sizeof m.store) == 0);
        fuzz_check(back.a == m.a && back.ci == (m.ci & 31u));
        free(link);
    } else {
        fuzz_check(err.message[0] != '\0' && err.line >= 0 && err.col >= 0);
    }
#endif
    return 0;
}

#endif
