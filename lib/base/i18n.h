/* i18n.h - messages in the user's language (gettext).

   Every message and --help text of the suite is in the text domain
   MN_DOMAIN, whose catalogues (po/LANG.po, compiled to
   LOCALEDIR/LANG/LC_MESSAGES/minyi.mo) the programs bind at start-up
   (mn_program_init).  _() translates a string where it is used; N_()
   only marks one for xgettext, to be translated later (argp's option
   docs, tables of words).  Any layer may translate a message it builds:
   only lib/prog and cmd/ print it.  Numbers are never affected: the
   programs keep LC_NUMERIC in the C locale.

   A new message: mn_error_set's format is translated by it (nothing to
   mark); argp_error, error and fprintf (stderr) take _("..."); a word
   put into a message through %s takes _() where it is chosen (N_() in
   a static table, _() where it is used); a plural takes dngettext
   (MN_DOMAIN, ...).  An option's doc and a group header take N_(), and
   every struct argp ends with mn_help_filter, MN_DOMAIN (its help
   filter and argp_domain).  Text written to a table stays untranslated.
   Then make pot, translate in po/zh_CN.po; make check fails until then
   (tests/po.sh).  */
#ifndef MINYI_I18N_H
#define MINYI_I18N_H

#include <libintl.h>

#define MN_DOMAIN "minyi"
#define _(msgid) dgettext (MN_DOMAIN, msgid)
#define N_(msgid) msgid

#endif
