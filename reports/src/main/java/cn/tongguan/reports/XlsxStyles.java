package cn.tongguan.reports;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's cell styles, made once per workbook (Excel caps a workbook at 64,000 styles, so they must not be
 * made per cell). Number formats: counts {@code #,##0}, rates {@code 0.00%}, scores {@code 0.0}, changes in
 * percentage points with a sign.
 */
final class XlsxStyles {
    /** The face named in the file; Excel and LibreOffice substitute a local CJK font when it is missing. */
    static final String FONT = "宋体";
    private static final byte[] BLUE = {0x1F, 0x4E, 0x79};
    private static final byte[] RED = {(byte) 0xC0, 0x00, 0x00};
    private static final byte[] WORST = {(byte) 0xFD, (byte) 0xE4, (byte) 0xE4};

    final CellStyle title;
    final CellStyle note;
    final CellStyle header;
    final CellStyle text;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle score;
    final CellStyle points;
    final CellStyle changePercent;
    final CellStyle date;
    final CellStyle worstText;
    final CellStyle worstCount;
    final CellStyle worstPercent;
    final CellStyle worstScore;

    XlsxStyles(XSSFWorkbook wb) {
        XSSFFont titleFont = font(wb, 14, true, null);
        XSSFFont noteFont = font(wb, 10, false, new byte[] {0x59, 0x59, 0x59});
        XSSFFont headerFont = font(wb, 10.5, true, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        XSSFFont plain = font(wb, 10.5, false, null);
        XSSFFont red = font(wb, 10.5, false, RED);

        title = wb.createCellStyle();
        title.setFont(titleFont);
        note = wb.createCellStyle();
        note.setFont(noteFont);
        XSSFCellStyle h = bordered(wb, headerFont, null);
        h.setFillForegroundColor(new XSSFColor(BLUE, null));
        h.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        h.setAlignment(HorizontalAlignment.CENTER);
        h.setWrapText(true);
        header = h;
        text = bordered(wb, plain, null);
        count = bordered(wb, plain, "#,##0");
        percent = bordered(wb, plain, "0.00%");
        score = bordered(wb, plain, "0.0");
        points = bordered(wb, plain, "+0.00\"个百分点\";-0.00\"个百分点\";0.00");
        changePercent = bordered(wb, plain, "+0.00%;-0.00%;0.00%");
        date = bordered(wb, plain, "yyyy-mm-dd");
        worstText = worst(bordered(wb, red, null));
        worstCount = worst(bordered(wb, red, "#,##0"));
        worstPercent = worst(bordered(wb, red, "0.00%"));
        worstScore = worst(bordered(wb, red, "0.0"));
    }

    private static XSSFFont font(XSSFWorkbook wb, double size, boolean bold, byte[] rgb) {
        XSSFFont f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeight(size);
        f.setBold(bold);
        if (rgb != null) {
            f.setColor(new XSSFColor(rgb, null));
        }
        return f;
    }

    private static XSSFCellStyle bordered(XSSFWorkbook wb, XSSFFont font, String format) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        if (format != null) {
            s.setDataFormat(wb.createDataFormat().getFormat(format));
        }
        return s;
    }

    private static CellStyle worst(XSSFCellStyle s) {
        s.setFillForegroundColor(new XSSFColor(WORST, null));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }
}
