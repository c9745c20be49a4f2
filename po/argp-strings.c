/* argp-strings.c - the texts glibc's argp prints around our options.

   Not compiled: only read by xgettext (make pot).  argp translates its
   own texts ("Usage:", --help's, --usage's and --version's docs, "Try
   ...") through the domain of the program's root struct argp, minyi,
   not libc's, so the minyi catalogue must hold them.  The strings are
   glibc's, byte for byte (argp-help.c, argp-parse.c).  */
static const char *const argp_strings[] = {
  N_("Usage:"),
  N_("  or: "),
  N_(" [OPTION...]"),
  N_("Try `%s --help' or `%s --usage' for more information.\n"),
  N_("Report bugs to %s.\n"),
  N_("Mandatory or optional arguments to long options are also mandatory "
     "or optional for any corresponding short options."),
  N_("Give this help list"),
  N_("Give a short usage message"),
  N_("Print program version"),
  N_("Set the program name"),
  N_("Hang for SECS seconds (default 3600)"),
  N_("%s: Too many arguments\n"),
  N_("(PROGRAM ERROR) No version known!?"),
  N_("(PROGRAM ERROR) Option should have been recognized!?"),
  /* The bug address of every program (MN_BUG_ADDRESS in
     lib/prog/common.h), translated by mn_program_init.  */
  N_("the minyi issue tracker"),
};
