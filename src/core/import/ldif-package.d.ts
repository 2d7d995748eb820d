// The `ldif` package ships no types. Only what ldif.ts reads is declared.
declare module 'ldif' {
  /** One entry: its distinguished name and its attributes, each with every value it was given. */
  export type LdifRecord = {
    toObject(options: { flatten: false; preserveOptions: false }): { dn: string; attributes: Record<string, string[]> };
  };
  /** Parses LDIF text; a syntax error carries where it was found (1-based line and column). */
  export function parse(text: string): { entries: LdifRecord[] };
  const ldif: { parse: typeof parse };
  export default ldif;
}
