package cn.tongguan.console.audit;

import cn.tongguan.api.Audit;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The auditor's console: the platform's audit log (newest first) filtered by actor and action, read off the FX
 * thread through the injected executor; the table shows what the last search answered.
 */
public final class AuditViewModel {
    /** Reads one page of the audit log ({@code GET /api/v1/audit}); null filters mean all. */
    @FunctionalInterface
    public interface Source {
        Audit.Page page(String actor, String action, int limit) throws IOException;
    }

    static final int LIMIT = 500;

    private final Messages messages;
    private final Source source;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Audit.Entry> entries = FXCollections.observableArrayList();
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public AuditViewModel(Messages messages, Source source, Executor background, Executor ui) {
        this.messages = messages;
        this.source = source;
        this.background = background;
        this.ui = ui;
    }

    /** Reads the log with the current filters (called on the FX thread). */
    public void load() {
        String who = blankToNull(actor.get());
        String what = blankToNull(action.get());
        status.set(messages.text("audit.status.loading"));
        background.execute(() -> {
            try {
                Audit.Page page = source.page(who, what, LIMIT);
                ui.execute(() -> {
                    entries.setAll(page.items());
                    status.set(messages.text("audit.status.count", page.items().size()));
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> status.set(messages.text("audit.status.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ObservableList<Audit.Entry> entries() {
        return entries;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
