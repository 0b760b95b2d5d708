import type { TProcessingTime } from '@motcua/contracts';
/**
 * Inputs of the official forms. Everything the form prints is here, already decided by the caller (the intake module
 * fills them from a dossier); the renderer only lays out. Dates are instants and print in Vietnamese time.
 */
import type { TemplateSetId } from './templates';

/** The issuing block in the top-left corner: governing body, agency, and the one-stop desk that issues the form. */
export type IssuingUnit = {
  /** TÊN CƠ QUAN CHỦ QUẢN, e.g. "UBND TỈNH AN HÒA"; omitted for a top-level agency. */
  parentAgency?: string;
  /** The agency (cơ quan chủ trì), e.g. "Sở Tư pháp". */
  agency: string;
  /** The one-stop desk, e.g. "Bộ phận Một cửa – Trung tâm Phục vụ hành chính công tỉnh". */
  desk: string;
  /** Place name on the date line, e.g. "An Hòa". */
  place: string;
};

export type Applicant = {
  /** Person or organisation name. */
  name: string;
  /** Số định danh cá nhân of a person, or mã số doanh nghiệp / mã số thuế of an organisation. */
  idNumber?: string;
  /** Who applies; when absent, read from the shape of `idNumber` (12 digits: a person). */
  kind?: 'person' | 'organisation';
  address?: string;
  phone?: string;
  email?: string;
};

/** Hình thức of a received paper: original, certified copy, or plain copy (TT 01/2018 Mẫu 01). */
export type CopyKind = 'original' | 'certified_copy' | 'photocopy';

export type ReceivedComponent = { name: string; copies: number; kind: CopyKind };

/** The one processing-time type (contracts/src/catalogue.ts), printed by `processingTimeLabel`. */
export type ProcessingTime = TProcessingTime;

export type ReturnChannel = 'counter' | 'post' | 'online';

export type Officer = { name: string; title?: string; phone?: string };

export type ReceiptData = {
  issuer: IssuingUnit;
  /** "Số: …" of the receipt if the agency numbers them. */
  documentNumber?: string;
  dossierCode: string;
  /** The lookup PIN printed beside the code: with it the public lookup shows the masked name (ADR 0014). */
  lookupPin: string;
  /** Public lookup URL the QR code encodes, with the PIN: https://dichvucong.example/tra-cuu/<code>?pin=<pin> */
  lookupUrl: string;
  applicant: Applicant;
  /** Nội dung yêu cầu giải quyết: the procedure name. */
  procedureName: string;
  components: ReceivedComponent[];
  /** Số lượng hồ sơ (bộ). */
  sets: number;
  processingTime: ProcessingTime;
  receivedAt: Date;
  appointmentAt: Date;
  returnPlace: string;
  returnChannel: ReturnChannel;
  /** Fee and charge in đồng; 0 prints "Không thu phí". */
  fee: number;
  register: { book: string; entry: number | string };
  receivingOfficer: Officer;
};

export type SupplementItem = {
  /** The component concerned (missing, or present but defective). */
  component: string;
  reason: string;
  /** What the applicant must do to complete it. */
  guidance: string;
};

export type SupplementRequestData = {
  issuer: IssuingUnit;
  documentNumber?: string;
  dossierCode?: string;
  applicant: Applicant;
  procedureName: string;
  /** Every missing or defective component, all at once (the request must be complete). */
  items: SupplementItem[];
  officer: Officer;
  /** Contact for questions while completing the dossier; defaults to the officer. */
  contact?: { name: string; phone?: string };
  /**
   * During processing (003 Đ13.4): the handler who asks, in the agency with authority; the desk sends the form on and
   * the processing time restarts from zero once the complete supplement arrives. Absent at reception.
   */
  duringProcessing?: { handler: string; agency: string };
  issuedAt: Date;
};

export type RefusalData = {
  issuer: IssuingUnit;
  documentNumber?: string;
  dossierCode?: string;
  applicant: Applicant;
  procedureName: string;
  /** "Căn cứ quy định tại …" — the legal basis of the refusal. */
  legalBasis?: string;
  reason: string;
  /** When the dossier is outside this agency's competence: the agency that is competent. */
  competentAgency?: string;
  officer: Officer;
  issuedAt: Date;
};

export type ApologyData = {
  issuer: IssuingUnit;
  documentNumber?: string;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date;
  reason: string;
  newAppointmentAt: Date;
  /** The head of the agency who signs the apology. */
  signer: Officer;
  issuedAt: Date;
};

/** TT 03/2025 only: the applicant asked to stop (withdraw) a dossier already received. */
export type StopProcessingData = {
  issuer: IssuingUnit;
  documentNumber?: string;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: Date;
  /** When the applicant's request to stop reached the agency. */
  requestedAt: Date;
  reason?: string;
  officer: Officer;
  issuedAt: Date;
};

/** "trước hạn / đúng hạn / quá hạn" of a handoff against the due time of the step it ends. */
export type Timeliness = 'early' | 'on_time' | 'late';

/** One handoff of the control slip: who gave, who took, when, what was done; signatures are by hand. */
export type ControlSlipRow = {
  giver: { unit: string; person: string | null };
  receiver: { unit: string; person: string | null };
  at: Date;
  result: string;
  grade: Timeliness | null;
};

/** Mẫu 05 (TT 01/2018) / Mẫu 06 (TT 03/2025): the dossier's trail, from its append-only event log. */
export type ControlSlipData = {
  issuer: IssuingUnit;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date | null;
  rows: ControlSlipRow[];
  issuedAt: Date;
};

/** One dossier in the register (Sổ theo dõi hồ sơ). */
export type RegisterRow = {
  code: string;
  procedureName: string;
  sets: number;
  applicant: string;
  /** Address and phone of the applicant. */
  contact: string;
  /** Cơ quan chủ trì giải quyết. */
  authority: string;
  receivedAt: Date;
  appointmentAt: Date | null;
  /** Chuyển hồ sơ đến cơ quan giải quyết. */
  handedOverAt: Date | null;
  /** The result came back to the desk, or a supplement was asked during processing: the earlier of the two. */
  outcome: { at: Date; kind: 'result' | 'supplement' } | null;
  returnedAt: Date | null;
  note: string;
};

/** Mẫu 06 (TT 01/2018) / Mẫu 07 (TT 03/2025): the desk's register for a period. */
export type RegisterData = {
  issuer: IssuingUnit;
  /** First and last day of the period. */
  from: Date;
  to: Date;
  rows: RegisterRow[];
  issuedAt: Date;
};

/**
 * A result document generated from the procedure's template when the office uploads none (issue 12): the agency's
 * heading, number and date, the decision, and a QR to the public page that confirms it. Not signed (a later issue).
 */
export type ResultDocumentData = {
  issuer: IssuingUnit;
  documentNumber: string;
  /** The procedure's result, e.g. "Giấy phép thiết lập trang thông tin điện tử tổng hợp"; absent: a generic title. */
  resultName?: string;
  kind: 'granted' | 'refused';
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: Date;
  /** The decision text (what is granted, or why it is refused). */
  summary: string;
  /** Public URL the QR encodes, where anyone holding the document can confirm it. */
  verifyUrl: string;
  signer: Officer;
  /** Signed digitally when issued (issue 15): the signature block says so instead of leaving room for ink. */
  signed?: boolean;
  /** A correction (003 Đ15): why this result replaces the one issued before. */
  correctionReason?: string;
  issuedAt: Date;
};

export type FormData = {
  receipt: ReceiptData;
  supplement_request: SupplementRequestData;
  refusal: RefusalData;
  apology: ApologyData;
  stop_processing: StopProcessingData;
  process_control: ControlSlipData;
  register: RegisterData;
};
export type RenderableForm = keyof FormData;
export type RenderOptions = { set: TemplateSetId };
