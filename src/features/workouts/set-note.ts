/** A set's note as typed: trimmed, blank means none, at most 2,000 characters (as set_logs.notes). */
import { z } from 'zod';

export const SET_NOTE_MAX = 2000;

export const setNoteModel = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().max(SET_NOTE_MAX, `A set's note is at most ${SET_NOTE_MAX.toLocaleString('en-GB')} characters`))
  .transform((text) => (text === '' ? null : text));
