/**
 * The organisation module's face to other modules: find an agency (with its province), its codes on a date, its
 * departments and the heading of its forms; find a unit. Other modules read the organisation's tables only here.
 */
export {
  agencyCodesOn,
  agencyDisplayCode,
  agencyHeading,
  agencyIdOf,
  agencyNames,
  allAgencies,
  currentAgencies,
  allAgencyIds,
  currentAgenciesByShortName,
  currentAgencyByShortName,
  currentAgencyShortNames,
  findAgency,
  findDepartment,
  findUnitById,
  findUnitByCode,
  specialistDepartments,
  type AgencyFacts,
  type UnitRow,
} from './organisation.read';
export { loadDemoOrganisation } from './organisation.demo';
