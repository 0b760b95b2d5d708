import { z } from 'zod';

/** Staff roles (SPEC §1). A person may hold several. */
export const STAFF_ROLES = [
  'reception_officer',
  'specialist',
  'approver',
  'unit_admin',
  'catalogue_editor',
  'leader',
  'system_admin',
  'postal_operator',
] as const;
export const ZStaffRole = z.enum(STAFF_ROLES);
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const ACCOUNT_KINDS = ['citizen', 'staff'] as const;
export type TAccountKind = (typeof ACCOUNT_KINDS)[number];

/** GET /api/me — the logged-in person (implemented by the accounts module). */
export const ZMeResponse = z.object({
  id: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  name: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(ZStaffRole),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;
