package cn.tongguan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Report;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample monthly assessment and reads the files back with other tools: POI parses the workbook,
 * PDFBox extracts the PDF's text, and poppler's pdftoppm rasterises its first page (left in
 * {@code target/reports/} to be looked at).
 */
class ReportRendererTest {
    private static final Path OUT = Path.of("target", "reports");
    private static Report report;
    private static byte[] pdf;
    private static byte[] xlsx;

    @BeforeAll
    static void render() throws Exception {
        report = SampleReports.monthly();
        ReportRenderer renderer = new ReportRenderer(ReportFonts.system());
        pdf = renderer.pdf(report);
        xlsx = renderer.xlsx(report);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("report-monthly.pdf"), pdf);
        Files.write(OUT.resolve("report-monthly.xlsx"), xlsx);
    }

    @Test
    void workbookHasASheetPerSectionWithRankedNumbersAndPercentFormats() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("总体情况", "专业部门综合评价排名", "城区综合评价排名", "街道综合评价排名", "案件趋势",
                    "高发问题", "热点网格", "疑难案件台账");

            XSSFSheet depts = wb.getSheet("专业部门综合评价排名");
            assertThat(depts.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 4);
            assertThat(depts.getRow(3).getCell(1).getStringCellValue()).isEqualTo("部门");
            Ranking ranking = report.rankings().get(0);
            for (RankRow expected : ranking.rows()) {
                Row row = depts.getRow(3 + expected.rank());
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(expected.rank());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.name());
                Cell rate = row.getCell(3);
                assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(rate.getNumericCellValue()).isEqualTo(expected.values().get(1));
                assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(expected.score());
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(expected.grade().name());
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(expected.worst() ? "是" : "");
            }
            // Scores fall down the table, and the last three are the ones marked.
            assertThat(depts.getRow(4).getCell(6).getNumericCellValue())
                    .isGreaterThan(depts.getRow(12).getCell(6).getNumericCellValue());
            assertThat(List.of(10, 11, 12)).allSatisfy(r -> assertThat(depts.getRow(r).getCell(8).getStringCellValue()).isEqualTo("是"));
            assertThat(depts.getRow(9).getCell(8).getStringCellValue()).isEmpty();
            assertThat(depts.getDrawingPatriarch().getCharts()).hasSize(1);

            XSSFSheet overview = wb.getSheet("总体情况");
            assertThat(overview.getRow(4).getCell(0).getStringCellValue()).isEqualTo("受理");
            assertThat(overview.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(38_412);
            Row closeRate = overview.getRow(9);
            assertThat(closeRate.getCell(0).getStringCellValue()).isEqualTo("结案率");
            assertThat(closeRate.getCell(1).getNumericCellValue()).isEqualTo(0.9693);
            assertThat(closeRate.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(closeRate.getCell(3).getNumericCellValue()).isCloseTo(0.49, org.assertj.core.data.Offset.offset(1e-9));

            assertThat(wb.getSheet("街道综合评价排名").getLastRowNum()).isEqualTo(3 + 30);
            assertThat(wb.getSheet("案件趋势").getLastRowNum()).isEqualTo(3 + 30);
            assertThat(wb.getSheet("案件趋势").getDrawingPatriarch().getCharts()).hasSize(1);
            XSSFSheet ledger = wb.getSheet("疑难案件台账");
            assertThat(ledger.getLastRowNum()).isEqualTo(3 + 108);
            assertThat(ledger.getRow(1).getCell(0).getStringCellValue()).contains("台账共108件", "现场交办103件");
        }
    }

    @Test
    void pdfTextHasTheChineseTitleAndEveryRankingRow() throws Exception {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(SampleReports.TITLE);
        }
        assertThat(text).contains(SampleReports.TITLE, "新乡市城市运行管理服务中心", "一、总体情况", "专业部门综合评价排名",
                "疑难案件台账共108件", "现场交办103件");
        List<String> lines = text.lines().toList();
        for (Ranking ranking : report.rankings()) {
            for (RankRow row : ranking.rows()) {
                String score = Formats.value(row.score(), cn.tongguan.reports.model.Unit.SCORE);
                assertThat(lines).as("%s row %s", ranking.title(), row.name())
                        .anySatisfy(l -> assertThat(l).startsWith(row.rank() + " " + row.name() + " ").contains(" " + score + " "
                                + row.grade().name()));
            }
        }
        // Worst marked: three departments, two of the four districts, three streets.
        assertThat(text.split("▲后三位", -1)).hasSize(1 + 3 + 3);
        assertThat(text.split("▲后两位", -1)).hasSize(1 + 2);
    }

    @Test
    void anEmptyDayStillRendersBothFiles() throws Exception {
        Report empty = new Report(cn.tongguan.reports.model.ReportKind.DAILY, "2026年11月3日城市运行管理服务日统计",
                "新乡市城市运行管理服务中心", "2026年11月3日", java.time.Instant.parse("2026-11-03T16:30:00Z"),
                List.of(cn.tongguan.reports.model.Kpi.count("受理", 0, 0L, null)),
                List.of(new Ranking("专业部门综合评价排名", "部门", List.of(), List.of())),
                List.of(new cn.tongguan.reports.model.TrendPoint(java.time.LocalDate.of(2026, 11, 3), 0, 0)),
                List.of(), List.of(), null, null);
        ReportRenderer renderer = new ReportRenderer(ReportFonts.system());
        try (PDDocument doc = Loader.loadPDF(renderer.pdf(empty))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("日统计", "本日", "上日", "本期无数据", "疑难案件台账共0件");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(empty)))) {
            assertThat(wb.getSheet("总体情况").getRow(3).getCell(1).getStringCellValue()).isEqualTo("本日");
            assertThat(wb.getSheet("专业部门综合评价排名").getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void firstPageRasterisesToAPageWithInkAndTheRedHead() throws Exception {
        Path file = OUT.resolve("report-monthly.pdf");
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                file.toString(), OUT.resolve("report-monthly-page1").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("pdftoppm (Debian poppler-utils) finished").isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        BufferedImage page = ImageIO.read(OUT.resolve("report-monthly-page1.png").toFile());
        assertThat(page.getWidth()).isBetween(820, 830); // A4 at 100 dpi
        long ink = 0;
        long red = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r + g + b < 600) {
                    ink++;
                }
                if (r > 150 && g < 60 && b < 60) {
                    red++;
                }
            }
        }
        long area = (long) page.getWidth() * page.getHeight();
        assertThat(ink).as("dark pixels").isGreaterThan(area / 50);
        // The red head (issuer and rules) sits in the top fifth of the page.
        assertThat(red).as("red pixels").isGreaterThan(2_000);
    }
}
