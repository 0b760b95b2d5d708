import type { TDossierEventType, TDossierStatus } from '@motcua/contracts';
import type { DossierAction } from './dossiers.policy';

/** Who may cause an event: an account of this kind, or the system itself (jobs, automatic follow-ups). */
export type EventActorKind = 'citizen' | 'staff' | 'system';

export type EventRule = {
  /**
   * What the actor needs on the dossier (dossiers.policy.ts `can`): `create` events make the dossier (intake, not
   * the action pipeline); `system` events are only made by the system, which acts on any dossier.
   */
  permission: DossierAction | 'create' | 'system';
  /** A different permission while the dossier is in these statuses (the same event at another stage). */
  permissionIn?: Partial<Record<TDossierStatus, DossierAction>>;
  /** For an event open to applicants and staff: what staff need (e.g. the desk recording a paper supplement). */
  staffPermission?: DossierAction;
  actorKinds: readonly EventActorKind[];
  /** The channel recorded with the event: always online, the dossier's own channel, or none (system). */
  channel: 'online' | 'dossier' | null;
};

/**
 * Which actor may perform which event, as data; the action pipeline reads nothing else. Complete for every event
 * type: a new event without a rule fails the type check.
 */
export const DOSSIER_EVENT_RULES: Record<TDossierEventType, EventRule> = {
  submitted: { permission: 'create', actorKinds: ['citizen'], channel: 'online' },
  registered: { permission: 'create', actorKinds: ['staff'], channel: 'dossier' },
  amended: { permission: 'amend', actorKinds: ['citizen'], channel: 'online' },
  withdrawn: { permission: 'amend', actorKinds: ['citizen'], channel: 'online' },
  // Online applicants answer online; counter and postal applicants complete it at the desk, which records it.
  supplement_submitted: {
    permission: 'amend',
    staffPermission: 'decide',
    actorKinds: ['citizen', 'staff'],
    channel: 'online',
  },
  received: { permission: 'decide', actorKinds: ['staff'], channel: 'dossier' },
  supplement_requested: {
    permission: 'decide',
    permissionIn: { in_processing: 'process' },
    actorKinds: ['staff'],
    channel: 'dossier',
  },
  refused: { permission: 'decide', actorKinds: ['staff'], channel: 'dossier' },
  handed_over: { permission: 'system', actorKinds: ['system'], channel: null },
  // Office actions: the step's holder (processing-policy.ts names who within the holding unit).
  assigned: { permission: 'process', actorKinds: ['staff'], channel: null },
  appraised: { permission: 'process', actorKinds: ['staff'], channel: null },
  forwarded: { permission: 'process', actorKinds: ['staff'], channel: null },
  extended: { permission: 'process', actorKinds: ['staff'], channel: null },
  result_issued: { permission: 'process', actorKinds: ['staff'], channel: null },
  // The desk hands it over, the applicant downloads an online result, or the post delivers it (postal module).
  result_returned: { permission: 'collect', actorKinds: ['staff', 'citizen', 'system'], channel: 'dossier' },
  stepped_back: { permission: 'process', actorKinds: ['staff'], channel: null },
  // The approver or leader of the agency with authority (the one that issued it) corrects its result.
  result_corrected: { permission: 'correct', actorKinds: ['staff'], channel: null },
  // The applicant asks online ("Hồ sơ của tôi") or the desk of the receiving agency records it.
  stopped: { permission: 'request_stop', actorKinds: ['citizen', 'staff'], channel: 'dossier' },
  transferred: { permission: 'decide', actorKinds: ['staff'], channel: 'dossier' },
  // Consultation (issue 14): the handler asks and proceeds; the consulted unit answers (consultation.service.ts
  // checks that the request is addressed to it); the warnings job flags an overdue one.
  consultation_sent: { permission: 'process', actorKinds: ['staff'], channel: null },
  consultation_answered: { permission: 'answer_consultation', actorKinds: ['staff'], channel: null },
  consultation_overdue: { permission: 'system', actorKinds: ['system'], channel: null },
  consultation_closed: { permission: 'process', actorKinds: ['staff'], channel: null },
  // Inter-agency (issue 14, 000 Đ8): the receiving desk dispatches; a partner agency returns its part
  // (interagency.service.ts checks that the task is its own); the warnings job flags a late partner.
  interagency_sent: { permission: 'decide', actorKinds: ['staff'], channel: null },
  interagency_done: { permission: 'answer_interagency', actorKinds: ['staff'], channel: null },
  interagency_overdue: { permission: 'system', actorKinds: ['system'], channel: null },
  // Cross-level (003 Đ13.7): the commune desk that received it forwards it to the province (interagency-level.ts).
  level_forwarded: { permission: 'decide', actorKinds: ['staff'], channel: null },
  // The desk certifies a printout or a scan of the result (ND 45/2020 Đ18; results module); the status stays.
  result_converted: { permission: 'process', actorKinds: ['staff'], channel: null },
};
