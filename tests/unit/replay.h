/*
 * replay.h - feeds every file of a directory to a libFuzzer entry point, so
 * the fuzzers' kept inputs run as ordinary tests (and under SAN=1).
 */
#ifndef SSEM_REPLAY_H
#define SSEM_REPLAY_H

#include "check.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>

/* Returns the number of files replayed; a harness aborts on a failure. */
static int replay_dir(const char *path, int (*one)(const uint8_t *, size_t))
{
    static uint8_t data[1 << 20];
    int replayed = 0;
    DIR *dir = opendir(path);
    if (dir == NULL)
        return 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        FILE *f = fopen(file, "rb");
        CHECK(f != NULL);
        if (f == NULL)
            continue;
        size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        one(data, n);
        replayed++;
    }
    closedir(dir);
    return replayed;
}

#endif
