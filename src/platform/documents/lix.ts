// LIX (läsbarhetsindex): words per sentence + percentage of long words (> 6 letters).
// Letters to a person must stay at or below 40 on their own text.
export function lix(text: string): number {
  const words = text.match(/[A-Za-zÅÄÖåäöÉéÜü]+/g) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?:]+(\s|$)/g) ?? []).length);
  if (words.length === 0) return 0;
  const long = words.filter((w) => w.length > 6).length;
  return words.length / sentences + (100 * long) / words.length;
}
