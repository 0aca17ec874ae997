package cn.tongguan.console.queue;

/** An entry of a filter box: the code filtered on (null = everything) and its label. */
public record Choice(String code, String label) {
    @Override
    public String toString() {
        return label;
    }
}
