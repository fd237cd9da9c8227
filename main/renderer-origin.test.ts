import { describe, expect, it } from 'vitest';
import { createRendererUrlCheck } from './renderer-origin';

describe('createRendererUrlCheck', () => {
  it('accepts only the very index.html for a file renderer, with any hash or query', () => {
    const isOwn = createRendererUrlCheck('file:///opt/app/out/renderer/index.html');
    expect(isOwn('file:///opt/app/out/renderer/index.html#/tokens')).toBe(true);
    expect(isOwn('file:///opt/app/out/renderer/other.html')).toBe(false);
    expect(isOwn('file:///etc/passwd')).toBe(false);
    expect(isOwn('file://evil-host/opt/app/out/renderer/index.html')).toBe(false);
    expect(isOwn('https://example.invalid/opt/app/out/renderer/index.html')).toBe(false);
    expect(isOwn('not a url')).toBe(false);
  });

  it('accepts the same origin for a dev-server renderer', () => {
    const isOwn = createRendererUrlCheck('http://localhost:5173/');
    expect(isOwn('http://localhost:5173/some/route')).toBe(true);
    expect(isOwn('http://localhost:5174/')).toBe(false);
    expect(isOwn('https://localhost:5173/')).toBe(false);
  });
});
