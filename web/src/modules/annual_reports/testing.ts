import type { AnnualReport, AnnualReportItem, AnnualReportSummary } from './types'

/** An item as the server answers it; `over` replaces any field. */
export function annualItem(code: string, over: Partial<AnnualReportItem> = {}): AnnualReportItem {
  return {
    code,
    name: `指标${code}`,
    nameEn: `Indicator ${code}`,
    unit: '个',
    kind: 'COUNT',
    section: code.startsWith('SV')
      ? 'SUPERVISION'
      : code.startsWith('O')
        ? 'ORGANISATION'
        : 'ENTERPRISES',
    additive: true,
    systemValue: 10,
    manualValue: null,
    value: over.manualValue ?? over.systemValue ?? 10,
    childrenSum: 0,
    check: 'PASSED',
    difference: 10,
    note: '',
    ...over,
  }
}

/** A draft report of 玄武区总工会 for 2026 with O01, E01 (stock, not additive) and SV03 (children: 12). */
export function annualReport(over: Partial<AnnualReport> = {}): AnnualReport {
  return {
    id: 7,
    organisationId: 4,
    organisationName: '玄武区总工会',
    organisationLevel: 3,
    year: 2026,
    status: 'DRAFT',
    periodFrom: '2025-10',
    periodTo: '2026-09',
    checkNote: '',
    returnComment: '',
    createdAt: 1_790_000_000_000,
    updatedAt: 1_790_000_000_000,
    refreshedAt: 1_790_000_000_000,
    submittedAt: null,
    submittedBy: '',
    approvedAt: null,
    approvedBy: '',
    actions: { edit: true, review: false },
    items: [
      annualItem('O01', { systemValue: 3, value: 3, childrenSum: 2 }),
      annualItem('E01', {
        kind: 'STOCK',
        additive: false,
        childrenSum: null,
        check: null,
        difference: null,
      }),
      annualItem('SV03', { systemValue: 20, value: 20, childrenSum: 12, note: '含园区' }),
    ],
    failedChecks: 0,
    children: { total: 3, reported: 2 },
    events: [
      {
        event: 'CREATE',
        fromStatus: '',
        toStatus: 'DRAFT',
        comment: '',
        actor: '张伟',
        createdAt: 1_790_000_000_000,
      },
    ],
    ...over,
  }
}

/** The list's view of a report: the summary fields only. */
export function annualSummary(report: AnnualReport): AnnualReportSummary {
  const summary: Partial<AnnualReport> = { ...report }
  delete summary.items
  delete summary.events
  delete summary.failedChecks
  delete summary.children
  return summary as AnnualReportSummary
}
