/**
 * Text as the title search compares it: case and accents folded (canonical decomposition, marks
 * dropped, lower case), so "Café" and "CAFE" are the same text. It matches what SQLite's trigram
 * index folds (`remove_diacritics 1`, case-insensitive) for the scripts a Dutch agency writes in.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
