/**
 * "a" or "an" before a word, by its first letter: "an app token", "a client secret".
 * Limitation: by spelling, not sound ("a user", "an hour" would read wrong); the product's nouns
 * (app, client, login, password, environment) all follow their spelling.
 */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word.trim()) ? 'an' : 'a';
}

/** "An app token" / "A client secret": the noun with its article, capitalised for a sentence. */
export function withArticle(noun: string): string {
  const a = article(noun);
  return `${a.charAt(0).toUpperCase()}${a.slice(1)} ${noun}`;
}
