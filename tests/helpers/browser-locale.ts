/** The browser tests' pages' language, and the test processes' for dates in words (tests/setup/date-locale.ts). */
export const BROWSER_LOCALE = 'en-GB';
