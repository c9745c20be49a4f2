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
   a space, to argp's default 79 columns.  An option's doc cannot be
   broken inside argp (helpwrap.c says why), so mn_help_capture, called
   at ARGP_KEY_INIT by mn_common_argp and the front command, has argp
   write --help (and --usage, --version) into memory; at exit it goes to
   standard output with every line wider than 79 columns wrapped, an
   option's doc going on at argp's doc column 29.  Otherwise all three
   leave argp alone.  */
#ifndef MINYI_HELPWRAP_H
#define MINYI_HELPWRAP_H

/* argp's help_filter: TEXT (borrowed) as it should be shown for KEY (an
   option's key, or ARGP_KEY_HELP_PRE_DOC...); returns TEXT itself or a
   new string that argp frees.  INPUT is unused.  */
char *mn_help_filter (int key, const char *text, void *input);

/* At start-up, after the text domain is bound: take over the wrapping
   of --help when it is translated, in a UTF-8 locale.  */
void mn_help_wrap_init (void);

struct argp_state;

/* At ARGP_KEY_INIT: when wrapping, have argp write its help into memory
   (STATE's out_stream), to be wrapped and written out at exit.  */
void mn_help_capture (struct argp_state *state);

#endif
