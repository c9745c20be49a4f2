/* i18n.h - messages in the user's language (gettext).

   Every message and --help text of the suite is in the text domain
   MN_DOMAIN, whose catalogues (po/LANG.po, compiled to
   LOCALEDIR/LANG/LC_MESSAGES/minyi.mo) the programs bind at start-up
   (mn_program_init).  _() translates a string where it is used; N_()
   only marks one for xgettext, to be translated later (argp's option
   docs, tables of words).  Any layer may translate a message it builds:
   only lib/prog and cmd/ print it.  Numbers are never affected: the
   programs keep LC_NUMERIC in the C locale.  */
#ifndef MINYI_I18N_H
#define MINYI_I18N_H

#include <libintl.h>

#define MN_DOMAIN "minyi"
#define _(msgid) dgettext (MN_DOMAIN, msgid)
#define N_(msgid) msgid

#endif
