/**
 * The month of a syslog/journald short date, as a regular expression source: `Nov 20 22:30:22`
 * in the C locale, `9月 22 08:58:03` / `12月 07 08:58:03` under a Chinese (or Japanese) locale,
 * where journalctl and rsyslog print the month as a number followed by 月.
 */
export const SYSLOG_MONTH = String.raw`(?:[A-Z][a-z]{2}|\d{1,2}月)`;

/** `Nov 20 22:30:22`, `9月 22 08:58:03` (fractional seconds allowed: `-o short-precise`). */
export const SYSLOG_DATE = String.raw`${SYSLOG_MONTH} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?`;
