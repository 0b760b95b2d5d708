import type { TReportCounts, TServiceIndex } from '@motcua/contracts';

/**
 * QĐ 766/QĐ-TTg (2022), Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp: five
 * groups, 100 points — transparency 18, progress of resolution 20, online service and payment 22, digitisation 22,
 * satisfaction 18. Pure: counts in, indicators out. Each indicator's score is points × rate (rate capped at 1); an
 * indicator the system cannot know (data only the national portal or another module has) is `null`, never invented,
 * and the score is reported over the points that are known.
 */
type Indicator = TServiceIndex['indicators'][number];
export type IndexInputs = {
  counts: TReportCounts;
  /** submitted per channel in the period */
  onlineSubmitted: number;
  /** procedures of the scope's agencies offered fully online / all of them */
  fullOnlineProcedures: number;
  procedures: number;
  satisfaction: { satisfied: number; rated: number } | null;
  /** dossiers with a fee paid in the period / those paid online (payments module's records) */
  payments: { paid: number; online: number };
  /** dossiers given a signed electronic result in the period (results module's records) */
  electronicResults: number;
};

const rate = (n: number, d: number) => (d > 0 ? Math.min(1, n / d) : null);
const round = (x: number) => Math.round(x * 100) / 100;

function known(
  base: Omit<Indicator, 'score' | 'numerator' | 'denominator' | 'unknownReason' | 'gain'>,
  numerator: number,
  denominator: number,
): Indicator {
  const r = rate(numerator, denominator);
  // With nothing to count (denominator 0) the indicator is met: nothing was late, nothing was refused online.
  const score = round(base.points * (r ?? 1));
  return { ...base, score, numerator, denominator, unknownReason: null, gain: round(base.points - score) };
}

function unknown(
  base: Omit<Indicator, 'score' | 'numerator' | 'denominator' | 'unknownReason' | 'gain'>,
  why: string,
) {
  return {
    ...base,
    score: null,
    numerator: null,
    denominator: null,
    unknownReason: why,
    gain: 0,
  } as Indicator;
}

export function serviceIndicators(x: IndexInputs): Indicator[] {
  const c = x.counts;
  const resolved = c.resolved_early + c.resolved_on_time + c.resolved_late;
  const late = c.resolved_late + c.in_progress_late;
  return [
    // Group 1 — transparency (18)
    unknown(
      {
        key: 't1',
        group: 'transparency',
        name: 'Công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia',
        points: 6,
        formula: 'TTHC công khai đúng hạn / TTHC phải công khai (dữ liệu của Cổng DVC quốc gia)',
        links: [],
      },
      'Cổng Dịch vụ công quốc gia giữ số liệu này',
    ),
    // t2 = received with a dossier code / received: every accepted dossier gets its code and public lookup here.
    known(
      {
        key: 't2',
        group: 'transparency',
        name: 'Hồ sơ được cấp mã và tra cứu được tiến độ',
        points: 6,
        formula: 'hồ sơ tiếp nhận có mã hồ sơ / hồ sơ tiếp nhận',
        links: [{ label: 'Tiếp nhận', measure: 'received' }],
      },
      c.received,
      c.received,
    ),
    unknown(
      {
        key: 't3',
        group: 'transparency',
        name: 'Đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia',
        points: 6,
        formula: 'hồ sơ đồng bộ đầy đủ / hồ sơ phát sinh (đối soát của Cổng DVC quốc gia)',
        links: [],
      },
      'Cần số liệu đối soát của Cổng Dịch vụ công quốc gia',
    ),
    // Group 2 — progress of resolution (20)
    // p1 = (early + on time) / resolved in the period
    known(
      {
        key: 'p1',
        group: 'progress',
        name: 'Hồ sơ giải quyết trước hạn và đúng hạn',
        points: 10,
        formula: '(giải quyết trước hạn + đúng hạn) / đã giải quyết',
        links: [
          { label: 'Trước hạn', measure: 'resolved_early' },
          { label: 'Đúng hạn', measure: 'resolved_on_time' },
          { label: 'Quá hạn', measure: 'resolved_late' },
        ],
      },
      c.resolved_early + c.resolved_on_time,
      resolved,
    ),
    // p2 = (in progress − in progress late) / in progress, at the period's end
    known(
      {
        key: 'p2',
        group: 'progress',
        name: 'Hồ sơ đang giải quyết còn trong hạn',
        points: 5,
        formula: '(đang giải quyết − đang giải quyết quá hạn) / đang giải quyết',
        links: [
          { label: 'Đang giải quyết', measure: 'in_progress' },
          { label: 'Quá hạn', measure: 'in_progress_late' },
        ],
      },
      c.in_progress - c.in_progress_late,
      c.in_progress,
    ),
    // p3 = apology letters (extended, Mẫu 04) / late dossiers (resolved late + in progress late)
    known(
      {
        key: 'p3',
        group: 'progress',
        name: 'Hồ sơ quá hạn có văn bản xin lỗi',
        points: 5,
        formula: 'văn bản xin lỗi, gia hạn / (giải quyết quá hạn + đang quá hạn)',
        links: [
          { label: 'Xin lỗi, gia hạn', measure: 'extended' },
          { label: 'Giải quyết quá hạn', measure: 'resolved_late' },
          { label: 'Đang quá hạn', measure: 'in_progress_late' },
        ],
      },
      c.extended,
      late,
    ),
    // Group 3 — online service and online payment (22)
    // o1 = online submissions / submissions
    known(
      {
        key: 'o1',
        group: 'online',
        name: 'Hồ sơ nộp trực tuyến',
        points: 8,
        formula: 'hồ sơ nộp trực tuyến / hồ sơ nộp',
        links: [
          { label: 'Trực tuyến', measure: 'submitted', channel: 'online' },
          { label: 'Tất cả', measure: 'submitted' },
        ],
      },
      x.onlineSubmitted,
      c.submitted,
    ),
    // o2 = procedures offered fully online / procedures (catalogue, service_level = full_online)
    known(
      {
        key: 'o2',
        group: 'online',
        name: 'Thủ tục cung cấp dịch vụ công trực tuyến toàn trình',
        points: 6,
        formula: 'TTHC toàn trình / TTHC của cơ quan',
        links: [],
      },
      x.fullOnlineProcedures,
      x.procedures,
    ),
    // o3 = dossiers whose fee was paid online in the period / dossiers with a fee paid in the period (any channel)
    known(
      {
        key: 'o3',
        group: 'online',
        name: 'Thanh toán trực tuyến phí, lệ phí',
        points: 8,
        formula: 'hồ sơ thanh toán trực tuyến / hồ sơ có phí, lệ phí đã nộp trong kỳ',
        links: [
          { label: 'Thanh toán trực tuyến', measure: 'fee_paid_online' },
          { label: 'Đã nộp phí, lệ phí', measure: 'fee_paid' },
        ],
      },
      x.payments.online,
      x.payments.paid,
    ),
    // Group 4 — digitisation (22)
    unknown(
      {
        key: 'd1',
        group: 'digitisation',
        name: 'Số hóa hồ sơ khi tiếp nhận',
        points: 11,
        formula: 'hồ sơ có thành phần được số hóa / hồ sơ tiếp nhận',
        links: [],
      },
      'Hệ thống chưa ghi nhận việc số hóa thành phần hồ sơ giấy',
    ),
    // d2 = dossiers given a signed electronic result in the period / dossiers resolved in the period (capped at 1)
    known(
      {
        key: 'd2',
        group: 'digitisation',
        name: 'Cấp kết quả giải quyết điện tử',
        points: 11,
        formula: 'hồ sơ có kết quả điện tử ký số trong kỳ / hồ sơ đã giải quyết trong kỳ',
        links: [
          { label: 'Có kết quả điện tử', measure: 'electronic_result' },
          { label: 'Trước hạn', measure: 'resolved_early' },
          { label: 'Đúng hạn', measure: 'resolved_on_time' },
          { label: 'Quá hạn', measure: 'resolved_late' },
        ],
      },
      x.electronicResults,
      c.resolved_early + c.resolved_on_time + c.resolved_late,
    ),
    // Group 5 — satisfaction (18): the feedback module's counts through the satisfaction port.
    x.satisfaction && x.satisfaction.rated > 0
      ? known(
          {
            key: 's1',
            group: 'satisfaction',
            name: 'Mức độ hài lòng của người dân, doanh nghiệp',
            points: 18,
            formula: 'đánh giá hài lòng / lượt đánh giá',
            links: [
              { label: 'Hài lòng', measure: 'rated_satisfied' },
              { label: 'Lượt đánh giá', measure: 'rated' },
            ],
          },
          x.satisfaction.satisfied,
          x.satisfaction.rated,
        )
      : unknown(
          {
            key: 's1',
            group: 'satisfaction',
            name: 'Mức độ hài lòng của người dân, doanh nghiệp',
            points: 18,
            formula: 'đánh giá hài lòng / lượt đánh giá',
            links: [],
          },
          'Chưa có lượt đánh giá nào trong kỳ (TT 01/2018)',
        ),
  ];
}

export const GROUPS = ['transparency', 'progress', 'online', 'digitisation', 'satisfaction'] as const;

export function summarise(indicators: Indicator[]) {
  const score = round(indicators.reduce((s, i) => s + (i.score ?? 0), 0));
  const knownPoints = indicators.filter((i) => i.score !== null).reduce((s, i) => s + i.points, 0);
  const groups = GROUPS.map((group) => {
    const mine = indicators.filter((i) => i.group === group);
    const k = mine.filter((i) => i.score !== null);
    return {
      group,
      points: mine.reduce((s, i) => s + i.points, 0),
      score: k.length ? round(k.reduce((s, i) => s + i.score!, 0)) : null,
    };
  });
  return { score, knownPoints, groups };
}
