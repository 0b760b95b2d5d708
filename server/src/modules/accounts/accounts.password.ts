import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';
import { foldVietnamese } from './accounts.username';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so a missing account does not answer faster.
    await hash(password, ARGON);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = { vi: string; en: string };

/** Password policy: long enough, not a well-known password, not the person's own name or log-in. */
export function checkPasswordPolicy(
  password: string,
  personal: (string | null | undefined)[] = [],
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      vi: `cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `use at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  const folded = foldVietnamese(password);
  if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+/.test(password))
    return {
      vi: 'mật khẩu này quá phổ biến, dễ bị đoán.',
      en: 'this password is too common and easy to guess.',
    };
  for (const p of personal) {
    if (!p) continue;
    const words = foldVietnamese(p)
      .replace(/@.*$/, '')
      .replace(/[^a-z0-9]/g, '');
    if (words.length >= 4 && folded.replace(/[^a-z0-9]/g, '').includes(words))
      return {
        vi: 'không dùng tên, email hay số điện thoại của bạn làm mật khẩu.',
        en: 'do not use your name, email or phone number as the password.',
      };
  }
  return null;
}

// No 0/O, 1/l/I: the temporary password is read off a screen or paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password for a new or reset staff account: 14 random characters from an unambiguous alphabet. */
export function generateTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 14; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
