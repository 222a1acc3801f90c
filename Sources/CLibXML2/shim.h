#ifndef CLAIMS_CLIBXML2_SHIM_H
#define CLAIMS_CLIBXML2_SHIM_H
/*
 * The one C door of the package. Only DocumentText imports this module.
 *
 * xmlversion.h comes first so that LIBXML_ICU_ENABLED can be undefined before
 * encoding.h is read: Debian's libxml2 is built with ICU, and its ICU headers
 * clash with Foundation's own ICU module on Linux (intermittent
 * "'UErrorCode' has different definitions" build failures). Swift never touches
 * the two ICU-only fields this drops from xmlCharEncodingHandler.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <string.h>

/* xmlFree is a global function-pointer variable in this build; Swift 6 refuses
 * to read mutable C globals, so it is called through here. */
static inline void clibxml2_free(void *p) { xmlFree(p); }

/* HTML parser options used everywhere: recover from broken markup, stay
 * silent, and never touch the network. XML_PARSE_HUGE lifts libxml2's nesting
 * limit of 256 elements, past which it stops parsing and drops the rest of the
 * page (the tree is walked iteratively here, so depth is safe); file size is
 * capped by the caller instead. */
static inline int clibxml2_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
           HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
}

/* 1 when libxml2 (through iconv) can decode the named charset. */
static inline int clibxml2_knows_encoding(const char *name) {
    xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);
    if (h == NULL) return 0;
    xmlCharEncCloseFunc(h);
    return 1;
}

#endif
