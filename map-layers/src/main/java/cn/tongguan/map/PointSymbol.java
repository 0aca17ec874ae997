package cn.tongguan.map;

import java.util.Objects;
import javafx.scene.paint.Color;

/** How one class of points is drawn at street zoom (the "icon by class"). */
public record PointSymbol(Color colour, SymbolShape shape) {
    public PointSymbol {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(shape, "shape");
    }
}
