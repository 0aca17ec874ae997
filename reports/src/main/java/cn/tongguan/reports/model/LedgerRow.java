package cn.tongguan.reports.model;

import java.time.LocalDate;

/**
 * One difficult case of the ledger (疑难案件台账): case number, problem, place, department, when it was listed
 * and assigned on the spot (null = not yet), its state in Chinese, whether it is past its deadline, and the note.
 */
public record LedgerRow(String caseNo, String problem, String place, String department, LocalDate listed,
                        LocalDate assigned, String state, boolean overdue, String note) {
}
