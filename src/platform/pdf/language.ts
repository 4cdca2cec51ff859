/**
 * The language a document is written in, from however a client's language was spelled:
 * `sv-SE`, `SV`, `sv_se` → `sv`. A language not among `supported` gets the first of them.
 */
export function pickLanguage<L extends string>(raw: string | null | undefined, supported: readonly [L, ...L[]]): L {
  const language = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (supported as readonly string[]).includes(language) ? (language as L) : supported[0];
}
