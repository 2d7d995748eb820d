// mailauth's RFC 8601 parser for Authentication-Results, which it uses for ARC, is not in its
// typed API. Only what verify-sender.ts reads is declared.
declare module 'mailauth/lib/parse-dkim-headers.js' {
  /** One method's result (`dkim=pass header.d=example.com`): the result and its properties by type. */
  export type AuthResult = { value?: string; header?: Record<string, string | undefined> };
  /** `value` is the authserv-id; each method is one result, or a list when it appears more than once. */
  export type ParsedAuthResults = { value?: string } & Record<string, AuthResult | AuthResult[] | string | undefined>;
  export default function parseHeader(line: string): { parsed: ParsedAuthResults };
}
