/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
  /** Supabase Storage bucket for progress photos; unset: photos stay on the device. */
  readonly VITE_SUPABASE_PHOTO_BUCKET?: string;
}
