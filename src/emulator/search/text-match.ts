const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const WHITESPACE = /\s+/;

/** The tokens a value is indexed under: the whole value, its whitespace-separated parts and its words. */
function tokensOf(text: string): string[] {
  const lower = text.toLowerCase();
  return [lower, ...lower.split(WHITESPACE), ...lower.split(NON_WORD)].filter((t) => t !== "");
}

function termMatcher(term: string): (token: string) => boolean {
  if (!term.includes("*")) return (token) => token === term;
  const pattern = term.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  const regex = new RegExp(`^${pattern}$`, "su");
  return (token) => regex.test(token);
}

/**
 * CONTAINS_TOKEN: every whitespace-separated term of the filter value equals a token of the
 * value, case-insensitively; `*` matches any run of characters (`*@hubspot.com`).
 */
export function tokenMatcher(filterValue: string): (text: string) => boolean {
  const terms = filterValue.toLowerCase().split(WHITESPACE).filter((t) => t !== "").map(termMatcher);
  if (terms.length === 0) return () => false;
  return (text) => {
    const tokens = tokensOf(text);
    return terms.every((matches) => tokens.some(matches));
  };
}

/**
 * A free-text `query` term (already lowercased) matches a value when it starts a word of it:
 * "hubs" finds "ann@hubspot.com", "ann@hub" finds it too, "spot" does not.
 */
export function startsAWord(lowerText: string, term: string): boolean {
  let at = lowerText.indexOf(term);
  while (at !== -1) {
    if (at === 0 || !WORD_CHAR.test(lowerText.charAt(at - 1))) return true;
    at = lowerText.indexOf(term, at + 1);
  }
  return false;
}

/** The terms of a free-text query, lowercased. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(WHITESPACE).filter((t) => t !== "");
}
