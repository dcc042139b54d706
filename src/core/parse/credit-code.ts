// 统一社会信用代码 (GB 32100-2015) with the embedded 组织机构代码 check (GB 11714-1997).

/** The 31 characters a credit code may use (no I, O, Z, S, V); a character's value is its index. */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Exactly 18 characters of CHARSET. */
const PLAIN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export type CreditCodeCheck = { ok: true } | { ok: false; reason: "length" | "charset" | "checksum" };

/** GB 11714: digits are themselves, letters A=10 … Z=35. */
function orgValue(c: string): number {
  const n = c.charCodeAt(0);
  return n <= 57 ? n - 48 : n - 55;
}

function finalCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Checks length, charset, the 组织机构代码 check (chars 9–17) and the final check char. */
export function checkCreditCode(s: string): CreditCodeCheck {
  // Almost every code is typed as 18 characters of the set: nothing to normalise or check one by one.
  const plain = PLAIN.test(s);
  const code = plain ? s : s.normalize("NFKC").trim().toUpperCase();
  if (!plain) {
    if (Array.from(code).length !== 18) return { ok: false, reason: "length" };
    for (const c of code) if (!CHARSET.includes(c)) return { ok: false, reason: "charset" };
  }
  if (orgCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, reason: "checksum" };
  if (finalCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: "checksum" };
  return { ok: true };
}

/** A valid code for fixtures: 91 (enterprise) 430100 (长沙) + 8-digit body from the seed. */
export function makeCreditCode(seed: number): string {
  const n = Number.isFinite(seed) ? Math.abs(Math.trunc(seed)) % 1e8 : 0;
  const org8 = String(n).padStart(8, "0");
  const first17 = `91430100${org8}${orgCheckChar(org8)}`;
  return first17 + finalCheckChar(first17);
}
