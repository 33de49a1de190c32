import { describe, expect, it } from 'vitest';
import { exerciseVideo } from './exercise-video';

describe("an exercise's video", () => {
  it.each([
    ['https://www.youtube.com/watch?v=ultWZbUMPL8', 'https://www.youtube-nocookie.com/embed/ultWZbUMPL8'],
    ['https://youtu.be/ultWZbUMPL8?t=10', 'https://www.youtube-nocookie.com/embed/ultWZbUMPL8'],
    ['https://m.youtube.com/shorts/ultWZbUMPL8', 'https://www.youtube-nocookie.com/embed/ultWZbUMPL8'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
  ])('%s plays embedded', (address, src) => {
    expect(exerciseVideo(address)).toMatchObject({ kind: 'embed', src });
  });

  it('links any other web address, and ignores what is none', () => {
    expect(exerciseVideo('https://example.com/squat.mp4')).toEqual({ kind: 'link', href: 'https://example.com/squat.mp4' });
    expect(exerciseVideo('javascript:alert(1)')).toBeNull();
    expect(exerciseVideo('not a url')).toBeNull();
    expect(exerciseVideo('')).toBeNull();
    expect(exerciseVideo('https://www.youtube.com/watch?v=<script>')).toEqual({
      kind: 'link',
      href: 'https://www.youtube.com/watch?v=%3Cscript%3E',
    });
  });
});
