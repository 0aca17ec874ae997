package cn.tongguan.reports;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (POI's XDDF) over the sheet's own cells, so a reader who corrects a figure sees the chart
 * follow. Rows are 0-based and inclusive; the chart is anchored to the right of the table.
 */
final class XlsxCharts {
    private XlsxCharts() {
    }

    private static XSSFChart chart(XSSFSheet sh, String title, int col, int row, int cols, int rows) {
        XSSFDrawing drawing = sh.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + cols, row + rows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    /** Composite scores (column {@code scoreCol}) by unit name (column {@code nameCol}); below the table. */
    static void scoreBars(XSSFSheet sh, String title, int first, int last, int nameCol, int scoreCol, int atRow,
                          int width) {
        XSSFChart chart = chart(sh, title, 1, atRow, Math.max(8, width - 1), Math.max(16, (last - first + 1) + 6));
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMaximum(100);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sh,
                new CellRangeAddress(first, last, nameCol, nameCol));
        XDDFNumericalDataSource<Double> scores = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                new CellRangeAddress(first, last, scoreCol, scoreCol));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series s = data.addSeries(names, scores);
        s.setTitle("综合指标值", null);
        chart.plot(data);
    }

    /** Received (column 1) and closed (column 2) per day, labelled MM-dd. */
    static void trendLines(XSSFSheet sh, String[] labels, int first, int last, int atCol, int atRow) {
        XSSFChart chart = chart(sh, "每日受理与结案趋势", atCol, atRow, 12, 20);
        chart.getOrAddLegend().setPosition(LegendPosition.TOP);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> days = XDDFDataSourcesFactory.fromArray(labels);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        String[] names = {"受理", "结案"};
        for (int i = 0; i < names.length; i++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                    new CellRangeAddress(first, last, 1 + i, 1 + i));
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(days, values);
            s.setTitle(names[i], null);
            s.setSmooth(false);
            s.setMarkerStyle(MarkerStyle.CIRCLE);
        }
        chart.plot(data);
    }

    /** Counts (column {@code valueCol}) by name (column {@code nameCol}) as horizontal bars. */
    static void countBars(XSSFSheet sh, String title, int first, int last, int nameCol, int valueCol, int atCol, int atRow) {
        XSSFChart chart = chart(sh, title, atCol, atRow, 10, Math.max(14, last - first + 6));
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sh,
                new CellRangeAddress(first, last, nameCol, nameCol));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                new CellRangeAddress(first, last, valueCol, valueCol));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series s = data.addSeries(names, values);
        s.setTitle("案件数", null);
        chart.plot(data);
    }
}
