/* helpwrap.h - --help laid out by display width, for translated text.

   argp wraps --help at spaces, counting bytes: a Chinese line, three
   bytes a character and two columns wide, breaks far too early, and
   only where an ASCII word leaves a space.  So when the messages are
   translated and the locale is UTF-8, mn_help_wrap_init sets argp's
   right margin out of reach (ARGP_HELP_FMT=rmargin=1000, unless the
   user set ARGP_HELP_FMT), and mn_help_filter, the help_filter of
   every struct argp of the suite, wraps the program's description (the
   text before and after the options) by display width
   (report/dwidth.h), between two characters of which one is wide or at
   a space, to argp's default 79 columns; an option's doc stays on one
   line (helpwrap.c says why).  Otherwise both leave argp alone.  */
#ifndef MINYI_HELPWRAP_H
#define MINYI_HELPWRAP_H

/* argp's help_filter: TEXT (borrowed) as it should be shown for KEY (an
   option's key, or ARGP_KEY_HELP_PRE_DOC...); returns TEXT itself or a
   new string that argp frees.  INPUT is unused.  */
char *mn_help_filter (int key, const char *text, void *input);

/* At start-up, after the text domain is bound: take over the wrapping
   of --help when it is translated, in a UTF-8 locale.  */
void mn_help_wrap_init (void);

#endif
