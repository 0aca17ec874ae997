package cn.tongguan.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Tile arrangements of the wall: square grids of 1, 4, 9 and 16, and one large tile with 5 or 7 small
 * ones around it (1+5 on a 3×3 grid, 1+7 on a 4×4 grid). Tile 0 is the large one.
 */
public enum WallLayout {
    ONE(1, 1), FOUR(2, 0), NINE(3, 0), SIXTEEN(4, 0), ONE_PLUS_FIVE(3, 2), ONE_PLUS_SEVEN(4, 3);

    /** A tile's place on the grid, in grid cells. */
    public record Cell(int column, int row, int columnSpan, int rowSpan) {
    }

    private final int grid;
    private final int big;

    WallLayout(int grid, int big) {
        this.grid = grid;
        this.big = big;
    }

    /** Cells per side of the underlying square grid. */
    public int grid() {
        return grid;
    }

    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        if (big > 0) {
            cells.add(new Cell(0, 0, big, big));
        }
        for (int row = 0; row < grid; row++) {
            for (int col = 0; col < grid; col++) {
                if (row >= big || col >= big) {
                    cells.add(new Cell(col, row, 1, 1));
                }
            }
        }
        return cells;
    }

    /** Whether a tile covers more than half the wall's width: it plays the main stream (a small tile, the sub). */
    public boolean isLarge(int tile) {
        List<Cell> cells = cells();
        return tile < cells.size() && cells.get(tile).columnSpan() * 2 > grid;
    }

    public int tiles() {
        return cells().size();
    }
}
