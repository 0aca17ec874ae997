package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a seat pushed to the wall: a case becomes a detail card over the map (and the map flies to it), a
 * camera goes into a video tile. The case is read in the background as the wall may see it (masked).
 */
public final class PushedViewModel {
    /** Reads one case (blocking, on the background executor). */
    public interface CaseReader {
        Cases.CaseDetail read(long id) throws IOException;
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Messages messages;
    private final java.util.function.Function<String, String> states;
    private final CaseReader cases;
    private final Consumer<Cases.Case> focus;
    private final Consumer<String> showCamera;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper("");

    /**
     * @param focus flies the map to a case
     * @param showCamera puts a camera (by id) in a video tile
     */
    public PushedViewModel(Messages messages, java.util.function.Function<String, String> states, CaseReader cases,
                           Consumer<Cases.Case> focus, Consumer<String> showCamera, Executor background, Executor ui) {
        this.messages = messages;
        this.states = states;
        this.cases = cases;
        this.focus = focus;
        this.showCamera = showCamera;
        this.background = background;
        this.ui = ui;
    }

    /** A {@code wall.push} event (on the FX thread). */
    public void pushed(Lifeline.WallPush push) {
        if ("CAMERA".equals(push.kind())) {
            showCamera.accept(push.target());
            return;
        }
        if (!"CASE".equals(push.kind())) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(push.target());
        } catch (NumberFormatException e) {
            return;
        }
        String by = push.by() == null ? "—" : push.by();
        background.execute(() -> {
            try {
                Cases.Case c = cases.read(id).item();
                ui.execute(() -> show(c, by, push.note()));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    title.set(messages.text("wall.push.title", push.target()));
                    body.set(messages.text("wall.push.failed"));
                    shown.set(true);
                });
            }
        });
    }

    private void show(Cases.Case c, String by, String note) {
        title.set(messages.text("wall.push.title", c.caseNo()));
        String text = messages.text("wall.push.body", states.apply(c.state()), CLOCK.format(c.reportedAt()),
                c.address() == null ? "—" : c.address(), c.description() == null ? "" : c.description(), by);
        body.set(note == null || note.isBlank() ? text : text + "\n" + messages.text("wall.push.note", note));
        shown.set(true);
        focus.accept(c);
    }

    /** A case clicked on the wall's map (FX thread): its card from what the wall already holds, no request. */
    public void opened(Cases.Case c) {
        title.set(messages.text("wall.case.title", c.caseNo()));
        body.set(messages.text("wall.case.body", states.apply(c.state()), CLOCK.format(c.reportedAt()),
                c.address() == null ? "—" : c.address(), c.description() == null ? "" : c.description()));
        shown.set(true);
    }

    public void dismiss() {
        shown.set(false);
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }
}
