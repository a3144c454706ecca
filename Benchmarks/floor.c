/*
 * floor.c: the libxml2 parse-only floor for newslint's benchmark.
 *
 * Reads a list of post files (one path per line) from standard input, splits off each post's YAML
 * front matter the way newslint's PostReader does, and parses every body with htmlReadMemory and
 * exactly the options newslint uses (Sources/NewslintDOM/ParseOptions.swift). Nothing else happens
 * to the tree: it is freed at once. This is the least work any libxml2-based tool must do per post.
 *
 * All files are read into memory first, so the timed loop is parsing only ("bodies only", as in the
 * issue's table). The result is one line on standard output:
 *
 *     files=N bytes=B body_bytes=BB parse_seconds=S parse_cpu_seconds=C skipped=K
 *
 * where bytes counts whole files (what newslint reads), body_bytes what was parsed, S the wall time
 * and C the CPU time of the parsing loop (the latter hardly moves when other work shares the cores).
 *
 * Usage: floor [--repeat R] < file-list
 *   --repeat R  parse the whole set R times and report the total (for profiling or tiny sets).
 */
#define _POSIX_C_SOURCE 200809L
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;

typedef struct {
    char *data;   /* the whole file, LF-normalised, BOM removed */
    size_t size;
    size_t body;  /* offset of the body inside data */
    size_t file_bytes;
} Post;

/* newslint's isFence: the line is "---" followed only by spaces, tabs or CRs. */
static int is_fence(const char *line, size_t length) {
    if (length < 3 || memcmp(line, "---", 3) != 0) return 0;
    for (size_t i = 3; i < length; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return 0;
    return 1;
}

/* Whether a line is whitespace only (ASCII whitespace; newslint also counts Unicode spaces here,
 * which scraped posts do not put before their front matter). */
static int is_blank(const char *line, size_t length) {
    for (size_t i = 0; i < length; i++)
        if (!strchr(" \t\r\v\f", line[i])) return 0;
    return 1;
}

/* The body's offset, following PostReader.read(text:): skip leading blank lines (but never the last
 * line); if the next line is a fence, the body starts after the next fence line. Without a front
 * matter the whole text is the body. Returns -1 for an unterminated front matter (newslint rejects
 * the file too). */
static long body_offset(const char *text, size_t size) {
    size_t start = 0;
    for (;;) {
        const char *newline = memchr(text + start, '\n', size - start);
        if (!newline) break;  /* the last line is never skipped */
        size_t length = (size_t)(newline - (text + start));
        if (!is_blank(text + start, length)) break;
        start += length + 1;
    }
    const char *newline = memchr(text + start, '\n', size - start);
    size_t length = newline ? (size_t)(newline - (text + start)) : size - start;
    if (!is_fence(text + start, length)) return 0;
    if (!newline) return -1;
    size_t line = start + length + 1;
    while (line <= size) {
        const char *end = memchr(text + line, '\n', size - line);
        size_t line_length = end ? (size_t)(end - (text + line)) : size - line;
        if (is_fence(text + line, line_length)) return end ? (long)(line + line_length + 1) : (long)size;
        if (!end) break;
        line += line_length + 1;
    }
    return -1;
}

static int read_post(const char *path, Post *post) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    size_t capacity = 1 << 16, size = 0;
    char *data = malloc(capacity);
    size_t got;
    while ((got = fread(data + size, 1, capacity - size, file)) > 0) {
        size += got;
        if (size == capacity) data = realloc(data, capacity *= 2);
    }
    fclose(file);
    post->file_bytes = size;
    /* Like PostReader.read(bytes:): drop a UTF-8 BOM, then turn CRLF into LF. */
    size_t from = (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0, to = 0;
    for (size_t i = from; i < size; i++) {
        if (data[i] == '\r' && i + 1 < size && data[i + 1] == '\n') continue;
        data[to++] = data[i];
    }
    long body = body_offset(data, to);
    if (body < 0) { free(data); return -1; }
    post->data = data;
    post->size = to;
    post->body = (size_t)body;
    return 0;
}

static double clock_seconds(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int repeat = 1;
    if (argc == 3 && strcmp(argv[1], "--repeat") == 0) repeat = atoi(argv[2]);
    else if (argc != 1) { fprintf(stderr, "usage: floor [--repeat R] < file-list\n"); return 2; }
    if (repeat < 1) repeat = 1;

    size_t count = 0, capacity = 1024, skipped = 0, bytes = 0, body_bytes = 0;
    Post *posts = malloc(capacity * sizeof *posts);
    char *line = NULL;
    size_t line_capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &line_capacity, stdin)) > 0) {
        if (line[length - 1] == '\n') line[--length] = '\0';
        if (length == 0) continue;
        if (count == capacity) posts = realloc(posts, (capacity *= 2) * sizeof *posts);
        if (read_post(line, &posts[count]) != 0) { fprintf(stderr, "floor: skipped %s\n", line); skipped++; continue; }
        bytes += posts[count].file_bytes;
        body_bytes += posts[count].size - posts[count].body;
        count++;
    }
    free(line);

    xmlInitParser();
    double started = clock_seconds(CLOCK_MONOTONIC), cpu_started = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (int round = 0; round < repeat; round++) {
        for (size_t i = 0; i < count; i++) {
            const char *body = posts[i].data + posts[i].body;
            int size = (int)(posts[i].size - posts[i].body);
            /* newslint parses "<body></body>" for an empty body, since htmlReadMemory fails on none. */
            if (size == 0) { body = "<body></body>"; size = 13; }
            htmlDocPtr doc = htmlReadMemory(body, size, NULL, "UTF-8", kOptions);
            if (!doc) { fprintf(stderr, "floor: no document for post %zu\n", i); return 1; }
            xmlFreeDoc(doc);
        }
    }
    double seconds = clock_seconds(CLOCK_MONOTONIC) - started;
    double cpu_seconds = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_started;
    printf("files=%zu bytes=%zu body_bytes=%zu parse_seconds=%.6f parse_cpu_seconds=%.6f skipped=%zu\n",
           count * (size_t)repeat, bytes * (size_t)repeat, body_bytes * (size_t)repeat, seconds, cpu_seconds,
           skipped);
    for (size_t i = 0; i < count; i++) free(posts[i].data);
    free(posts);
    xmlCleanupParser();
    return 0;
}
