import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { FormFailure } from './form-issues';

/** Puts the cursor on the first input a failed save marked. */
export function useFocusInvalid(
  formRef: RefObject<HTMLFormElement | null>,
  failure: FormFailure | null,
): void {
  useEffect(() => {
    if (!failure) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, failure]);
}
