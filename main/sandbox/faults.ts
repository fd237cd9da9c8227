import { z } from 'zod';

/** Misbehaviour the sandbox can be told to show, so clients can be tested against it. */
export interface SandboxFaults {
  /** Delay before each API answer, in ms (0 = none). */
  latencyMs: number;
  /** API answers become a 502 HTML page, as a proxy in front of Podio sends. */
  status5xxHtml: boolean;
  /** API answers become Podio's 420 rate_limit error. */
  rateLimit: boolean;
  /** Successful JSON answers are cut in half (still status 200). */
  malformedJson: boolean;
  /** Token answers carry expires_in as a string ("28800"). */
  expiresInAsString: boolean;
  /** Tokens live this many seconds instead of the configured lifetime (null = off). */
  shortLivedSeconds: number | null;
  /** Authorize redirects leave out state. */
  omitState: boolean;
  /** API answers become 200 with an empty body. */
  emptyBody: boolean;
  /** API requests are never answered (until the sandbox closes). */
  hang: boolean;
}

export const NO_FAULTS: Readonly<SandboxFaults> = Object.freeze({
  latencyMs: 0,
  status5xxHtml: false,
  rateLimit: false,
  malformedJson: false,
  expiresInAsString: false,
  shortLivedSeconds: null,
  omitState: false,
  emptyBody: false,
  hang: false,
});

const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000),
  status5xxHtml: z.boolean(),
  rateLimit: z.boolean(),
  malformedJson: z.boolean(),
  expiresInAsString: z.boolean(),
  shortLivedSeconds: z.number().int().min(0).max(31_536_000).nullable(),
  omitState: z.boolean(),
  emptyBody: z.boolean(),
  hang: z.boolean(),
});

const partialFaultsSchema = faultsSchema.partial();

export type FaultsParse =
  { ok: true; faults: Partial<SandboxFaults> } | { ok: false; message: string };

/** Checks a faults patch from untrusted input (the control endpoint) or from code. */
export function parseFaultsPatch(input: unknown): FaultsParse {
  const result = partialFaultsSchema.safeParse(input);
  if (result.success) return { ok: true, faults: result.data };
  const messages = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
  );
  return { ok: false, message: messages.join('; ') };
}
