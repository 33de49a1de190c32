/** Every test process writes dates in British English, as the browser tests' pages do. */
import { setDefaultDateLocale } from '@/lib/dates';
import { BROWSER_LOCALE } from '../helpers/browser-locale';

setDefaultDateLocale(BROWSER_LOCALE);
