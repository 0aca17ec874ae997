package cn.tongguan.reports;

import cn.tongguan.reports.model.Column;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.LedgerRow;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.Unit;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Report} out as an A4 notice in the style of a city's official monthly assessment: a red head with
 * the issuing office, the title, the period, then numbered sections (总体情况, rankings with the worst three
 * marked, trend, high-incidence classes and hot spots, the difficult-case ledger, notes) and the office's
 * signature. Not thread-safe: the shared fonts record which glyphs each document uses while it is written.
 */
public final class PdfReportWriter {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter SIGN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** The text width of an A4 page at these margins, in points: charts are drawn at this size. */
    private static final int CHART_WIDTH = 483;

    /** Below this much room (points) a new section starts on the next page, so no heading is left alone. */
    private static final float MIN_SECTION_SPACE = 170;

    private final PdfKit kit;
    private final Charts charts;

    public PdfReportWriter(ReportFonts fonts) {
        this.kit = new PdfKit(fonts);
        this.charts = new Charts(fonts);
    }

    public byte[] write(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfWriter writer;
        Document doc = new Document(PageSize.A4, 56, 56, 54, 54);
        try {
            writer = PdfWriter.getInstance(doc, out);
            writer.setStrictImageSequence(true); // a chart that must move to the next page takes what follows with it
            writer.setPageEvent(new Folio(report.title(), kit.small));
            doc.addTitle(report.title());
            doc.addAuthor(report.issuer());
            doc.addCreator("Tongguan 统管");
            doc.addSubject(report.kind().chinese() + " " + report.periodLabel());
            doc.open();
            head(doc, report);
            int n = 1;
            section(doc, writer, n++, "总体情况");
            doc.add(kit.text(narrative(report)));
            doc.add(kpiTable(report));
            for (Ranking r : report.rankings()) {
                section(doc, writer, n++, r.title());
                doc.add(kit.text(rankingNarrative(r)));
                doc.add(rankingTable(r));
                if (!r.rows().isEmpty()) {
                    int height = Charts.rankingHeight(r.rows().size());
                    doc.add(image(charts.ranking(r, CHART_WIDTH, height), height));
                }
            }
            if (report.trend().size() > 1) { // a day's report has one point: no line to draw
                section(doc, writer, n++, "案件趋势");
                doc.add(image(charts.trend(report.trend(), CHART_WIDTH, 220), 220));
            }
            if (!report.classes().isEmpty() || !report.hotSpots().isEmpty()) {
                section(doc, writer, n++, "高发问题与热点网格");
                if (!report.classes().isEmpty()) {
                    int height = 18 * report.classes().size() + 70;
                    doc.add(image(charts.classes(report.classes(), CHART_WIDTH, height), height));
                }
                if (!report.hotSpots().isEmpty()) {
                    doc.add(hotSpotTable(report.hotSpots()));
                }
            }
            section(doc, writer, n++, "疑难案件台账");
            doc.add(kit.text(ledgerNarrative(report)));
            if (!report.ledger().rows().isEmpty()) {
                doc.add(ledgerTable(report.ledger().rows()));
            }
            if (!report.notes().isEmpty()) {
                section(doc, writer, n, "说明");
                for (String note : report.notes()) {
                    doc.add(kit.text(note));
                }
            }
            signature(doc, report);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out report " + report.title(), e);
        }
        return out.toByteArray();
    }

    /** A section heading, on a new page when too little of this one is left for it and what follows. */
    private void section(Document doc, PdfWriter writer, int n, String title) throws DocumentException {
        if (writer.getVerticalPosition(true) - doc.bottom() < MIN_SECTION_SPACE) {
            doc.newPage();
        }
        doc.add(kit.section(n, title));
    }

    private void head(Document doc, Report report) throws DocumentException {
        Paragraph issuer = new Paragraph(report.issuer(), kit.redHead);
        issuer.setAlignment(Element.ALIGN_CENTER);
        issuer.setSpacingAfter(6);
        doc.add(issuer);
        Paragraph kind = new Paragraph(report.kind().chinese() + "　·　" + report.periodLabel(),
                new Font(kit.subtitle.getBaseFont(), 11, Font.NORMAL, Charts.RED));
        kind.setAlignment(Element.ALIGN_CENTER);
        doc.add(kind);
        // The red head's double rule: a heavy line over a thin one, each in its own paragraph so they stack.
        Paragraph heavy = new Paragraph(new Chunk(new LineSeparator(2.4f, 100, Charts.RED, Element.ALIGN_CENTER, -8)));
        Paragraph thin = new Paragraph(new Chunk(new LineSeparator(0.7f, 100, Charts.RED, Element.ALIGN_CENTER, 0)));
        thin.setLeading(4);
        doc.add(heavy);
        doc.add(thin);
        Paragraph title = new Paragraph(report.title(), kit.title);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(22);
        title.setSpacingAfter(4);
        doc.add(title);
        Paragraph stamp = new Paragraph("统计周期：" + report.periodLabel() + "　　生成时间："
                + STAMP.format(report.generatedAt().atZone(CHINA)), kit.subtitle);
        stamp.setAlignment(Element.ALIGN_CENTER);
        stamp.setSpacingAfter(8);
        doc.add(stamp);
    }

    private static String narrative(Report r) {
        String unit = r.kind().unit();
        List<String> parts = new ArrayList<>();
        for (Kpi k : r.kpis()) {
            String s = k.name() + Formats.value(k.current(), k.unit()) + (k.unit() == Unit.COUNT ? "件" : "");
            String prev = Formats.change(k, k.previous());
            if (!"—".equals(prev)) {
                s += "（较上" + unit + prev + "）";
            }
            parts.add(s);
        }
        return r.periodLabel() + "，全市" + String.join("，", parts) + "。";
    }

    private PdfPTable kpiTable(Report r) {
        String unit = r.kind().unit();
        PdfPTable t = kit.table(2.2f, 1.4f, 1.4f, 1.5f, 1.4f, 1.5f);
        kit.header(t, "指标", "本" + unit, "上" + unit, "环比", "上年同" + unit, "同比");
        int i = 0;
        for (Kpi k : r.kpis()) {
            Color fill = i++ % 2 == 1 ? PdfKit.ZEBRA : null;
            t.addCell(kit.cell(k.name(), kit.td, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(Formats.value(k.current(), k.unit()), kit.tdBold, Element.ALIGN_RIGHT, fill));
            t.addCell(kit.cell(Formats.value(k.previous(), k.unit()), kit.td, Element.ALIGN_RIGHT, fill));
            t.addCell(kit.cell(Formats.change(k, k.previous()), changeFont(Formats.better(k, k.previous())), Element.ALIGN_RIGHT, fill));
            t.addCell(kit.cell(Formats.value(k.lastYear(), k.unit()), kit.td, Element.ALIGN_RIGHT, fill));
            t.addCell(kit.cell(Formats.change(k, k.lastYear()), changeFont(Formats.better(k, k.lastYear())), Element.ALIGN_RIGHT, fill));
        }
        return t;
    }

    private Font changeFont(Boolean better) {
        return better == null ? kit.td : better ? kit.tdGreen : kit.tdRed;
    }

    private static String rankingNarrative(Ranking r) {
        if (r.rows().isEmpty()) {
            return "本期无数据。";
        }
        RankRow best = r.rows().get(0);
        long firsts = r.rows().stream().filter(x -> x.rank() == 1).count();
        String s = "按综合指标值排名，" + best.name() + (firsts > 1 ? "等" + firsts + "个单位以" : "以")
                + Formats.value(best.score(), Unit.SCORE) + (firsts > 1 ? "分并列第一" : "分位列第一");
        List<RankRow> worst = r.worst();
        if (!worst.isEmpty()) {
            s += "；" + String.join("、", worst.stream().map(RankRow::name).toList()) + "位列" + lastPlaces(worst.size())
                    + "（表中红色标注），请相关单位认真分析原因、限期整改";
        }
        return s + "。";
    }

    /** 后三位, 后两位, 末位: how a bulletin names the bottom of a table. */
    static String lastPlaces(int n) {
        if (n == 1) {
            return "末位";
        }
        return "后" + (n == 2 ? "两" : PdfKit.NUMERALS[Math.min(n, PdfKit.NUMERALS.length) - 1]) + "位";
    }

    private PdfPTable rankingTable(Ranking r) {
        int n = r.columns().size();
        float[] widths = new float[n + 5];
        widths[0] = 0.6f;
        widths[1] = 2.1f;
        for (int i = 0; i < n; i++) {
            widths[2 + i] = 1.05f;
        }
        widths[n + 2] = 1.1f;
        widths[n + 3] = 0.6f;
        widths[n + 4] = 0.8f;
        PdfPTable t = kit.table(widths);
        List<String> names = new ArrayList<>(List.of("排名", r.unitLabel()));
        r.columns().forEach(c -> names.add(c.name()));
        names.addAll(List.of("综合指标值", "等级", "备注"));
        kit.header(t, names.toArray(String[]::new));
        for (RankRow row : r.rows()) {
            Color fill = row.worst() ? PdfKit.WORST_FILL : row.rank() % 2 == 0 ? PdfKit.ZEBRA : null;
            Font f = row.worst() ? kit.tdRed : kit.td;
            t.addCell(kit.cell(String.valueOf(row.rank()), f, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(row.name(), f, Element.ALIGN_LEFT, fill));
            for (int i = 0; i < n; i++) {
                Column c = r.columns().get(i);
                t.addCell(kit.cell(Formats.value(row.values().get(i), c.unit()), f, Element.ALIGN_RIGHT, fill));
            }
            t.addCell(kit.cell(Formats.value(row.score(), Unit.SCORE), row.worst() ? kit.tdRed : kit.tdBold,
                    Element.ALIGN_RIGHT, fill));
            t.addCell(kit.cell(row.grade().name(), f, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(row.worst() ? "▲" + lastPlaces(r.worst().size()) : "", f, Element.ALIGN_CENTER, fill));
        }
        return t;
    }

    private PdfPTable hotSpotTable(List<HotSpot> spots) {
        PdfPTable t = kit.table(0.6f, 2.2f, 4f, 1.2f);
        kit.header(t, "序号", "网格编码", "所在位置", "案件数");
        int i = 1;
        for (HotSpot h : spots) {
            Color fill = i % 2 == 0 ? PdfKit.ZEBRA : null;
            t.addCell(kit.cell(String.valueOf(i++), kit.td, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(h.gridCode(), kit.td, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(h.place(), kit.td, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(Formats.value((double) h.count(), Unit.COUNT), kit.td, Element.ALIGN_RIGHT, fill));
        }
        return t;
    }

    private static String ledgerNarrative(Report r) {
        var l = r.ledger();
        return "截至本期末，疑难案件台账共" + l.total() + "件，其中联席会议现场交办" + l.assignedOnSpot() + "件，已结案"
                + l.closed() + "件，超期未结" + l.overdue() + "件。" + (l.overdue() > 0 ? "超期案件请责任单位抓紧办理。" : "");
    }

    private PdfPTable ledgerTable(List<LedgerRow> rows) {
        PdfPTable t = kit.table(0.5f, 1.6f, 1.45f, 1.85f, 1.8f, 1.3f, 1.3f, 1.25f);
        kit.header(t, "序号", "案件编号", "问题类别", "位置", "责任部门", "列入日期", "交办日期", "状态");
        int i = 1;
        for (LedgerRow row : rows) {
            Color fill = row.overdue() ? PdfKit.WORST_FILL : i % 2 == 0 ? PdfKit.ZEBRA : null;
            Font f = row.overdue() ? kit.tdRed : kit.td;
            t.addCell(kit.cell(String.valueOf(i++), f, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(row.caseNo(), f, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(row.problem(), f, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(row.place(), f, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(row.department(), f, Element.ALIGN_LEFT, fill));
            t.addCell(kit.cell(row.listed() == null ? "—" : DATE.format(row.listed()), f, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(row.assigned() == null ? "—" : DATE.format(row.assigned()), f, Element.ALIGN_CENTER, fill));
            t.addCell(kit.cell(row.state() + (row.overdue() ? "·超期" : ""), f, Element.ALIGN_CENTER, fill));
        }
        return t;
    }

    private void signature(Document doc, Report r) throws DocumentException {
        Paragraph office = new Paragraph(r.issuer(), kit.body);
        office.setAlignment(Element.ALIGN_RIGHT);
        office.setSpacingBefore(24);
        doc.add(office);
        Paragraph date = new Paragraph(SIGN_DATE.format(r.generatedAt().atZone(CHINA)), kit.body);
        date.setAlignment(Element.ALIGN_RIGHT);
        doc.add(date);
    }

    private static Image image(byte[] png, float height) {
        try {
            Image img = Image.getInstance(png);
            img.scaleToFit(CHART_WIDTH, height);
            img.setAlignment(Image.MIDDLE);
            img.setSpacingAfter(6);
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page furniture: the title in small type from the second page on, and the folio "— n —" at the foot. */
    private static final class Folio extends PdfPageEventHelper {
        private final String title;
        private final Font font;

        Folio(String title, Font font) {
            this.title = title;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var cb = writer.getDirectContent();
            float mid = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase("— " + writer.getPageNumber() + " —", font),
                    mid, document.bottom() - 24, 0);
            if (writer.getPageNumber() > 1) {
                ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(title, font), document.right(),
                        document.top() + 14, 0);
                cb.setColorStroke(PdfKit.GRID);
                cb.setLineWidth(0.5f);
                cb.moveTo(document.left(), document.top() + 10);
                cb.lineTo(document.right(), document.top() + 10);
                cb.stroke();
            }
        }
    }
}
