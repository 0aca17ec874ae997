package cn.tongguan.console.sync;

import java.io.IOException;

/**
 * The platform (or something in its place) answered 2xx with a body the console will not take: the wrong content
 * type, more bytes than an answer of its kind may have, or data that does not make sense (an empty category list).
 */
public final class UnrecognisedAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    public UnrecognisedAnswer(String message) {
        super(message);
    }
}
