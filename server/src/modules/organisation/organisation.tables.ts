import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema';

export type UnitLevel = 'province' | 'district' | 'commune';

export type UnitsTable = {
  id: Generated<string>;
  code: string;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
  province_code: string;
  valid_from: Generated<string>;
  valid_to: string | null;
  successor_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
};

export type AgenciesTable = {
  id: Generated<string>;
  short_name: string;
  name: string;
  type: string;
  unit_id: string;
  parent_agency_id: string | null;
  address: string | null;
  email: string | null;
  hotline: string | null;
  valid_from: Generated<string>;
  valid_to: string | null;
  successor_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
};

export type AgencyCodesTable = {
  agency_id: string;
  code: string;
  format: 'qd20' | 'legacy';
  valid_from: Generated<string>;
  valid_to: string | null;
};

export type DepartmentsTable = {
  id: Generated<string>;
  agency_id: string;
  name: string;
  kind: 'one_stop_desk' | 'specialist';
  active: Generated<boolean>;
};

export type DeskStaffContactsTable = {
  id: Generated<string>;
  agency_id: string;
  name: string;
  title: string;
  field: string;
  phone: string;
  position: Generated<number>;
};

export type OrganisationTables = {
  desk_staff_contacts: DeskStaffContactsTable;
  units: UnitsTable;
  agencies: AgenciesTable;
  agency_codes: AgencyCodesTable;
  departments: DepartmentsTable;
};
