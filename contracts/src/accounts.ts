import { z } from 'zod';
import { ZInstant } from './common';
import { ZStaffRole } from './roles';

/** Vietnamese mobile numbers, stored as 0xxxxxxxxx (a leading +84 is folded to 0). */
export const ZPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, '').replace(/^\+?84/, '0'))
  .pipe(z.string().regex(/^0\d{9}$/, 'số điện thoại di động 10 chữ số / a 10-digit mobile number'));
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Email, phone or staff username: whatever the person registered with. */
export const ZLogin = z.string().trim().min(3).max(254);
/** Length and strength are checked by the server's password policy, which names what is wrong. */
export const ZPassword = z.string().min(1).max(256);
export const ZOneTimeCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '6 chữ số / 6 digits');
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export const ZMessageChannel = z.enum(MESSAGE_CHANNELS);
export type TMessageChannel = z.infer<typeof ZMessageChannel>;

export const ZOrganisationInput = z.object({
  name: z.string().trim().min(2).max(300),
  taxCode: z
    .string()
    .trim()
    .regex(/^\d{10}(-\d{3})?$/, 'mã số thuế 10 số hoặc 10-3 số / tax code of 10 or 10-3 digits'),
  address: z.string().trim().min(5).max(500),
  legalRepresentative: z.string().trim().min(2).max(200),
});
export type TOrganisationInput = z.infer<typeof ZOrganisationInput>;

export const ZRegisterRequest = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    email: ZEmail.optional(),
    phone: ZPhone.optional(),
    password: ZPassword,
    /** Where the activation code goes; defaults to email when given, else SMS. */
    channel: ZMessageChannel.optional(),
    /** A business registering: the person becomes the organisation's first representative. */
    organisation: ZOrganisationInput.optional(),
  })
  .refine((r) => r.email || r.phone, {
    message: 'cần email hoặc số điện thoại / email or phone is required',
    path: ['email'],
  })
  .refine((r) => !r.channel || (r.channel === 'email' ? r.email : r.phone), {
    message: 'kênh nhận mã chưa có địa chỉ / the chosen channel has no address',
    path: ['channel'],
  });
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZCodeSentResponse = z.object({
  channel: ZMessageChannel,
  /** Masked destination, e.g. an***@example.vn or 09******78. */
  sentTo: z.string(),
  expiresInSeconds: z.number().int(),
});
export type TCodeSentResponse = z.infer<typeof ZCodeSentResponse>;

export const ZVerifyRequest = z.object({ login: ZLogin, code: ZOneTimeCode });
export const ZResendCodeRequest = z.object({ login: ZLogin });
export const ZLoginRequest = z.object({ login: ZLogin, password: ZPassword });
export const ZLogoutRequest = z
  .object({ allDevices: z.boolean().default(false) })
  .default({ allDevices: false });
export const ZPasswordResetRequest = z.object({ login: ZLogin });
export const ZPasswordResetConfirmRequest = z.object({
  login: ZLogin,
  code: ZOneTimeCode,
  newPassword: ZPassword,
});
export const ZChangePasswordRequest = z.object({ currentPassword: ZPassword, newPassword: ZPassword });
export const ZOkResponse = z.object({ ok: z.literal(true) });

export const ZOrganisation = ZOrganisationInput.extend({
  id: z.string(),
  memberRole: z.enum(['owner', 'member']),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
export const ZAddMemberRequest = z.object({ login: ZLogin });
export const ZOrganisationMember = z.object({
  userId: z.string(),
  fullName: z.string(),
  role: z.enum(['owner', 'member']),
});

export const ZProfile = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'staff']),
  fullName: z.string(),
  username: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  /** The language of emails, SMS and portal messages; null = the language of each request. */
  preferredLocale: z.enum(['vi', 'en']).nullable(),
  organisations: z.array(ZOrganisation),
});
export type TProfile = z.infer<typeof ZProfile>;

export const ZUpdateProfileRequest = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  dateOfBirth: z.iso.date().nullable().optional(),
  idNumber: z
    .string()
    .trim()
    .regex(
      /^(\d{9}|\d{12})$/,
      'Số định danh cá nhân gồm 12 chữ số (số CMND cũ: 9 chữ số) / 12 digits (old ID card: 9)',
    )
    .nullable()
    .optional(),
  address: z.string().trim().max(500).nullable().optional(),
  email: ZEmail.nullable().optional(),
  phone: ZPhone.nullable().optional(),
  preferredLocale: z.enum(['vi', 'en']).nullable().optional(),
});
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const STAFF_STATUSES = ['active', 'suspended', 'revoked'] as const;
export const ACCOUNT_STATUSES = ['pending', ...STAFF_STATUSES] as const;
export const ZAccountStatus = z.enum(ACCOUNT_STATUSES);

export const ZStaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  agency: z.object({ id: z.string(), shortName: z.string(), name: z.string() }),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(ZStaffRole),
  status: ZAccountStatus,
  mustChangePassword: z.boolean(),
  createdAt: ZInstant,
});
export type TStaffAccount = z.infer<typeof ZStaffAccount>;

export const ZStaffListQuery = z.object({
  agencyId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  status: ZAccountStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZStaffList = z.object({ items: z.array(ZStaffAccount), total: z.number().int() });

export const ZCreateStaffRequest = z.object({
  fullName: z.string().trim().min(2).max(200),
  agencyId: z.uuid(),
  departmentId: z.uuid().nullable().optional(),
  roles: z.array(ZStaffRole).min(1),
  email: ZEmail.optional(),
  phone: ZPhone.optional(),
});
export type TCreateStaffRequest = z.infer<typeof ZCreateStaffRequest>;
export const ZTemporaryPasswordResponse = z.object({
  account: ZStaffAccount,
  /** Shown once; the account must change it at first login (001 Đ25.1). */
  temporaryPassword: z.string(),
});
export type TTemporaryPasswordResponse = z.infer<typeof ZTemporaryPasswordResponse>;
export const ZSetRolesRequest = z.object({ roles: z.array(ZStaffRole).min(1) });
export const ZRoleSummary = z.object({
  role: ZStaffRole,
  holders: z.number().int(),
  /** Whether the asking administrator may grant this role (in their own agency; a system administrator anywhere). */
  grantable: z.boolean(),
});
export const ZRoleList = z.object({ items: z.array(ZRoleSummary) });
export type TRoleList = z.infer<typeof ZRoleList>;

export const ZAgencyOption = z.object({
  id: z.string(),
  shortName: z.string(),
  name: z.string(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const ZAgencyOptions = z.object({ items: z.array(ZAgencyOption) });

export const ZOidcConfigResponse = z.object({ enabled: z.boolean() });
