package cn.tongguan.reports;

import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.Unit;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are written in the PDF (the XLSX keeps numbers and uses cell formats instead). */
final class Formats {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Formats() {
    }

    static String value(Double v, Unit unit) {
        if (v == null) {
            return "—";
        }
        return switch (unit) {
            case COUNT -> new DecimalFormat("#,##0", SYMBOLS).format(v);
            case PERCENT -> new DecimalFormat("0.00", SYMBOLS).format(v * 100) + "%";
            case SCORE -> new DecimalFormat("0.0", SYMBOLS).format(v);
        };
    }

    /**
     * The change from {@code base} to the current value: counts as a relative change (↑5.2%), rates in
     * percentage points (↑0.35个百分点), as Chinese bulletins write them; "—" when either side is missing.
     */
    static String change(Kpi k, Double base) {
        if (k.current() == null || base == null) {
            return "—";
        }
        double delta;
        String suffix;
        if (k.unit() == Unit.PERCENT) {
            delta = (k.current() - base) * 100;
            suffix = "个百分点";
        } else {
            if (base == 0) {
                return "—";
            }
            delta = (k.current() - base) / base * 100;
            suffix = "%";
        }
        String number = new DecimalFormat("0.00", SYMBOLS).format(Math.abs(delta));
        if (number.equals("0.00")) {
            return "持平";
        }
        return (delta > 0 ? "↑" : "↓") + number + suffix;
    }

    /** Whether the change is for the better (colours it green) or worse (red); null when flat or unknown. */
    static Boolean better(Kpi k, Double base) {
        if (k.current() == null || base == null || Math.abs(k.current() - base) < 1e-9) {
            return null;
        }
        return (k.current() > base) == k.higherIsBetter();
    }
}
