package cn.tongguan.reports;

import cn.tongguan.reports.model.Report;

/**
 * The module's entry point: one report model in, the PDF and XLSX files out. Rendering is serialised because the
 * shared PDF fonts record the glyphs of the document being written (see {@link PdfReportWriter}).
 */
public final class ReportRenderer {
    private final PdfReportWriter pdf;
    private final XlsxReportWriter xlsx;

    public ReportRenderer(ReportFonts fonts) {
        this.pdf = new PdfReportWriter(fonts);
        this.xlsx = new XlsxReportWriter();
    }

    /** The two files of one report. */
    public record Files(byte[] pdf, byte[] xlsx) {
    }

    public synchronized byte[] pdf(Report report) {
        return pdf.write(report);
    }

    public byte[] xlsx(Report report) {
        return xlsx.write(report);
    }

    public Files render(Report report) {
        return new Files(pdf(report), xlsx(report));
    }
}
