package cn.tongguan.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WallLayoutTest {
    @Test
    void layoutsHaveTheirTileCounts() {
        assertThat(WallLayout.ONE.tiles()).isEqualTo(1);
        assertThat(WallLayout.FOUR.tiles()).isEqualTo(4);
        assertThat(WallLayout.NINE.tiles()).isEqualTo(9);
        assertThat(WallLayout.SIXTEEN.tiles()).isEqualTo(16);
        assertThat(WallLayout.ONE_PLUS_FIVE.tiles()).isEqualTo(6);
        assertThat(WallLayout.ONE_PLUS_SEVEN.tiles()).isEqualTo(8);
    }

    @Test
    void theLargeTileComesFirst() {
        assertThat(WallLayout.ONE_PLUS_SEVEN.cells().get(0)).isEqualTo(new WallLayout.Cell(0, 0, 3, 3));
        assertThat(WallLayout.ONE_PLUS_FIVE.cells().get(1)).isEqualTo(new WallLayout.Cell(2, 0, 1, 1));
    }

    @Test
    void onlyTilesWiderThanHalfTheWallAreLarge() {
        assertThat(WallLayout.ONE.isLarge(0)).isTrue();
        assertThat(WallLayout.ONE_PLUS_FIVE.isLarge(0)).isTrue();
        assertThat(WallLayout.ONE_PLUS_FIVE.isLarge(1)).isFalse();
        assertThat(WallLayout.FOUR.isLarge(0)).isFalse();
    }

    @Test
    void cameraListReadsTabSeparatedLines() throws IOException {
        var cams = CameraList.parse("# id\tname\tmain\tsub\ncam001\t平原路001\trtsp://h/cam001/main\trtsp://h/cam001/sub\n"
                + "\ncam002\t人民路002\thttp://h/cam002/main.ts\n");
        assertThat(cams).hasSize(2);
        assertThat(cams.get(0).sub().toString()).isEqualTo("rtsp://h/cam001/sub");
        assertThat(cams.get(1).sub()).isEqualTo(cams.get(1).main());
    }

    @Test
    void cameraListNamesTheBadLine() {
        assertThatThrownBy(() -> CameraList.parse("cam001\tonly two\n")).hasMessageContaining("line 1");
    }
}
