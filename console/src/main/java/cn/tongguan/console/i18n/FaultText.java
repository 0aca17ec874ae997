package cn.tongguan.console.i18n;

import cn.tongguan.console.sync.Fault;

/** The words for a {@link Fault}, one literal key each (so the key test sees them). */
public final class FaultText {
    private FaultText() {
    }

    public static String of(Messages messages, Fault fault) {
        return switch (fault) {
            case UNREACHABLE -> messages.text("fault.unreachable");
            case TIMEOUT -> messages.text("fault.timeout");
            case UNRECOGNISED -> messages.text("fault.unrecognised");
            case SERVER -> messages.text("fault.server");
            case SESSION_ENDED -> messages.text("fault.session_ended");
            case UNTRUSTED -> messages.text("fault.untrusted");
        };
    }
}
