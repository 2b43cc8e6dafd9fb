// Small helpers for Swedish text built from data.

/**
 * Swedish genitive of a name: add "s", except after s, x or z, where nothing is added
 * ("Hannas", "Rolf Ås", "Max", "Lutz"). Names are never given an apostrophe.
 */
export function genitive(name: string): string {
  const trimmed = name.trim();
  return /[sxz]$/i.test(trimmed) ? trimmed : `${trimmed}s`;
}
