/** The organisation module's face to other modules. */
export { loadDemoOrganisation } from './organisation.demo';
