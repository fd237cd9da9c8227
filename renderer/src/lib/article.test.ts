import { describe, expect, it } from 'vitest';
import { withArticle } from './article';

describe('withArticle', () => {
  it('puts "An" before a noun that starts with a vowel', () => {
    expect(withArticle('app token')).toBe('An app token');
  });

  it('puts "A" before a noun that starts with a consonant', () => {
    expect(withArticle('client secret')).toBe('A client secret');
  });
});
