import { z } from 'zod';
import { FieldVersions, Id, IsoTime, line } from './common';

export const CLIENT_NAME_MAX = 120;

/** Short mnemonic used on the command line and in ticket references, e.g. `BAKK`. */
export const ClientCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, { message: 'format.clientCode' });

export const Client = z.object({
  id: Id,
  name: line(CLIENT_NAME_MAX),
  code: ClientCode,
  createdAt: IsoTime,
  createdBy: z.string(),
  fieldVersions: FieldVersions,
});
export type Client = z.infer<typeof Client>;

/** Derives a code from a name when none is given: "Bakkerij de Vries" -> "BAKKERIJDV". */
export function suggestClientCode(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .toUpperCase()
    .split(/\s+/)
    .filter(Boolean);
  const first = (words[0] ?? 'CLIENT').replace(/[^A-Z0-9]/g, '').slice(0, 8);
  const rest = words
    .slice(1)
    .map((w) => w.replace(/[^A-Z0-9]/g, '').charAt(0))
    .join('');
  const code = `${first}${rest}`.slice(0, 12);
  return code.length >= 2 ? code : `${code}X`.padEnd(2, 'X');
}
