/** "1 credit", "3 credits": a count with its noun, plural in English by adding s. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
