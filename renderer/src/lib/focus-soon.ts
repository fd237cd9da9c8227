/**
 * Keyboard focus after an action that redraws what held it: a saved entity's editor mounts
 * under a new key, a button is disabled while its call runs, a deleted profile's view goes. The
 * browser then drops focus to the top of the page; these put it back somewhere sensible.
 */

/** The button that has focus as an action starts (the one it may disable or remove), else null. */
export function focusedButton(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLButtonElement ? active : null;
}

/** True when nothing useful has focus: the page itself, a removed element, or `from`. */
function focusLost(from: Element | null): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body || !active.isConnected) return true;
  if (active instanceof HTMLButtonElement && active.disabled) return true;
  return from !== null && active === from;
}

/**
 * Once React has drawn the change (after this task), focuses the element marked
 * `data-focus="<key>"` (within `scope` when given), if focus was lost or is still on `from`:
 * focus the person moved elsewhere meanwhile is left alone.
 */
export function focusSoon(key: string, from: Element | null = null, scope?: ParentNode): void {
  setTimeout(() => {
    if (!focusLost(from)) return;
    const marked = (scope ?? document).querySelectorAll<HTMLElement>('[data-focus]');
    const target = [...marked].find((element) => element.dataset.focus === key);
    target?.focus();
  }, 0);
}

/** Runs `move` after React has drawn the change, if focus was lost or is still on `from`. */
export function moveFocusSoon(move: () => void, from: Element | null = null): void {
  setTimeout(() => {
    if (focusLost(from)) move();
  }, 0);
}
