#ifndef INTAKE_CNCURSESW_SHIM_H
#define INTAKE_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <wchar.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift cannot import function-like macros, macros built from other macros,
   or (in reentrant builds) the globals LINES/COLS/stdscr. These wrappers give
   Swift plain functions and enum constants instead. */

enum {
    INTAKE_OK = OK,
    INTAKE_ERR = ERR,
    INTAKE_KEY_CODE_YES = KEY_CODE_YES,
    INTAKE_KEY_DOWN = KEY_DOWN,
    INTAKE_KEY_UP = KEY_UP,
    INTAKE_KEY_LEFT = KEY_LEFT,
    INTAKE_KEY_RIGHT = KEY_RIGHT,
    INTAKE_KEY_HOME = KEY_HOME,
    INTAKE_KEY_END = KEY_END,
    INTAKE_KEY_FIND = KEY_FIND,     /* some xterm terminfo entries send this for Home */
    INTAKE_KEY_SELECT = KEY_SELECT, /* ... and this for End */
    INTAKE_KEY_BACKSPACE = KEY_BACKSPACE,
    INTAKE_KEY_DC = KEY_DC,
    INTAKE_KEY_IC = KEY_IC,
    INTAKE_KEY_NPAGE = KEY_NPAGE,
    INTAKE_KEY_PPAGE = KEY_PPAGE,
    INTAKE_KEY_ENTER = KEY_ENTER,
    INTAKE_KEY_BTAB = KEY_BTAB,
    INTAKE_KEY_RESIZE = KEY_RESIZE,
    INTAKE_KEY_F0 = KEY_F0,
    INTAKE_KEY_MAX = KEY_MAX,
    INTAKE_CCHARW_MAX = CCHARW_MAX,
    INTAKE_COLOR_BLACK = COLOR_BLACK,
    INTAKE_COLOR_RED = COLOR_RED,
    INTAKE_COLOR_GREEN = COLOR_GREEN,
    INTAKE_COLOR_YELLOW = COLOR_YELLOW,
    INTAKE_COLOR_BLUE = COLOR_BLUE,
    INTAKE_COLOR_MAGENTA = COLOR_MAGENTA,
    INTAKE_COLOR_CYAN = COLOR_CYAN,
    INTAKE_COLOR_WHITE = COLOR_WHITE,
};

static inline WINDOW *intake_stdscr(void) { return stdscr; }
static inline int intake_lines(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int intake_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline int intake_colors(void) { return COLORS; }
static inline int intake_color_pairs(void) { return COLOR_PAIRS; }

/* One attribute word from the four attributes the grid knows. */
static inline attr_t intake_attrs(int bold, int dim, int reverse, int underline) {
    attr_t a = A_NORMAL;
    if (bold) a |= A_BOLD;
    if (dim) a |= A_DIM;
    if (reverse) a |= A_REVERSE;
    if (underline) a |= A_UNDERLINE;
    return a;
}

/* Whether the terminal advertises an attribute (vt100 has no dim). */
static inline int intake_term_has_dim(void) { return (termattrs() & A_DIM) != 0; }

/* wget_wch on the standard screen: OK with a character, KEY_CODE_YES with a
   key code, ERR on timeout. */
static inline int intake_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

/* Whether the current locale's character set is UTF-8 (after setlocale). */
static inline int intake_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't')
        && (cs[2] == 'F' || cs[2] == 'f');
}

/* One byte (or KEY_RESIZE) from the standard screen, ERR on timeout. With
   keypad off, escape sequences arrive byte by byte for intake to decode. */
static inline int intake_getch(void) { return wgetch(stdscr); }

/* Looks $TERM up in terminfo without starting curses: 1 when the terminal
   can address the cursor, 0 when it cannot (dumb, a printing terminal),
   -1 when terminfo does not know it. */
static inline int intake_term_can_address(void) {
    int err = 0;
    TERMINAL *before = cur_term;
    if (setupterm(NULL, 1, &err) != OK) return -1;
    const char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (const char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    TERMINAL *mine = set_curterm(before);
    if (mine != NULL && mine != before) del_curterm(mine);
    return ok;
}

/* The window size of stdout from the kernel, 0 where it does not say. */
static inline void intake_window_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0) { *rows = ws.ws_row; *cols = ws.ws_col; }
    else { *rows = 0; *cols = 0; }
}

/* newterm on the process's stdin/stdout (Swift 6 rejects the C globals). */
static inline SCREEN *intake_newterm(void) { return newterm(NULL, stdout, stdin); }

/* A terminfo string capability, or NULL when the terminal lacks it. */
static inline const char *intake_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/* Writes a terminfo string (padding handled by ncurses). */
static inline void intake_putp(const char *s) { if (s) { putp(s); fflush(stdout); } }

#endif
