package cn.tongguan.reports;

import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.Ledger;
import cn.tongguan.reports.model.LedgerRow;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.TrendPoint;
import cn.tongguan.reports.model.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Report} as a workbook people can keep calculating with: one sheet per section, figures as
 * real numbers (rates as fractions with a percent format), frozen header rows, the worst three shaded, and
 * native Excel charts (see {@link XlsxCharts}) over the cells themselves.
 */
public final class XlsxReportWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public byte[] write(Report report) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            overview(wb, st, report);
            for (Ranking r : report.rankings()) {
                ranking(wb, st, r);
            }
            trend(wb, st, report.trend());
            classes(wb, st, report.classes());
            hotSpots(wb, st, report.hotSpots());
            ledger(wb, st, report.ledger());
            wb.getProperties().getCoreProperties().setTitle(report.title());
            wb.getProperties().getCoreProperties().setCreator(report.issuer());
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheet names may not exceed 31 characters nor contain []:*?/\ — ranking titles are free text. */
    static String sheetName(String title) {
        String s = title.replaceAll("[\\[\\]:*?/\\\\]", "");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    /** Title and subtitle rows above a table; returns the table's header row index. */
    private static int banner(XSSFSheet sh, XlsxStyles st, String title, String subtitle, int width) {
        Row r0 = sh.createRow(0);
        r0.setHeightInPoints(24);
        text(r0, 0, title, st.title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, width - 1)));
        text(sh.createRow(1), 0, subtitle, st.note);
        return 3;
    }

    private static void overview(XSSFWorkbook wb, XlsxStyles st, Report r) {
        XSSFSheet sh = wb.createSheet("总体情况");
        String u = r.kind().unit();
        int h = banner(sh, st, r.title(), r.issuer() + "　统计周期：" + r.periodLabel() + "　生成时间："
                + STAMP.format(r.generatedAt().atZone(ZoneId.of("Asia/Shanghai"))), 6);
        header(sh, st, h, "指标", "本" + u, "上" + u, "环比", "上年同" + u, "同比");
        int row = h + 1;
        for (Kpi k : r.kpis()) {
            Row x = sh.createRow(row++);
            text(x, 0, k.name(), st.text);
            CellStyle fmt = k.unit() == Unit.PERCENT ? st.percent : st.count;
            number(x, 1, k.current(), fmt);
            number(x, 2, k.previous(), fmt);
            change(x, 3, k, k.previous(), st);
            number(x, 4, k.lastYear(), fmt);
            change(x, 5, k, k.lastYear(), st);
        }
        int[] widths = {18, 12, 12, 14, 12, 14};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        sh.createFreezePane(0, h + 1);
        int notesRow = row + 1;
        for (String note : r.notes()) {
            text(sh.createRow(notesRow++), 0, note, st.note);
        }
    }

    /** Counts change relatively (a percent); rates in percentage points, as the PDF writes them. */
    private static void change(Row x, int col, Kpi k, Double base, XlsxStyles st) {
        if (k.current() == null || base == null || (k.unit() != Unit.PERCENT && base == 0)) {
            text(x, col, "—", st.text);
        } else if (k.unit() == Unit.PERCENT) {
            number(x, col, (k.current() - base) * 100, st.points);
        } else {
            number(x, col, (k.current() - base) / base, st.changePercent);
        }
    }

    private static void ranking(XSSFWorkbook wb, XlsxStyles st, Ranking r) {
        XSSFSheet sh = wb.createSheet(sheetName(r.title()));
        int n = r.columns().size();
        List<String> names = new ArrayList<>(List.of("排名", r.unitLabel()));
        r.columns().forEach(c -> names.add(c.name()));
        names.addAll(List.of("综合指标值", "等级", "后三位"));
        int h = banner(sh, st, r.title(), "按综合指标值排名；红色为后三位", names.size());
        header(sh, st, h, names.toArray(String[]::new));
        int row = h + 1;
        for (RankRow rr : r.rows()) {
            Row x = sh.createRow(row++);
            boolean w = rr.worst();
            number(x, 0, (double) rr.rank(), w ? st.worstCount : st.count);
            text(x, 1, rr.name(), w ? st.worstText : st.text);
            for (int i = 0; i < n; i++) {
                Unit unit = r.columns().get(i).unit();
                CellStyle fmt = unit == Unit.PERCENT ? (w ? st.worstPercent : st.percent)
                        : unit == Unit.SCORE ? (w ? st.worstScore : st.score) : (w ? st.worstCount : st.count);
                number(x, 2 + i, rr.values().get(i), fmt);
            }
            number(x, n + 2, rr.score(), w ? st.worstScore : st.score);
            text(x, n + 3, rr.grade().name(), w ? st.worstText : st.text);
            text(x, n + 4, w ? "是" : "", w ? st.worstText : st.text);
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 20 * 256);
        for (int i = 0; i < n + 3; i++) {
            sh.setColumnWidth(2 + i, 12 * 256);
        }
        sh.createFreezePane(2, h + 1);
        if (!r.rows().isEmpty()) {
            XlsxCharts.scoreBars(sh, r.title() + "（综合指标值）", h + 1, row - 1, 1, n + 2, row + 1, names.size());
        }
    }

    private static void trend(XSSFWorkbook wb, XlsxStyles st, List<TrendPoint> points) {
        XSSFSheet sh = wb.createSheet("案件趋势");
        int h = banner(sh, st, "每日受理与结案", "按案件上报日统计", 3);
        header(sh, st, h, "日期", "受理", "结案");
        int row = h + 1;
        for (TrendPoint p : points) {
            Row x = sh.createRow(row++);
            Cell c = x.createCell(0);
            c.setCellValue(p.day());
            c.setCellStyle(st.date);
            number(x, 1, (double) p.received(), st.count);
            number(x, 2, (double) p.closed(), st.count);
        }
        sh.setColumnWidth(0, 12 * 256);
        sh.setColumnWidth(1, 10 * 256);
        sh.setColumnWidth(2, 10 * 256);
        sh.createFreezePane(0, h + 1);
        if (!points.isEmpty()) {
            String[] labels = points.stream().map(p -> p.day().format(DateTimeFormatter.ofPattern("MM-dd"))).toArray(String[]::new);
            XlsxCharts.trendLines(sh, labels, h + 1, row - 1, 4, h);
        }
    }

    private static void classes(XSSFWorkbook wb, XlsxStyles st, List<ClassCount> classes) {
        XSSFSheet sh = wb.createSheet("高发问题");
        int h = banner(sh, st, "高发问题", "按案件数排序", 3);
        header(sh, st, h, "类别编码", "问题类别", "案件数");
        int row = h + 1;
        for (ClassCount c : classes) {
            Row x = sh.createRow(row++);
            text(x, 0, c.code(), st.text);
            text(x, 1, c.name(), st.text);
            number(x, 2, (double) c.count(), st.count);
        }
        sh.setColumnWidth(0, 12 * 256);
        sh.setColumnWidth(1, 22 * 256);
        sh.setColumnWidth(2, 10 * 256);
        sh.createFreezePane(0, h + 1);
        if (!classes.isEmpty()) {
            XlsxCharts.countBars(sh, "高发问题", h + 1, row - 1, 1, 2, 4, h);
        }
    }

    private static void hotSpots(XSSFWorkbook wb, XlsxStyles st, List<HotSpot> spots) {
        XSSFSheet sh = wb.createSheet("热点网格");
        int h = banner(sh, st, "热点网格", "案件最多的单元网格", 4);
        header(sh, st, h, "序号", "网格编码", "所在位置", "案件数");
        int row = h + 1;
        for (HotSpot s : spots) {
            Row x = sh.createRow(row);
            number(x, 0, (double) (row - h), st.count);
            text(x, 1, s.gridCode(), st.text);
            text(x, 2, s.place(), st.text);
            number(x, 3, (double) s.count(), st.count);
            row++;
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 20 * 256);
        sh.setColumnWidth(2, 30 * 256);
        sh.setColumnWidth(3, 10 * 256);
        sh.createFreezePane(0, h + 1);
    }

    private static void ledger(XSSFWorkbook wb, XlsxStyles st, Ledger l) {
        XSSFSheet sh = wb.createSheet("疑难案件台账");
        int h = banner(sh, st, "疑难案件台账", "台账共" + l.total() + "件，现场交办" + l.assignedOnSpot() + "件，已结案"
                + l.closed() + "件，超期" + l.overdue() + "件", 10);
        header(sh, st, h, "序号", "案件编号", "问题类别", "位置", "责任部门", "列入日期", "交办日期", "状态", "超期", "备注");
        int row = h + 1;
        for (LedgerRow r : l.rows()) {
            Row x = sh.createRow(row);
            boolean o = r.overdue();
            number(x, 0, (double) (row - h), o ? st.worstCount : st.count);
            text(x, 1, r.caseNo(), o ? st.worstText : st.text);
            text(x, 2, r.problem(), o ? st.worstText : st.text);
            text(x, 3, r.place(), o ? st.worstText : st.text);
            text(x, 4, r.department(), o ? st.worstText : st.text);
            date(x, 5, r.listed(), st);
            date(x, 6, r.assigned(), st);
            text(x, 7, r.state(), o ? st.worstText : st.text);
            text(x, 8, o ? "是" : "否", o ? st.worstText : st.text);
            text(x, 9, r.note(), st.text);
            row++;
        }
        int[] widths = {6, 20, 16, 26, 16, 12, 12, 10, 6, 30};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        sh.createFreezePane(2, h + 1);
        if (!l.rows().isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(h, row - 1, 0, widths.length - 1));
        }
    }

    private static void header(XSSFSheet sh, XlsxStyles st, int rowIndex, String... names) {
        Row r = sh.createRow(rowIndex);
        r.setHeightInPoints(20);
        for (int i = 0; i < names.length; i++) {
            text(r, i, names[i], st.header);
        }
    }

    private static void text(Row r, int col, String value, CellStyle style) {
        Cell c = r.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static void number(Row r, int col, Double value, CellStyle style) {
        Cell c = r.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static void date(Row r, int col, java.time.LocalDate d, XlsxStyles st) {
        Cell c = r.createCell(col);
        if (d != null) {
            c.setCellValue(d);
        }
        c.setCellStyle(st.date);
    }
}
