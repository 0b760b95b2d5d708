/**
 * The catalogue's face to other modules: the procedure (and its version) in force, its workflow and step plan, and
 * its e-form validator. Versions once in force never change, so callers may cache them by id.
 */
export {
  findVersionInForce,
  getProcedure,
  getProcedureVersion,
  loadVersion,
  PROCEDURE_WHAT,
} from './catalogue.service';
export { getVersionWorkflow } from './catalogue.workflow';
export { budgetMinutes, defaultWorkflow, planSteps, type PlannedStep } from './workflow';
export { compileEForm, type EFormValidator } from './eform-schema';
