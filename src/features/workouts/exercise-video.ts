/**
 * An exercise's video as the client can watch it: an embedded player for YouTube and Vimeo
 * addresses (privacy-enhanced YouTube), a plain link for any other http(s) address, nothing
 * for what is no web address.
 */
export type ExerciseVideo = { kind: 'embed'; src: string; href: string } | { kind: 'link'; href: string };

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtu.be') return url.pathname.slice(1) || null;
  if (host !== 'youtube.com' && host !== 'youtube-nocookie.com') return null;
  if (url.pathname === '/watch') return url.searchParams.get('v');
  const match = /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname);
  return match?.[1] ?? null;
}

export function exerciseVideo(address: string | null | undefined): ExerciseVideo | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const youtube = youtubeId(url);
  if (youtube && /^[\w-]{6,20}$/.test(youtube))
    return { kind: 'embed', src: `https://www.youtube-nocookie.com/embed/${youtube}`, href: url.href };
  const vimeo = url.hostname.replace(/^www\./, '') === 'vimeo.com' ? /^\/(\d+)/.exec(url.pathname)?.[1] : undefined;
  if (vimeo) return { kind: 'embed', src: `https://player.vimeo.com/video/${vimeo}`, href: url.href };
  return { kind: 'link', href: url.href };
}
