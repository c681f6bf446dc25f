/*
 * test_url.c - the share links of manchesterbaby.com (src/url.c).
 *
 * The links below were built BY HAND from the format in docs/formats.md
 * ("Share links"), not by ssem: the store words of the first program were
 * written down from programs/first.lst (LDN 24 = 2<<13 | 24 = 0x4018, ...),
 * laid out as bytes as the format says (python3's struct.pack('>I', w) for
 * big-endian words, one byte (w & 0x1F) | ((w >> 8) & 0xE0) for a compact
 * line, bitmap bit L for line L) and base64url-encoded with python3's
 * base64.urlsafe_b64encode, '=' removed. The expected stores are checked
 * against the listing reader's reading of programs/first.lst, so the two
 * readers check each other. Error columns are counted by hand on the text.
 * Run with the repository root as the working directory.
 */
#include "check.h"
#include "ssem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* first.lst, the old form: 128 bytes, the 32 lines big-endian */
#define FIRST_OLD                                                                          \
    "AAAAAAAAQBgAAGAaAABAGgAAYBsAAEAXAACAGwAAwAAAACAUAACAGgAAYBkAAEAZAADAAAAA4AAAAEAaAACAFQ" \
    "AAYBsAAEAbAABgGgAAABb____9AAAAAQAAAAT__AAAAAP__wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
/* first.lst, the compact form: bitmap 0xFE6FFFFF (lines 20, 23, 24 take 4
 * bytes), A = 0 compact, CI = 0: 47 bytes */
#define FIRST_COMPACT "_m___wBYelp7V5vANJp5WcDgWpV7W3oW_____QEE__wAAAAD__8AAAAAAAAAIAA"
/* the same store with A = 131072 (4 bytes) and CI = 13: 50 bytes */
#define FIRST_REGS "_m___wBYelp7V5vANJp5WcDgWpV7W3oW_____QEE__wAAAAD__8AAAAAAAAADQACAAA"
/* only line 1 = STP (0xE000): bitmap 0xFFFFFFFF, 32 bytes with 0xE0 second,
 * CI byte 0x20, A byte 0: 38 bytes, the shortest link */
#define STP_ONLY "_____wDgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAIAA"
/* a 128-byte compact form as the Java writer makes it: lines 0-29 hold
 * 0x12345678 + L * 0x10000 (4 bytes each), line 30 STP and line 31 0
 * (compact), CI = 7, A = 3 compact */
#define JAVA_128                                                                           \
    "wAAAABI0VngSNVZ4EjZWeBI3VngSOFZ4EjlWeBI6VngSO1Z4EjxWeBI9VngSPlZ4Ej9WeBJAVngSQVZ4EkJWeBJD" \
    "VngSRFZ4EkVWeBJGVngSR1Z4EkhWeBJJVngSSlZ4EktWeBJMVngSTVZ4Ek5WeBJPVngSUFZ4ElFWeOAAJwM"
/* an old-form link whose line 0 (3) would read as a bitmap of two compact
 * lines; line 1 = LDN 24, line 5 = STP */
#define OLD_LINE0_3 \
    "AAAAAwAAQBgAAAAAAAAAAAAAAAAAAOAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" \
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

static uint32_t first[32];

/* programs/first.lst through the listing reader */
static int load_first(void)
{
    FILE *f = fopen("programs/first.lst", "rb");
    if (f == NULL)
        return -1;
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load(buf, n, "first.lst", SSEM_FORMAT_LISTING, &img, &err) != 0)
        return -1;
    memcpy(first, img.word, sizeof first);
    return 0;
}

static ssem_t m;
static ssem_diag_t err;

static int url(const char *text)
{
    memset(&m, 0, sizeof m);
    return ssem_load_url(text, strlen(text), "t", &m, &err);
}

static void check_store(const uint32_t *want)
{
    for (int l = 0; l < 32; l++)
        CHECK_EQ(m.store[l], want[l]);
}

static void test_first_program_by_hand(void)
{
    CHECK_EQ(load_first(), 0);
    /* the words written down by hand from the listing */
    CHECK_EQ(first[1], 0x4018u);
    CHECK_EQ(first[13], 0xE000u);
    CHECK_EQ(first[20], 0xFFFFFFFDu);
    CHECK_EQ(first[23], 0xFFFC0000u);
    CHECK_EQ(first[24], 0x0003FFFFu);

    CHECK_EQ(url("https://manchesterbaby.com?s=" FIRST_OLD), 0);
    check_store(first);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.ci, 0);
    CHECK_EQ(url("https://manchesterbaby.com/?s=" FIRST_COMPACT), 0);
    check_store(first);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(url(FIRST_REGS), 0);
    check_store(first);
    CHECK_EQ(m.a, 131072u);
    CHECK_EQ(m.ci, 13u);
    CHECK_EQ(m.pi, 0u);
    CHECK(!m.lamp);
    CHECK_EQ(url("s=" STP_ONLY "\n"), 0);
    for (int l = 0; l < 32; l++)
        CHECK_EQ(m.store[l], l == 1 ? 0xE000u : 0u);

    /* and it runs to the same answer as the listing: 2^17 in line 27 */
    CHECK_EQ(url(FIRST_COMPACT), 0);
    CHECK_EQ(ssem_run(&m, 3000000, 0), SSEM_HALTED);
    CHECK_EQ(m.store[27], 131072u);
}

/* The ways a link is written: scheme, host, path, other parameters, a
 * fragment, padding, surrounding white space, a BOM. */
static void test_link_spellings(void)
{
    const char *ok[] = {
        "https://manchesterbaby.com?s=" STP_ONLY,
        "http://www.manchesterbaby.com/?x=1&s=" STP_ONLY "&y=2",
        "HTTPS://manchesterbaby.com/?s=" STP_ONLY "#top",
        "  \n\thttps://manchesterbaby.com?s=" STP_ONLY "\r\n\n",
        "\xEF\xBB\xBF" "s=" STP_ONLY,
        STP_ONLY "=",   /* 51 characters + one '=' make the padded form */
        STP_ONLY "%3D", /* the '=' as a URL escape */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        CHECK_EQ(url(ok[i]), 0);
        CHECK_EQ(m.store[1], 0xE000u);
    }
}

/* ssem_load detects links (and only links) and reads the store; the
 * registers a program image cannot keep give a warning, not silence. */
static void test_detection(void)
{
    ssem_image_t img;
    const char *t = "https://manchesterbaby.com?s=" FIRST_COMPACT "\n";
    CHECK_EQ(ssem_load(t, strlen(t), "x.txt", SSEM_FORMAT_AUTO, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_URL);
    CHECK_EQ(img.defined, 0xFFFFFFFFu);
    CHECK_EQ(img.word[27], 0u);
    CHECK_EQ(img.word[24], 0x3FFFFu);
    CHECK_EQ(img.nwarnings, 0);
    CHECK_EQ(ssem_load(FIRST_REGS, strlen(FIRST_REGS), "x", SSEM_FORMAT_AUTO, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_URL);
    CHECK_EQ(img.nwarnings, 1);
    CHECK(strstr(img.warning[0].message, "131072") != NULL);
    CHECK(ssem_is_url(FIRST_OLD, strlen(FIRST_OLD)));
    CHECK(ssem_is_url("https://example.com/baby", 24)); /* to say it has no s= */
    /* not links: a line of bits, a long number, two words, asm, a short word */
    const char *no[] = {
        "10000000000000000000000000000000000000000000000000000000001",
        "123456789012345678901234567890123456789012345678901234567890",
        STP_ONLY " " STP_ONLY,
        "STP",
        "AAAAAAAA",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        CHECK(!ssem_is_url(no[i], strlen(no[i])));
    ssem_format_t f;
    CHECK_EQ(ssem_format_parse("url", &f), 0);
    CHECK_EQ(f, SSEM_FORMAT_URL);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_URL), "url") == 0);
    /* the one machine loader takes a link with its registers */
    ssem_image_t mimg;
    CHECK_EQ(ssem_load_machine(FIRST_REGS, strlen(FIRST_REGS), "x", SSEM_FORMAT_AUTO, &m, &mimg,
                               &err),
             0);
    CHECK_EQ(m.a, 131072u);
    CHECK_EQ(m.ci, 13u);
    CHECK_EQ(mimg.format, SSEM_FORMAT_URL);
    CHECK_EQ(mimg.nwarnings, 0); /* the registers are read, not dropped */
}

/* 128 bytes: the old form, unless they are the compact form the Java writer
 * would have made (every 4-byte field needing its 4 bytes). */
static void test_128_bytes(void)
{
    CHECK_EQ(url(JAVA_128), 0);
    for (uint32_t l = 0; l < 30; l++)
        CHECK_EQ(m.store[l], 0x12345678u + l * 0x10000u);
    CHECK_EQ(m.store[30], 0xE000u);
    CHECK_EQ(m.store[31], 0u);
    CHECK_EQ(m.ci, 7u);
    CHECK_EQ(m.a, 3u);
    CHECK_EQ(url(OLD_LINE0_3), 0);
    CHECK_EQ(m.store[0], 3u);
    CHECK_EQ(m.store[1], 0x4018u);
    CHECK_EQ(m.store[5], 0xE000u);
    CHECK_EQ(m.a, 0u);
    /* the writer never makes 128 bytes (171 characters): it spells a compact
     * line out, and the result reads back to the same machine */
    uint32_t s[32];
    for (uint32_t l = 0; l < 30; l++)
        s[l] = 0x12345678u + l * 0x10000u;
    s[30] = 0xE000u;
    s[31] = 0;
    char *link = ssem_write_url(s, 3u, 7u, NULL);
    CHECK(link != NULL);
    if (link == NULL)
        return;
    size_t chars = strlen(link) - strlen(SSEM_URL_PREFIX);
    CHECK(chars != 171u);
    CHECK_EQ(chars, 175u); /* 131 bytes: 131 * 8 / 6 = 174.7 */
    CHECK_EQ(url(link), 0);
    check_store(s);
    CHECK_EQ(m.a, 3u);
    CHECK_EQ(m.ci, 7u);
    free(link);
}

static void test_writer_by_hand(void)
{
    CHECK_EQ(load_first(), 0);
    bool cut = true;
    char *link = ssem_write_url(first, 0, 0, &cut);
    CHECK(link != NULL && strcmp(link, "https://manchesterbaby.com?s=" FIRST_COMPACT) == 0);
    CHECK(!cut);
    free(link);
    link = ssem_write_url(first, 131072u, 13u, &cut);
    CHECK(link != NULL && strcmp(link, "https://manchesterbaby.com?s=" FIRST_REGS) == 0);
    CHECK(!cut);
    free(link);
    /* CI = 45 = 32 + 13: the link keeps 13 and says it lost the rest */
    link = ssem_write_url(first, 131072u, 45u, &cut);
    CHECK(link != NULL && strcmp(link, "https://manchesterbaby.com?s=" FIRST_REGS) == 0);
    CHECK(cut);
    free(link);
    /* ssem_write's url: A = CI = 0, a newline */
    char text[SSEM_TEXT_MAX];
    CHECK(ssem_write(SSEM_FORMAT_URL, first, text, sizeof text) > 0);
    CHECK(strcmp(text, "https://manchesterbaby.com?s=" FIRST_COMPACT "\n") == 0);
}

/* Random machines: the store and A exact, CI modulo 32. */
static void test_random_round_trip(void)
{
    uint64_t seed = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 3000; round++) {
        ssem_t x;
        memset(&x, 0, sizeof x);
        ssem_random_store(&x, &seed);
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        x.a = (uint32_t)(seed >> 32);
        if (round % 3 == 0)
            x.a &= 0xE01Fu;
        x.ci = (uint32_t)seed;
        if (round % 5 == 0) /* some stores of nothing but plain words */
            for (int l = 0; l < 32; l++)
                x.store[l] &= 0xE01Fu;
        if (round % 7 == 0) /* and some of nothing but large ones */
            for (int l = 0; l < 32; l++)
                x.store[l] |= 0x10000u;
        bool cut;
        char *link = ssem_write_url(x.store, x.a, x.ci, &cut);
        CHECK(link != NULL);
        if (link == NULL)
            return;
        CHECK_EQ(cut, (x.ci >> 5) != 0);
        CHECK_EQ(url(link), 0);
        for (int l = 0; l < 32; l++)
            CHECK_EQ(m.store[l], x.store[l]);
        CHECK_EQ(m.a, x.a);
        CHECK_EQ(m.ci, x.ci & 31u);
        free(link);
    }
}

#define CHECK_URL_ERR(text, want_line, want_col)                                            \
    do {                                                                                    \
        memset(&m, 0, sizeof m);                                                            \
        m.store[3] = 77u;                                                                   \
        CHECK_EQ(ssem_load_url(text, strlen(text), "t", &m, &err), -1);                     \
        CHECK_EQ(err.line, want_line);                                                      \
        CHECK_EQ(err.col, want_col);                                                        \
        CHECK(err.message[0] != '\0');                                                      \
        CHECK_EQ(m.store[3], 77u); /* untouched */                                          \
    } while (0)

static void test_malformed(void)
{
    /* "https://" is 8 characters, "manchesterbaby.com" 18: the end is col 26 */
    CHECK_URL_ERR("https://manchesterbaby.com", 1, 26);
    CHECK_URL_ERR("https://manchesterbaby.com?x=1", 1, 27); /* the '?' */
    CHECK(strstr(err.message, "s=") != NULL);
    CHECK_URL_ERR("s=", 1, 2);
    CHECK_URL_ERR("s=AB+D", 1, 5);
    CHECK(strstr(err.message, "base64url") != NULL);
    CHECK_URL_ERR("\n\ns=ABCD!", 3, 7);
    CHECK_URL_ERR("s=AAAA AAAA", 1, 7);
    /* 5 characters cannot be base64: the fifth (col 7) is reported */
    CHECK_URL_ERR("s=AAAAA", 1, 7);
    /* a cut compact link: 40 of its 63 characters give 30 bytes: bitmap
     * 0xFE6FFFFF (bytes 0-3), lines 0-19 one byte each (4-23), line 20 four
     * (24-27), lines 21, 22 one each (28, 29): they end inside line 23; the
     * error is at the last character, col 2 + 40 */
    CHECK_URL_ERR("s=_m___wBYelp7V5vANJp5WcDgWpV7W3oW_____QEE", 1, 42);
    CHECK(strstr(err.message, "line 23") != NULL);
    /* 4 characters more: 50 bytes, 3 left over after A; byte 47 begins in
     * character 47 * 8 / 6 = 62 (0-based) of the value, col 2 + 62 + 1 */
    CHECK_URL_ERR("s=" FIRST_COMPACT "AAAA", 1, 65);
    CHECK(strstr(err.message, "3 bytes left over") != NULL);
    /* padding only at the end, at most two */
    CHECK_URL_ERR("s=" STP_ONLY "=A", 1, 55);
    CHECK_URL_ERR("s=" STP_ONLY "===", 1, 56);
    /* too long: the 184th character of the value, col 186 */
    char longv[260] = "s=";
    memset(longv + 2, 'A', 200);
    longv[202] = '\0';
    CHECK_URL_ERR(longv, 1, 186);
    /* nothing at all */
    CHECK_EQ(ssem_load_url("  \n", 3, "t", &m, &err), -1);
    CHECK_EQ(ssem_load_url(NULL, 0, "t", &m, &err), -1);
    /* through ssem_load with --format=url: the same message, no image */
    ssem_image_t img;
    CHECK_EQ(ssem_load("s=AB+D", 6, "t", SSEM_FORMAT_URL, &img, &err), -1);
    CHECK_EQ(err.col, 5);
    CHECK_EQ(img.defined, 0u);
    /* a program file read as a link fails cleanly */
    CHECK_EQ(ssem_load("01: STP\n", 8, "t", SSEM_FORMAT_URL, &img, &err), -1);
    CHECK_EQ(err.line, 1);
    CHECK_EQ(err.col, 4);
}

int main(void)
{
    RUN(test_first_program_by_hand);
    RUN(test_link_spellings);
    RUN(test_detection);
    RUN(test_128_bytes);
    RUN(test_writer_by_hand);
    RUN(test_random_round_trip);
    RUN(test_malformed);
    return CHECK_DONE();
}
