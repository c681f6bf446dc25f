/*
 * consumer.c - a program of someone else's, built against an installed
 * libssem with nothing but pkg-config (tests/pkg/install.sh builds it twice:
 * with the shared library and with the static one). It checks that the
 * library it runs against has the major version of the header it was built
 * with, runs the program file given, and prints "steps line27 CI".
 */
#include <ssem.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: consumer FILE\n");
        return 2;
    }
    if (ssem_version() / 10000 != SSEM_VERSION_MAJOR) {
        fprintf(stderr, "consumer: built for libssem %s, runs against %s\n", SSEM_VERSION,
                ssem_version_string());
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    static char text[1 << 16];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);

    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load(text, len, argv[1], SSEM_FORMAT_AUTO, &img, &err) != 0) {
        char msg[512];
        fprintf(stderr, "%s", ssem_diag_format(&err, text, len, msg, sizeof msg));
        return 1;
    }
    ssem_t *m = ssem_new();
    if (m == NULL)
        return 1;
    ssem_load_image(m, &img);
    ssem_stop_t why = ssem_run(m, 10000000, 0);
    printf("%s %llu %lu %lu\n", ssem_stop_name(why), (unsigned long long)ssem_get_steps(m),
           (unsigned long)ssem_store_get(m, 27), (unsigned long)ssem_get(m, SSEM_REG_CI));
    ssem_free(m);
    return 0;
}
