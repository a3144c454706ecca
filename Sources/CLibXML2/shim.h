#ifndef NEWSLINT_CLIBXML2_SHIM_H
#define NEWSLINT_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in the system's <unicode/ucnv.h>. Its types
 * clash with the ICU copy inside Foundation (_FoundationICU), and a module that sees both fails to build,
 * depending on module build order. newslint never touches the ICU fields of xmlCharEncodingHandler (only
 * libxml2 allocates and reads that struct), so the ICU part of the header is hidden from Swift. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a global function pointer in libxml2; Swift cannot call it directly.
static inline void newslint_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// libxml2's version string, e.g. "20914".
static inline const char *newslint_xmlVersion(void) {
    return xmlParserVersion;
}

/// Silences libxml2's default error printing to stderr: parse problems are recovered, not reported.
static void newslint_ignoreError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void newslint_silenceErrors(void) {
    xmlSetGenericErrorFunc(NULL, newslint_ignoreError);
}

#endif
