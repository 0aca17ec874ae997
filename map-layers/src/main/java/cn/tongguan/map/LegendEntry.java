package cn.tongguan.map;

import javafx.scene.paint.Color;

/** One line of the legend: a label with the colour and shape it is drawn with. */
public record LegendEntry(String label, Color colour, SymbolShape shape) {
}
