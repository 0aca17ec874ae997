package cn.tongguan.reports;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/** The PDF's type scale and table cells, in one place so every section looks the same. */
final class PdfKit {
    static final Color HEADER_FILL = Charts.BLUE;
    static final Color ZEBRA = new Color(0xF4, 0xF6, 0xF9);
    static final Color WORST_FILL = new Color(0xFD, 0xE4, 0xE4);
    static final Color GRID = new Color(0xB8, 0xC2, 0xCC);
    static final Color GREEN = new Color(0x1B, 0x7F, 0x3B);
    static final Color GREY = new Color(0x59, 0x59, 0x59);

    final Font redHead;
    final Font title;
    final Font subtitle;
    final Font section;
    final Font body;
    final Font bodyBold;
    final Font th;
    final Font td;
    final Font tdBold;
    final Font tdRed;
    final Font tdGreen;
    final Font small;

    PdfKit(ReportFonts fonts) {
        redHead = new Font(fonts.hei(), 26, Font.BOLD, Charts.RED);
        title = new Font(fonts.hei(), 17, Font.NORMAL, Color.BLACK);
        subtitle = new Font(fonts.song(), 10.5f, Font.NORMAL, GREY);
        section = new Font(fonts.hei(), 13.5f, Font.NORMAL, Color.BLACK);
        body = new Font(fonts.song(), 11, Font.NORMAL, Color.BLACK);
        bodyBold = new Font(fonts.hei(), 11, Font.NORMAL, Color.BLACK);
        th = new Font(fonts.hei(), 9, Font.NORMAL, Color.WHITE);
        td = new Font(fonts.hei(), 8.5f, Font.NORMAL, Color.BLACK);
        tdBold = new Font(fonts.hei(), 8.5f, Font.BOLD, Color.BLACK);
        tdRed = new Font(fonts.hei(), 8.5f, Font.NORMAL, Charts.RED);
        tdGreen = new Font(fonts.hei(), 8.5f, Font.NORMAL, GREEN);
        small = new Font(fonts.song(), 8.5f, Font.NORMAL, GREY);
    }

    static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    Paragraph section(int n, String text) {
        Paragraph p = new Paragraph(NUMERALS[Math.min(n, NUMERALS.length) - 1] + "、" + text, section);
        p.setSpacingBefore(10);
        p.setSpacingAfter(5);
        return p;
    }

    Paragraph text(String s) {
        Paragraph p = new Paragraph(s, body);
        p.setFirstLineIndent(22); // two characters, as Chinese prose is set
        p.setLeading(19);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(4);
        return p;
    }

    PdfPTable table(float... widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(3);
        t.setSpacingAfter(8);
        return t;
    }

    void header(PdfPTable t, String... names) {
        for (String n : names) {
            PdfPCell c = cell(n, th, Element.ALIGN_CENTER, HEADER_FILL);
            c.setPaddingTop(4);
            c.setPaddingBottom(5);
            t.addCell(c);
        }
    }

    PdfPCell cell(String text, Font font, int align, Color fill) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setBorderColor(GRID);
        c.setBorderWidth(0.5f);
        c.setPaddingTop(2.5f);
        c.setPaddingBottom(4f);
        c.setPaddingLeft(3);
        c.setPaddingRight(3);
        if (fill != null) {
            c.setBackgroundColor(fill);
        }
        return c;
    }
}
