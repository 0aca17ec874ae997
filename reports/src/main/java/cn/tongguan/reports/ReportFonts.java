package cn.tongguan.reports;

import com.lowagie.text.pdf.BaseFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two CJK faces of a report: a 黑体 (sans, for headings, tables and charts) and a 宋体/明体 (serif, for body
 * text), as an official notice sets them. Both must be TrueType: OpenPDF subsets TrueType outlines, while
 * {@code fonts-noto-cjk} is CFF, which it could only embed whole (≈ 20 MB per face; ADR 0071). The Debian
 * packages {@code fonts-wqy-zenhei} and {@code fonts-arphic-uming} provide them ({@code ./dev} installs both).
 * Loading a face parses a large collection, so one instance is made per process and shared.
 */
public final class ReportFonts {
    /** Where Debian puts the faces; the first existing one wins. */
    public static final List<Path> HEI_CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
    public static final List<Path> SONG_CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"));

    private final BaseFont hei;
    private final BaseFont song;
    private final Font awtHei;

    public ReportFonts(Path heiFile, Path songFile) {
        this.hei = pdfFont(heiFile);
        this.song = pdfFont(songFile);
        this.awtHei = awtFont(heiFile);
    }

    /** The faces from the Debian packages; a clear message naming the packages when they are missing. */
    public static ReportFonts system() {
        return new ReportFonts(first(HEI_CANDIDATES, "fonts-wqy-zenhei"), first(SONG_CANDIDATES, "fonts-arphic-uming"));
    }

    private static Path first(List<Path> candidates, String debianPackage) {
        return candidates.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "no CJK TrueType font for reports: install the Debian package " + debianPackage + " (looked in "
                        + candidates + ")"));
    }

    private static BaseFont pdfFont(Path file) {
        // A collection is addressed as "file.ttc,0" (its first face: the simplified-Chinese one in both packages).
        String name = file.toString().endsWith(".ttc") ? file + ",0" : file.toString();
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + file, e);
        }
    }

    private static Font awtFont(Path file) {
        try {
            return Font.createFonts(file.toFile())[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("not a font: " + file, e);
        }
    }

    /** 黑体 for the PDF's headings, tables and figures. */
    public BaseFont hei() {
        return hei;
    }

    /** 宋体/明体 for the PDF's running text. */
    public BaseFont song() {
        return song;
    }

    /** The same 黑体 for charts drawn with Java2D, at a size and style. */
    public Font chart(int style, float size) {
        return awtHei.deriveFont(style, size);
    }
}
