/**
 * Decides whether a frame URL is our own renderer. IPC senders and navigations are checked
 * against it: a file URL must be the very index.html we loaded, a dev-server URL the same origin.
 */
export function createRendererUrlCheck(rendererUrl: string): (candidate: string) => boolean {
  const expected = new URL(rendererUrl);
  return (candidate: string) => {
    let actual: URL;
    try {
      actual = new URL(candidate);
    } catch {
      return false;
    }
    if (expected.protocol === 'file:') {
      return (
        actual.protocol === 'file:' && actual.host === '' && actual.pathname === expected.pathname
      );
    }
    return actual.origin === expected.origin;
  };
}
