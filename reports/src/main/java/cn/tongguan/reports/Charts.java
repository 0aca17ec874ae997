package cn.tongguan.reports;

import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.TrendPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn with JFreeChart in the report's 黑体 and rasterised at twice the print size so they
 * stay sharp on paper and on the wall. Worst-ranked units are drawn in red, the others in the hall's blue.
 */
final class Charts {
    static final Color BLUE = new Color(0x1F, 0x4E, 0x79);
    static final Color RED = new Color(0xC0, 0x00, 0x00);
    static final Color TEAL = new Color(0x2E, 0x8B, 0x57);
    private static final int SCALE = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final ReportFonts fonts;

    Charts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    private JFreeChart themed(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("tongguan");
        theme.setExtraLargeFont(fonts.chart(Font.BOLD, 15f));
        theme.setLargeFont(fonts.chart(Font.PLAIN, 12f));
        theme.setRegularFont(fonts.chart(Font.PLAIN, 11f));
        theme.setSmallFont(fonts.chart(Font.PLAIN, 9f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** Daily received and closed cases over the period. */
    byte[] trend(List<TrendPoint> points, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TrendPoint p : points) {
            String day = DAY.format(p.day());
            data.addValue(p.received(), "受理", day);
            data.addValue(p.closed(), "结案", day);
        }
        JFreeChart chart = themed(new JFreeChart("每日受理与结案趋势", null, new CategoryPlot(data, new CategoryAxis(),
                new org.jfree.chart.axis.NumberAxis("件"), new LineAndShapeRenderer(true, true)), true));
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(0, BLUE);
        r.setSeriesPaint(1, TEAL);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        plot.getDomainAxis().setCategoryLabelPositions(points.size() > 10 ? CategoryLabelPositions.UP_45
                : CategoryLabelPositions.STANDARD);
        legendTop(chart);
        return png(chart, width, height);
    }

    /** Composite scores of a ranking, best first; the marked worst in red with their score on the bar. */
    byte[] ranking(Ranking ranking, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RankRow row : ranking.rows()) {
            data.addValue(row.score(), "综合指标值", row.name());
        }
        List<RankRow> rows = ranking.rows();
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return rows.get(item).worst() ? RED : BLUE;
            }
        };
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setMaximumBarWidth(0.08);
        org.jfree.chart.axis.NumberAxis axis = new org.jfree.chart.axis.NumberAxis("分");
        double min = rows.stream().mapToDouble(RankRow::score).min().orElse(0);
        axis.setRange(Math.max(0, Math.floor(min / 10) * 10 - 10), 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, renderer);
        // Names of departments and streets are long: beyond a handful of units they read better down the side.
        plot.setOrientation(rows.size() > 4 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        JFreeChart chart = themed(new JFreeChart(ranking.title() + "（综合指标值）", null, plot, false));
        renderer.setDefaultItemLabelFont(fonts.chart(Font.PLAIN, 8f));
        if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
            // Scores just past the bar's end, names small enough for one bar each, the scale at the foot.
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            plot.getDomainAxis().setTickLabelFont(fonts.chart(Font.PLAIN, 8.5f));
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            renderer.setItemMargin(0);
            renderer.setMaximumBarWidth(0.8);
            plot.getDomainAxis().setCategoryMargin(0.25);
        }
        return png(chart, width, height);
    }

    /** The print height of a ranking chart with this many units: a bar of about 11 points each. */
    static int rankingHeight(int units) {
        return units > 4 ? 14 * units + 70 : 200;
    }

    /** High-incidence classes as horizontal bars, most frequent on top. */
    byte[] classes(List<ClassCount> classes, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ClassCount c : classes) {
            data.addValue(c.count(), "案件数", c.name());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setMaximumBarWidth(0.07);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new org.jfree.chart.axis.NumberAxis("件"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = themed(new JFreeChart("高发问题（前" + classes.size() + "类）", null, plot, false));
        renderer.setSeriesPaint(0, BLUE); // after the theme, which sets its own series colours
        renderer.setDefaultItemLabelFont(fonts.chart(Font.PLAIN, 9f));
        return png(chart, width, height);
    }

    private static void legendTop(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
