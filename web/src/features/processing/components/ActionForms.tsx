import type { OfficeAction } from '../model';
import type { ActionProps } from './ActionCard';
import { AppraiseForm, SupplementForm } from './AppraiseForms';
import { ResultForm, ReturnForm } from './OutcomeForms';
import { AssignForm, ExtendForm, ForwardForm, ReasonForm } from './StepForms';

/** The form of each action the workspace may offer. */
export function ActionForm({ action, ...props }: ActionProps & { action: OfficeAction }) {
  switch (action) {
    case 'assign':
      return <AssignForm {...props} />;
    case 'reassign':
      return <AssignForm {...props} reassign />;
    case 'appraise':
      return <AppraiseForm {...props} />;
    case 'requestSupplement':
      return <SupplementForm {...props} />;
    case 'forward':
      return <ForwardForm {...props} />;
    case 'approve':
      return <ForwardForm {...props} approve />;
    case 'extend':
      return <ExtendForm {...props} />;
    case 'result':
      return <ResultForm {...props} />;
    case 'return':
      return <ReturnForm {...props} />;
    case 'stepBack':
      return <ReasonForm {...props} kind="stepBack" />;
    case 'stop':
      return <ReasonForm {...props} kind="stop" />;
  }
}
